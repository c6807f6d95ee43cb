/**
 * The schematic raions of the city. The thesis says the raions "cut the circular city into
 * slices, meeting near the Kremlin": so each raion is drawn as the slice between two boundary
 * lines ("spokes") that run from a meeting point by the Kremlin out to the city limit (the
 * Okruzhnaya railway, as a proxy). Neighbouring raions share their spoke, so the slices tile
 * the city with no gaps or overlaps by construction.
 */
import { z } from 'astro/zod';
import { segmentIntersection, type LatLng, type Ring } from './geo.ts';
import type { Anchor } from './anchors.ts';

const point = z.union([z.string().regex(/^[a-z0-9_]+$/u), z.tuple([z.number(), z.number()])]);

const spokeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  note: z.string().min(1),
  /** From the meeting point outwards; anchor ids or [lat, lon]; the last point lies beyond the limit. */
  points: z.array(point).min(1),
});

const lineageSchema = z.object({
  raion: z.string(),
  basis: z.enum(['thesis', 'name', 'reconstruction']),
  note: z.string().min(1),
});

const raionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  /** Formal (adjectival) name of the raion. */
  name: z.string().min(1),
  /** The form the thesis uses ("Krasnaya Presnya", "Bauman"). */
  thesisName: z.string().min(1),
  /** The spoke on the raion's anticlockwise side, and the one on its clockwise side. */
  from: z.string(),
  to: z.string(),
  colour: z.string().regex(/^#[0-9a-f]{6}$/u),
  note: z.string().optional(),
  grewFrom: z.array(lineageSchema).optional(),
});

export const citySchematicSchema = z.object({
  note: z.string(),
  meetingPoint: z.object({ at: z.tuple([z.number(), z.number()]), note: z.string() }),
  limit: z.object({ feature: z.string(), note: z.string() }),
  spokes: z.array(spokeSchema),
  raions1925: z.array(raionSchema).length(6),
  raions1930: z.array(raionSchema).length(10),
});
export type CitySchematic = z.infer<typeof citySchematicSchema>;
export type RaionDef = z.infer<typeof raionSchema>;
export type Lineage = z.infer<typeof lineageSchema>;

export interface Raion extends RaionDef {
  year: 1925 | 1930;
  ring: LatLng[];
}

/** Resolve anchor ids to coordinates. */
export function resolvePoints(points: readonly (string | readonly [number, number])[], anchors: ReadonlyMap<string, Anchor>): LatLng[] {
  return points.map((p) => {
    if (typeof p !== 'string') return [p[0], p[1]] as const;
    const a = anchors.get(p);
    if (!a) throw new Error(`unknown anchor ${p}`);
    return [a.lat, a.lon] as const;
  });
}

export interface CutSpoke {
  /** From the meeting point to where the spoke first meets the limit (that point included). */
  points: LatLng[];
  /** Position of the exit point along the limit ring: edge index + fraction along the edge. */
  at: number;
}

/** Follow a polyline until it first crosses the ring; the polyline must start inside and leave it. */
export function cutAtRing(line: readonly LatLng[], ring: Ring): CutSpoke {
  const kept: LatLng[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as LatLng;
    const b = line[i + 1] as LatLng;
    kept.push(a);
    let best: { t: number; edge: number; u: number; point: [number, number] } | null = null;
    for (let e = 0; e < ring.length; e++) {
      const hit = segmentIntersection(a, b, ring[e] as LatLng, ring[(e + 1) % ring.length] as LatLng);
      if (hit && hit.t > 0 && (!best || hit.t < best.t)) best = { ...hit, edge: e };
    }
    if (best) {
      kept.push(best.point);
      return { points: kept, at: best.edge + best.u };
    }
  }
  throw new Error('spoke never reaches the city limit');
}

/** The slice between two cut spokes, walking the limit clockwise from the first to the second. */
export function sliceBetween(from: CutSpoke, to: CutSpoke, ring: Ring): LatLng[] {
  const n = ring.length;
  const between: LatLng[] = [];
  // Ring vertex k starts edge k; walk the vertices strictly after `from.at` up to `to.at`.
  let span = to.at - from.at;
  if (span <= 0) span += n;
  const first = Math.floor(from.at) + 1;
  for (let k = first; k < from.at + span; k++) between.push(ring[k % n] as LatLng);
  const back = [...to.points].reverse().slice(1, -1); // drop the exit point (already added) and the meeting point (first)
  return [...from.points, ...between, to.points[to.points.length - 1] as LatLng, ...back];
}

/** Build the polygons of one year's raions. */
export function buildRaions(
  schematic: CitySchematic,
  year: 1925 | 1930,
  anchors: ReadonlyMap<string, Anchor>,
  limit: Ring,
): Raion[] {
  const centre = schematic.meetingPoint.at;
  const cut = new Map(
    schematic.spokes.map((s) => [s.id, cutAtRing([centre, ...resolvePoints(s.points, anchors)], limit)] as const),
  );
  const defs = year === 1925 ? schematic.raions1925 : schematic.raions1930;
  return defs.map((d) => {
    const from = cut.get(d.from);
    const to = cut.get(d.to);
    if (!from || !to) throw new Error(`raion ${d.id}: unknown spoke ${from ? d.to : d.from}`);
    return { ...d, year, ring: sliceBetween(from, to, limit) };
  });
}
