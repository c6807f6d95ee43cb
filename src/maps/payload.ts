/**
 * What one map page needs, computed at build time: the areas, lines and places to draw, with
 * the passages for each place's popup. The same data feeds the page's text tables (the
 * fallback without JavaScript) and, as JSON, the Leaflet script.
 */
import type { Edition } from '../pipeline/model.ts';
import type { Geodata } from './geodata.ts';
import { areaKm2, boundsOf, centroid, labelPoint, roundPoint, type LatLng } from './geo.ts';
import { mentionsByPlace, passagesOf } from './mentions.ts';
import type { Place } from './places.ts';
import type { Raion } from './city.ts';

export type MapKind = 'city-1925' | 'city-1930' | 'oblast-1930';

export interface PayloadArea {
  id: string;
  name: string;
  /** Short label drawn on the map. */
  label: string;
  colour: string;
  rings: [number, number][][];
  /** 'raion' or 'okrug': the CSS class of the polygon. */
  className: 'raion' | 'okrug';
  /** Lines of plain text for the area's popup. */
  details: string[];
  labelAt: [number, number];
}

export interface PayloadLine {
  id: string;
  name: string;
  className: string;
  points: [number, number][];
  closed: boolean;
}

export interface PayloadPassage {
  href: string;
  label: string;
  before: string;
  match: string;
  after: string;
}

export interface PayloadPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  approximate: boolean;
  /** Plain-text facts for the popup (raions, position, source). */
  facts: string[];
  passages: PayloadPassage[];
}

export interface MapPayload {
  kind: MapKind;
  title: string;
  bounds: [[number, number], [number, number]];
  areas: PayloadArea[];
  /** Drawn under the areas (context: modern regions, outlines of the other year). */
  context: PayloadLine[];
  /** Drawn over the areas (rivers, rings, city limit). */
  lines: PayloadLine[];
  places: PayloadPlace[];
  labels: { text: string; at: [number, number]; className: string }[];
}

const pt = (p: LatLng): [number, number] => roundPoint(p, 5);

/** Share of the city's area (inside the limit) that each raion covers, in per cent. */
export function areaShares(raions: readonly Raion[], limit: readonly LatLng[]): Map<string, number> {
  const total = areaKm2(limit);
  return new Map(raions.map((r) => [r.id, (100 * areaKm2(r.ring)) / total]));
}

export function raionName(g: Geodata, id: string | null): string {
  if (id === null) return '—';
  const r = [...g.schematic.raions1925, ...g.schematic.raions1930].find((x) => x.id === id);
  // The thesis's name first ("Bauman"), the official one after ("Baumanskii"), as on the maps' labels.
  return r ? (r.name === r.thesisName ? r.name : `${r.thesisName} (${r.name})`) : id;
}

function placeFacts(g: Geodata, p: Place): string[] {
  const facts: string[] = [];
  if (p.map === 'city') {
    facts.push(p.id === 'kremlin' ? 'Where the raions met (not assigned to a raion).' : `Raion in 1925: ${raionName(g, p.raion1925)}; in 1930: ${raionName(g, p.raion1930)} (as drawn on these maps).`);
  }
  if (p.thesisSays) facts.push(`The thesis: ${p.thesisSays.note}`);
  facts.push(p.position === 'sourced' ? `Position: from a published coordinate (±${p.accuracyM} m).` : `Position: approximate (±${p.accuracyM} m), placed by the editor.`);
  return facts;
}

function payloadPlaces(g: Geodata, edition: Edition, map: Place['map']): PayloadPlace[] {
  const mentions = mentionsByPlace(edition, g.places);
  return g.places
    .filter((p) => p.map === map)
    .map((p) => ({
      id: p.id,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      approximate: p.position === 'approximate',
      facts: placeFacts(g, p),
      passages: passagesOf(mentions.get(p.id) ?? []).map((m) => ({ href: m.href, label: m.label, before: m.before, match: m.variant, after: m.after })),
    }));
}

function lineageText(g: Geodata, r: Raion): string {
  if (!r.grewFrom) return '';
  return `Grew from: ${r.grewFrom.map((l) => `${raionName(g, l.raion)} [${l.basis === 'thesis' ? 'the thesis' : l.basis === 'name' ? 'same name' : 'this reconstruction'}]`).join('; ')}.`;
}

/** Label positions for a list of areas, each kept clear of the markers and of the labels placed before it. */
function placeLabels(rings: readonly (readonly LatLng[])[], avoid: readonly LatLng[], labels: readonly LatLng[] = []): [number, number][] {
  const placed: LatLng[] = [...labels];
  return rings.map((ring) => {
    const at = labelPoint(ring, avoid, 40, undefined, placed) ?? centroid(ring);
    placed.push(at);
    return pt(at);
  });
}

function raionAreas(g: Geodata, raions: readonly Raion[]): PayloadArea[] {
  const cityPoints = g.places.filter((p) => p.map === 'city').map((p) => [p.lat, p.lon] as const);
  const labels = placeLabels(raions.map((r) => r.ring), cityPoints);
  const shares = areaShares(raions, g.cityLimit);
  return raions.map((r, i) => ({
    id: r.id,
    name: `${r.thesisName} raion`,
    label: r.thesisName,
    colour: r.colour,
    rings: [r.ring.map(pt)],
    className: 'raion',
    details: [
      ...(r.name === r.thesisName ? [] : [`Officially ${r.name} raion.`]),
      `Drawn area: ${(shares.get(r.id) ?? 0).toFixed(1)}% of the city inside the Okruzhnaya railway.`,
      ...(r.note ? [r.note] : []),
      ...(r.grewFrom ? [lineageText(g, r)] : []),
    ],
    labelAt: labels[i] ?? pt(centroid(r.ring)),
  }));
}

