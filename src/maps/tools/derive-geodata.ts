/**
 * One-off derivation of the regional base geography shipped in content/geodata/ from the
 * read-only sources in ../shared/geodata/ (see content/geodata/SOURCES.md). Run it again only
 * if the sources or the choices below change:
 *   node src/maps/tools/derive-geodata.ts ../shared/geodata
 * It writes:
 *   modern-regions-central-russia.json  nine modern regions, simplified (© OSM contributors, ODbL)
 *   oblast-1930-outline.json           an approximate outline of the Moscow oblast' of 1929-30
 *   rivers-oblast.json                 Volga, Oka, Moskva, Klyaz'ma at regional scale (Natural Earth)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaKm2, roundPoint, simplifyLine, type LatLng } from '../geo.ts';
import { fileURLToPath } from 'node:url';

type Position = [number, number];
interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

const src = process.argv[2] ?? '../shared/geodata';
const out = fileURLToPath(new URL('../../../content/geodata/', import.meta.url));
const read = (f: string): { features: Feature[] } => JSON.parse(readFileSync(join(src, f), 'utf8')) as { features: Feature[] };

/** Outer and inner rings of a (Multi)Polygon as [lat, lon] rings. */
function polygonsOf(g: Feature['geometry']): LatLng[][][] {
  const polys = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as Position[][][];
  return polys.map((p) => p.map((ring) => ring.map(([lon, lat]) => [lat, lon] as LatLng)));
}

/** Simplify a closed ring (keeping it closed), then round to 3 decimals (~100 m). */
function simplifyRing(ring: readonly LatLng[], tol: number): [number, number][] {
  const s = simplifyLine(ring, tol).map((p) => roundPoint(p, 3));
  return s.filter((p, i) => i === 0 || p[0] !== s[i - 1]?.[0] || p[1] !== s[i - 1]?.[1]);
}

// 1. Modern regions: keep outer rings of useful size, simplified for display only.
const regions = read('osm-gislab_central_russia_9_regions_2013.geojson').features.map((f) => ({
  name: String(f.properties['name_latin']),
  nameRu: String(f.properties['name']),
  rings: polygonsOf(f.geometry)
    .map((p) => p[0] as LatLng[])
    .filter((r) => areaKm2(r) > 20)
    .map((r) => simplifyRing(r, 0.012)),
}));
writeFileSync(
  join(out, 'modern-regions-central-russia.json'),
  `${JSON.stringify({ note: 'Modern (about 2013) boundaries of nine regions of central Russia, simplified (Douglas-Peucker 0.012°, rounded to 0.001°) for orientation only. NOT the 1929-30 boundaries. Source: GIS-Lab / OpenStreetMap via codeforamerica/click_that_hood. © OpenStreetMap contributors, ODbL 1.0.', regions })}\n`,
);

// 2. The approximate 1929-30 oblast': rasterise the chosen modern regions and trace the union's outline.
const all = read('osm-gislab_russia_federal_subjects_2013.geojson').features;
const pick = (latin: string): LatLng[][][] => {
  const f = all.find((x) => x.properties['name_latin'] === latin);
  if (!f) throw new Error(`no region ${latin}`);
  return polygonsOf(f.geometry);
};
/** Which modern regions make up the schematic oblast', and how far west each is kept. */
const PARTS: { latin: string; westOf: number }[] = [
  { latin: 'Moscow', westOf: -180 },
  { latin: 'Moscow Oblast', westOf: -180 },
  { latin: 'Tula Oblast', westOf: -180 },
  { latin: 'Ryazan Oblast', westOf: -180 },
  { latin: 'Tver Oblast', westOf: 34.4 },
  { latin: 'Kaluga Oblast', westOf: 35.3 },
];
const STEP_LAT = 0.01;
const STEP_LON = 0.015;
const S = 52.5;
const W = 33;
const ROWS = Math.ceil((59.2 - S) / STEP_LAT);
const COLS = Math.ceil((43 - W) / STEP_LON);
const mask = new Uint8Array(ROWS * COLS);
for (const part of PARTS) {
  const rings = pick(part.latin).flat();
  for (let r = 0; r < ROWS; r++) {
    const lat = S + (r + 0.5) * STEP_LAT;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i] as LatLng;
        const b = ring[j] as LatLng;
        if (a[0] > lat !== b[0] > lat) xs.push(a[1] + ((lat - a[0]) * (b[1] - a[1])) / (b[0] - a[0]));
      }
    }
    xs.sort((x, y) => x - y);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil(((xs[k] as number) - W) / STEP_LON - 0.5));
      const c1 = Math.min(COLS - 1, Math.floor(((xs[k + 1] as number) - W) / STEP_LON - 0.5));
      for (let c = c0; c <= c1; c++) if (W + (c + 0.5) * STEP_LON >= part.westOf) mask[r * COLS + c] = 1;
    }
  }
}
const filled = (r: number, c: number): boolean => r >= 0 && r < ROWS && c >= 0 && c < COLS && mask[r * COLS + c] === 1;
// Directed boundary edges between grid corners, filled cell on the left; chain them into rings.
const next = new Map<string, string[]>();
const addEdge = (a: [number, number], b: [number, number]): void => {
  const k = `${a[0]},${a[1]}`;
  next.set(k, [...(next.get(k) ?? []), `${b[0]},${b[1]}`]);
};
for (let r = 0; r < ROWS; r++)
  for (let c = 0; c < COLS; c++) {
    if (!filled(r, c)) continue;
    if (!filled(r - 1, c)) addEdge([r, c], [r, c + 1]);
    if (!filled(r, c + 1)) addEdge([r, c + 1], [r + 1, c + 1]);
    if (!filled(r + 1, c)) addEdge([r + 1, c + 1], [r + 1, c]);
    if (!filled(r, c - 1)) addEdge([r + 1, c], [r, c]);
  }
