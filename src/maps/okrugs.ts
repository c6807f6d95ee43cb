/**
 * Schematic okrugs of the Moscow oblast' of 1929-30: each okrug is the part of the (approximate)
 * oblast' outline nearer its centre than any other centre. Voronoi cells are convex, so each is
 * the intersection of half-planes, and clipping the outline by them is exact.
 */
import { z } from 'astro/zod';
import { clipByHalfPlane, toXY, type LatLng, type Ring } from './geo.ts';

export const okrugSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/u),
  name: z.string().min(1),
  centre: z.string().min(1),
  lat: z.number().min(52).max(59),
  lon: z.number().min(33).max(42),
  /** How the thesis names the okrug ("Tver' okruzhkom"); null where it does not name it. */
  thesis: z.string().min(1).nullable(),
  colour: z.string().regex(/^#[0-9a-f]{6}$/u),
});
export const okrugsFileSchema = z.object({ note: z.string(), okrugs: z.array(okrugSchema).length(10) });
export type OkrugDef = z.infer<typeof okrugSchema>;

export interface Okrug extends OkrugDef {
  /** The okrug's schematic area; more than one ring if the outline leaves it in pieces. */
  rings: LatLng[][];
}

/** Latitude of the flat projection used for distances (middle of the oblast'). */
const REF_LAT = 55.5;

/** The outline clipped to the cell of `centre` among `centres` (nearest-centre region). */
export function voronoiClip(outline: Ring, centre: LatLng, centres: readonly LatLng[]): LatLng[] {
  const [cx, cy] = toXY(centre, REF_LAT);
  let ring: LatLng[] = [...outline];
  for (const other of centres) {
    if (other === centre || (other[0] === centre[0] && other[1] === centre[1])) continue;
    const [ox, oy] = toXY(other, REF_LAT);
    const mx = (cx + ox) / 2;
    const my = (cy + oy) / 2;
    // Keep points on the centre's side of the perpendicular bisector.
    ring = clipByHalfPlane(ring, (p) => {
      const [x, y] = toXY(p, REF_LAT);
      return (x - mx) * (cx - ox) + (y - my) * (cy - oy);
    });
    if (ring.length === 0) break;
  }
  return ring;
}

export function buildOkrugs(defs: readonly OkrugDef[], outline: Ring): Okrug[] {
  const centres = defs.map((d) => [d.lat, d.lon] as const);
  return defs.map((d, i) => ({ ...d, rings: [voronoiClip(outline, centres[i] as LatLng, centres)] }));
}

/** The okrug whose schematic area holds a point (nearest centre, if the point is in the oblast'). */
export function nearestOkrug(p: LatLng, defs: readonly OkrugDef[]): OkrugDef | null {
  const [px, py] = toXY(p, REF_LAT);
  let best: OkrugDef | null = null;
  let bestD = Infinity;
  for (const d of defs) {
    const [x, y] = toXY([d.lat, d.lon], REF_LAT);
    const dist = Math.hypot(x - px, y - py);
    if (dist < bestD) {
      bestD = dist;
      best = d;
    }
  }
  return best;
}