function cityLines(g: Geodata): PayloadLine[] {
  return [
    { id: 'okruzhnaya', name: 'Okruzhnaya railway (proxy for the city limit)', className: 'city-limit', points: g.cityLimit.map(pt), closed: true },
    { id: 'moskva', name: 'River Moskva (schematic)', className: 'river', points: g.lines.moskva.map(pt), closed: false },
    { id: 'yauza', name: 'River Yauza (schematic)', className: 'river', points: g.lines.yauza.map(pt), closed: false },
    { id: 'sadovoe', name: 'Sadovoe ring (schematic)', className: 'ring-road', points: g.lines.sadovoe.map(pt), closed: true },
    { id: 'boulevard', name: 'Boulevard ring (schematic)', className: 'ring-road boulevard', points: g.lines.boulevard.map(pt), closed: false },
    { id: 'kremlin', name: 'Kremlin walls (schematic)', className: 'kremlin', points: g.lines.kremlin.map(pt), closed: true },
  ];
}

export function buildPayload(g: Geodata, edition: Edition, kind: MapKind): MapPayload {
  if (kind === 'oblast-1930') {
    const all = [...g.oblastOutline, ...g.places.filter((p) => p.map === 'oblast').map((p) => [p.lat, p.lon] as const)];
    const b = boundsOf(all);
    const moscow: LatLng = [55.7522, 37.6155];
    const markersAt = [moscow, ...g.places.filter((p) => p.map === 'oblast').map((p) => [p.lat, p.lon] as const)];
    const okrugLabels = placeLabels(g.okrugs.map((o) => o.rings[0] ?? []), [...markersAt, ...g.okrugs.map((c) => [c.lat, c.lon] as const)], [moscow]);
    return {
      kind,
      title: "The Moscow oblast' in 1930 and its ten okrugs (schematic)",
      bounds: [[b.south - 0.1, b.west - 0.1], [b.north + 0.1, b.east + 0.1]],
      areas: g.okrugs.map((o, i) => ({
        id: o.id,
        name: o.name,
        label: o.name.replace(' okrug', ''),
        colour: o.colour,
        rings: o.rings.map((r) => r.map(pt)),
        className: 'okrug',
        details: [`Centre: ${o.centre}.`, o.thesis ? `The thesis names its ${o.thesis}.` : 'Not named in the thesis.', `Schematic area: about ${Math.round(o.rings.reduce((s, r) => s + areaKm2(r), 0) / 100) * 100} km² (nearest-centre area, not a historical boundary).`],
        labelAt: okrugLabels[i] ?? pt([o.lat, o.lon]),
      })),
      context: g.modernRegions.regions.flatMap((r) =>
        r.rings.map((ring, i) => ({ id: `modern-${r.name.toLowerCase().replace(/\W+/gu, '-')}-${i}`, name: `${r.name} (modern boundary)`, className: 'modern-region', points: ring.map(([a, c]) => pt([a, c])), closed: true })),
      ),
      lines: [
        { id: 'oblast-outline', name: "Approximate outline of the oblast' (1929-30)", className: 'oblast-outline', points: g.oblastOutline.map(pt), closed: true },
        ...g.rivers.rivers.map((r, i) => ({ id: `river-${i}`, name: `River ${r.name}`, className: 'river', points: r.line.map(([a, c]) => pt([a, c])), closed: false })),
      ],
      places: payloadPlaces(g, edition, 'oblast'),
      labels: [
        // Modern regions are labelled only where they lie outside the oblast' (inside it the okrugs are labelled).
        ...g.modernRegions.regions.flatMap((r) => {
          const biggest = [...r.rings].map((ring) => ring.map(([a, c]) => [a, c] as const)).sort((x, y) => areaKm2(y) - areaKm2(x))[0] ?? [];
          const at = labelPoint(biggest, markersAt, 30, g.oblastOutline, okrugLabels);
          return at ? [{ text: `${r.name} (modern)`, at: pt(at), className: 'modern-label' }] : [];
        }),
        { text: 'Moscow', at: pt(moscow), className: 'city-label' },
      ],
    };
  }
  const year = kind === 'city-1925' ? 1925 : 1930;
  const raions = year === 1925 ? g.raions1925 : g.raions1930;
  const b = boundsOf(g.cityLimit);
  return {
    kind,
    title: year === 1925 ? 'Moscow in 1925: the six raions (schematic)' : 'Moscow in 1930: the ten new raions (schematic)',
    bounds: [[b.south - 0.005, b.west - 0.005], [b.north + 0.005, b.east + 0.005]],
    areas: raionAreas(g, raions),
    // On the 1930 map, the 1925 boundaries show what each new raion grew from.
    context: year === 1930 ? g.raions1925.map((r) => ({ id: `old-${r.id}`, name: `${r.name} raion, 1925 boundary`, className: 'old-raion', points: r.ring.map(pt), closed: true })) : [],
    lines: cityLines(g),
    places: payloadPlaces(g, edition, 'city'),
    labels: [],
  };
}

/** JSON for a <script type="application/json"> block: '<' escaped so the data can never close the element. */
export function payloadJson(p: MapPayload): string {
  return JSON.stringify(p).replace(/</gu, '\\u003c');
}