const rings: LatLng[][] = [];
while (next.size) {
  const start = next.keys().next().value as string;
  const ring: string[] = [];
  let k = start;
  for (;;) {
    const outs = next.get(k);
    if (!outs || outs.length === 0) break;
    const to = outs.shift() as string;
    if (outs.length === 0) next.delete(k);
    ring.push(k);
    k = to;
    if (k === start) break;
  }
  rings.push(ring.map((s) => s.split(',').map(Number)).map(([r, c]) => [S + (r as number) * STEP_LAT, W + (c as number) * STEP_LON] as LatLng));
}
const outer = rings.sort((a, b) => areaKm2(b) - areaKm2(a))[0] as LatLng[];
// Simplify the staircase as an open line starting at its westernmost vertex, then drop the repeated end.
const startAt = outer.reduce((best, p, i) => ((p[1] < (outer[best] as LatLng)[1]) ? i : best), 0);
const rotated = [...outer.slice(startAt), ...outer.slice(0, startAt), outer[startAt] as LatLng];
const outline = simplifyLine(rotated, 0.06).slice(0, -1).map((p) => roundPoint(p, 3));
writeFileSync(
  join(out, 'oblast-1930-outline.json'),
  `${JSON.stringify(
    {
      note: "Approximate outline of the Moscow oblast' of 1929-30, for a schematic map only: the union of the modern (2013) Moscow city, Moscow, Tula and Ryazan' oblasts with the parts of the modern Tver' oblast' east of 34.4°E and of the modern Kaluga oblast' east of 35.3°E (the thesis: the oblast' absorbed the provinces of Ryazan', Tula, Tver' and part of Kaluga). Rasterised at 0.01° x 0.015°, traced and simplified (Douglas-Peucker 0.06°). The historical boundary differed. Derived from GIS-Lab / OpenStreetMap data: © OpenStreetMap contributors, ODbL 1.0.",
      parts: PARTS,
      ring: outline,
    },
    null,
    0,
  )}\n`,
);

// 3. Rivers at regional scale: the Volga, Oka, Klyaz'ma and the (unnamed in Natural Earth) Moskva.
const rivers = read('ne10m_rivers_central_russia.geojson').features.flatMap((f) => {
  const g = f.geometry;
  const lines = (g.type === 'MultiLineString' ? g.coordinates : [g.coordinates]) as Position[][];
  const pts = lines.flat();
  const near = (lat: number, lon: number, d: number): boolean => pts.some(([x, y]) => Math.hypot(x - lon, y - lat) < d);
  let name = typeof f.properties['name'] === 'string' ? (f.properties['name'] as string) : null;
  // Natural Earth leaves the Moskva unnamed: it is the line through Moscow that reaches the Oka at Kolomna.
  if (name === null && near(55.75, 37.62, 0.05) && near(55.08, 38.78, 0.06)) name = 'Moskva';
  if (!name || !['Volga', 'Oka', 'Klyazma', 'Moskva'].includes(name)) return [];
  return lines
    .map((l) => l.map(([lon, lat]) => [lat, lon] as LatLng).filter((p) => p[0] > 52.8 && p[0] < 59 && p[1] > 33 && p[1] < 43))
    .filter((l) => l.length > 1)
    .map((l) => ({ name: name === 'Klyazma' ? "Klyaz'ma" : name, line: simplifyLine(l, 0.01).map((p) => roundPoint(p, 3)) }));
});
writeFileSync(
  join(out, 'rivers-oblast.json'),
  `${JSON.stringify({ note: "Natural Earth 1:10m rivers (public domain), via martynafford/natural-earth-geojson (CC0): Volga, Oka, Klyaz'ma and the Moskva (unnamed in Natural Earth; identified as the line through Moscow to the Oka at Kolomna). Regional scale only, about 1 km accuracy. Simplified (Douglas-Peucker 0.01°).", rivers })}\n`,
);
console.log(`outline ${outline.length} vertices, ${Math.round(areaKm2(outline))} km²; ${regions.length} regions; ${rivers.length} river lines`);
