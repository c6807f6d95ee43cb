/**
 * The browser side of a map page: draws the build-time payload with Leaflet. Loaded only by the
 * map pages (bundled by Vite from the page's <script>). There is no base map: no tile server is
 * contacted (the site's Content-Security-Policy, img-src 'self', would block one anyway).
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapPayload, PayloadArea, PayloadLine, PayloadPlace } from './payload.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Popup of a place: what it is, how well it is placed, and links to every passage naming it. */
export function placePopup(p: PayloadPlace): HTMLElement {
  const box = el('div', 'map-popup');
  box.append(el('p', 'map-popup-title', p.name));
  for (const f of p.facts) box.append(el('p', 'map-popup-fact', f));
  box.append(el('p', 'map-popup-count', `${p.passages.length} passage${p.passages.length === 1 ? '' : 's'} in the thesis:`));
  const list = el('ul', 'map-popup-passages');
  for (const m of p.passages) {
    const li = el('li');
    const a = el('a', undefined, m.label);
    a.href = m.href;
    const kwic = el('span', 'kwic');
    kwic.append(` ${m.before}`, el('mark', undefined, m.match), `${m.after}`);
    li.append(a, kwic);
    list.append(li);
  }
  box.append(list);
  return box;
}

function areaPopup(a: PayloadArea): HTMLElement {
  const box = el('div', 'map-popup');
  box.append(el('p', 'map-popup-title', a.name));
  for (const d of a.details) box.append(el('p', 'map-popup-fact', d));
  return box;
}

function drawLine(l: PayloadLine, opts: L.PathOptions): L.Path {
  const options = { ...opts, className: l.className, interactive: false };
  return l.closed ? L.polygon(l.points, { ...options, fill: false }) : L.polyline(l.points, options);
}

const LINE_STYLE: Record<string, L.PathOptions> = {
  'city-limit': { color: '#333333', weight: 2, dashArray: '6 4' },
  river: { color: '#2b6cb0', weight: 3 },
  'ring-road': { color: '#6b4f2a', weight: 2 },
  'ring-road boulevard': { color: '#6b4f2a', weight: 1.5, dashArray: '3 3' },
  kremlin: { color: '#7a1f1f', weight: 2 },
  'oblast-outline': { color: '#222222', weight: 2.5 },
  'modern-region': { color: '#777777', weight: 1, dashArray: '4 4' },
  'old-raion': { color: '#222222', weight: 1, dashArray: '2 4' },
};

export function mountMap(root: HTMLElement): L.Map | null {
  const canvas = root.querySelector<HTMLElement>('.map-canvas');
  const data = root.querySelector<HTMLScriptElement>('script.map-data');
  if (!canvas || !data?.textContent) return null;
  const payload = JSON.parse(data.textContent) as MapPayload;
  const map = L.map(canvas, { zoomSnap: 0.25, keyboard: true, renderer: L.svg({ padding: 0.5 }) });
  map.fitBounds(payload.bounds);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(
    payload.kind === 'oblast-1930'
      ? 'Schematic reconstruction. Modern boundaries © OpenStreetMap contributors, ODbL (GIS-Lab); rivers and towns: Natural Earth (public domain)'
      : 'Schematic reconstruction drawn for this edition (no base map)',
  );

  for (const c of payload.context) drawLine(c, LINE_STYLE[c.className] ?? {}).addTo(map);
  for (const a of payload.areas) {
    L.polygon(a.rings, { className: `${a.className} ${a.className}-${a.id}`, color: '#333333', weight: 1, fillColor: a.colour, fillOpacity: 0.45 })
      .bindPopup(() => areaPopup(a))
      .addTo(map);
  }
  for (const l of payload.lines) drawLine(l, LINE_STYLE[l.className] ?? {}).addTo(map);
  // Labels are plain text on the map; the tables beside the map carry the same information.
  for (const a of payload.areas) {
    L.marker(a.labelAt, { interactive: false, keyboard: false, icon: L.divIcon({ className: `map-label ${a.className}-label`, html: '', iconSize: undefined }) })
      .addTo(map)
      .getElement()
      ?.append(el('span', undefined, a.label));
  }
  for (const t of payload.labels) {
    L.marker(t.at, { interactive: false, keyboard: false, icon: L.divIcon({ className: `map-label ${t.className}`, html: '', iconSize: undefined }) })
      .addTo(map)
      .getElement()
      ?.append(el('span', undefined, t.text));
  }

  const markers = new Map<string, L.Marker>();
  for (const p of payload.places) {
    const marker = L.marker([p.lat, p.lon], {
      icon: L.divIcon({ className: `place-marker${p.approximate ? ' place-marker-approx' : ''}`, iconSize: [16, 16] }),
      title: p.name,
      keyboard: true,
      riseOnHover: true,
    })
      .bindPopup(() => placePopup(p), { maxWidth: 340, maxHeight: 280 })
      .addTo(map);
    const icon = marker.getElement();
    icon?.setAttribute('aria-label', `${p.name}${p.approximate ? ' (approximate position)' : ''}: show the passages that mention it`);
    icon?.setAttribute('data-place', p.id);
    markers.set(p.id, marker);
  }

  const show = (id: string, focus: boolean): void => {
    const m = markers.get(id);
    if (!m) return;
    map.setView(m.getLatLng(), Math.max(map.getZoom(), payload.kind === 'oblast-1930' ? 8 : 14));
    m.openPopup();
    if (focus) {
      canvas.scrollIntoView({ block: 'nearest' });
      m.getElement()?.focus({ preventScroll: true });
    }
  };
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-show-place]')) {
    b.hidden = false;
    b.addEventListener('click', () => show(b.dataset['showPlace'] ?? '', true));
  }
  const fromHash = (): void => {
    const id = decodeURIComponent(location.hash.replace(/^#place-/u, ''));
    if (location.hash.startsWith('#place-')) show(id, false);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();

  return map;
}

for (const root of document.querySelectorAll<HTMLElement>('.map-figure')) mountMap(root);
