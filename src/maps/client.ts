/**
 * The browser side of a map page: draws the build-time payload with Leaflet. Loaded only by the
 * map pages (bundled by Vite from the page's <script>). There is no base map: no tile server is
 * contacted (the site's Content-Security-Policy, img-src 'self', would block one anyway).
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapPayload, PayloadArea, PayloadLine, PayloadPlace } from './payload.ts';
import { groupAnchor, groupOverlapping, labelShift } from './cluster.ts';

/** Side of a marker's hit area: the WCAG 2.5.8 minimum target size. */
const MARKER_PX = 24;

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

/** Space activates a role="button" element, as Enter does (Leaflet handles only Enter). */
function onSpace(target: HTMLElement | undefined, action: () => void): void {
  target?.addEventListener('keydown', (e) => {
    if (e.key === ' ') {
      e.preventDefault();
      action();
    }
  });
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
  const map = L.map(canvas, { zoomSnap: 0.25, keyboard: true, renderer: L.svg({ padding: 0.5 }), maxZoom: payload.kind === 'oblast-1930' ? 11 : 17, minZoom: payload.kind === 'oblast-1930' ? 5 : 10 });
  // Room at the sides for the names of raions and okrugs on the edge, which a phone's narrow map cut off.
  map.fitBounds(payload.bounds, { padding: L.point(canvas.clientWidth < 500 ? 40 : 12, 12) });
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

  // Places: single markers, or group markers where markers would overlap at the current zoom.
  const byId = new Map(payload.places.map((p) => [p.id, p]));
  const placeLayer = L.layerGroup().addTo(map);
  const markers = new Map<string, L.Marker>();
  const singleMarker = (p: PayloadPlace): L.Marker => {
    const marker = L.marker([p.lat, p.lon], {
      icon: L.divIcon({ className: `place-marker${p.approximate ? ' place-marker-approx' : ''}`, iconSize: [MARKER_PX, MARKER_PX], html: '<span></span>' }),
      title: p.name,
      keyboard: true,
      riseOnHover: true,
    }).bindPopup(() => placePopup(p), { maxWidth: 340, maxHeight: 280 });
    marker.on('add', () => {
      const icon = marker.getElement();
      icon?.setAttribute('aria-label', `${p.name}${p.approximate ? ' (approximate position)' : ''}: show the passages that mention it`);
      icon?.setAttribute('data-place', p.id);
      onSpace(icon, () => marker.openPopup());
    });
    return marker;
  };
  const groupMarker = (ids: string[]): L.Marker => {
    const members = ids.map((id) => byId.get(id)).filter((p): p is PayloadPlace => p !== undefined);
    const at = L.latLngBounds(members.map((p) => [p.lat, p.lon] as [number, number]));
    const names = members.map((p) => p.name).join('; ');
    const anchor = groupAnchor(members.map((p) => ({ p, ...map.latLngToLayerPoint([p.lat, p.lon]) }))).p;
    const marker = L.marker([anchor.lat, anchor.lon], {
      icon: L.divIcon({ className: 'place-group', iconSize: [MARKER_PX + 4, MARKER_PX + 4], html: `<span>${members.length}</span>` }),
      title: names,
      keyboard: true,
    });
    const activate = (): void => {
      if (map.getZoom() >= map.getMaxZoom()) {
        const box = el('div', 'map-popup');
        for (const p of members) box.append(placePopup(p));
        marker.bindPopup(box, { maxWidth: 340, maxHeight: 280 }).openPopup();
      } else map.fitBounds(at.pad(0.5), { maxZoom: Math.min(map.getZoom() + 3, map.getMaxZoom()) });
    };
    marker.on('add', () => {
      const icon = marker.getElement();
      icon?.setAttribute('aria-label', `${members.length} places close together: ${names}. Zoom in to separate them`);
      icon?.setAttribute('data-places', ids.join(' '));
      onSpace(icon, activate);
    });
    marker.on('click', activate);
    // Leaflet turns Enter into a popup only for markers with a popup; a group has none until the last zoom.
    marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key === 'Enter') activate();
    });
    return marker;
  };
  const layout = (): void => {
    placeLayer.clearLayers();
    markers.clear();
    const points = payload.places.map((p) => ({ id: p.id, ...map.latLngToLayerPoint([p.lat, p.lon]) }));
    for (const group of groupOverlapping(points, MARKER_PX + 2)) {
      const ids = group.map((g) => g.id);
      if (ids.length === 1) {
        const p = byId.get(ids[0] as string);
        if (!p) continue;
        const m = singleMarker(p);
        markers.set(p.id, m);
        m.addTo(placeLayer);
      } else groupMarker(ids).addTo(placeLayer);
    }
  };
  // Move an area's name off any marker that covers it at this zoom (see labelShift).
  const clearLabels = (): void => {
    const markerBoxes = [...canvas.querySelectorAll('.place-marker, .place-group')].map((m) => m.getBoundingClientRect());
    const frame = canvas.getBoundingClientRect();
    for (const span of canvas.querySelectorAll<HTMLElement>('.map-label span')) {
      // The `translate` property adds to the stylesheet's centring transform instead of replacing it.
      span.style.translate = '';
      const shift = labelShift(span.getBoundingClientRect(), markerBoxes, MARKER_PX / 2, frame);
      if (shift && (shift.dx !== 0 || shift.dy !== 0)) span.style.translate = `${shift.dx}px ${shift.dy}px`;
    }
  };
  layout();
  clearLabels();
  map.on('zoomend', () => {
    layout();
    clearLabels();
  });

  const show = (id: string, focus: boolean): void => {
    const p = byId.get(id);
    if (!p) return;
    // Zoom in until the place has its own marker.
    let zoom = Math.max(map.getZoom(), payload.kind === 'oblast-1930' ? 8 : 13);
    map.setView([p.lat, p.lon], zoom, { animate: false });
    while (!markers.has(id) && zoom < map.getMaxZoom()) {
      zoom += 1;
      map.setView([p.lat, p.lon], zoom, { animate: false });
    }
    const m = markers.get(id);
    if (!m) return;
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
    if (location.hash.startsWith('#place-')) show(decodeURIComponent(location.hash.slice('#place-'.length)), false);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();

  return map;
}

for (const root of document.querySelectorAll<HTMLElement>('.map-page')) mountMap(root);
