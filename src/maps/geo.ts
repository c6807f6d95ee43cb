/**
 * Small, pure plane geometry for the schematic maps. Points are [lat, lon] (Leaflet's order).
 * Distances and areas use a local equirectangular projection, which is accurate enough at the
 * scale of a city or an oblast' and keeps every function exact and testable.
 */
export type LatLng = readonly [number, number];
/** A polygon ring: first vertex not repeated at the end (closure is implicit). */
export type Ring = readonly LatLng[];

const EARTH_KM_PER_DEG = 111.32;

/** Project to kilometres on a plane tangent near `refLat` (x east, y north). */
export function toXY(p: LatLng, refLat: number): [number, number] {
  return [p[1] * Math.cos((refLat * Math.PI) / 180) * EARTH_KM_PER_DEG, p[0] * EARTH_KM_PER_DEG];
}

export function fromXY(xy: readonly [number, number], refLat: number): [number, number] {
  return [xy[1] / EARTH_KM_PER_DEG, xy[0] / (Math.cos((refLat * Math.PI) / 180) * EARTH_KM_PER_DEG)];
}

function cross(o: LatLng, a: LatLng, b: LatLng): number {
  return (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
}

const EARTH_RADIUS_KM = 6371.0088;

/**
 * Signed area in km² (positive when the ring runs anticlockwise on the map) of the polygon whose
 * edges are straight in latitude/longitude, on a sphere: Green's theorem with the area element
 * R² cos φ dλ dφ, integrated exactly along each edge. Exact for these polygons, so the areas of
 * polygons that share edges add up to the area of their union.
 */
export function signedAreaKm2(ring: Ring): number {
  if (ring.length < 3) return 0;
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [p1, l1] = ring[i] as LatLng;
    const [p2, l2] = ring[(i + 1) % ring.length] as LatLng;
    const dl = (l2 - l1) * rad;
    const dp = (p2 - p1) * rad;
    // ∮ -sin φ dλ along the straight edge φ = φ1 + t·Δφ, λ = λ1 + t·Δλ.
    sum += Math.abs(dp) < 1e-12 ? -dl * Math.sin(p1 * rad) : (-dl * (Math.cos(p1 * rad) - Math.cos(p2 * rad))) / dp;
  }
  return sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

export function areaKm2(ring: Ring): number {
  return Math.abs(signedAreaKm2(ring));
}

/** Ray casting; points exactly on an edge may fall either way. */
export function pointInRing(p: LatLng, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as LatLng;
    const b = ring[j] as LatLng;
    if (a[0] > p[0] !== b[0] > p[0] && p[1] < ((b[1] - a[1]) * (p[0] - a[0])) / (b[0] - a[0]) + a[1]) inside = !inside;
  }
  return inside;
}

/** Where segment ab meets segment cd, as the parameters along each (null if they do not cross or touch). */
export function segmentIntersection(a: LatLng, b: LatLng, c: LatLng, d: LatLng): { t: number; u: number; point: [number, number] } | null {
  const r0 = b[0] - a[0];
  const r1 = b[1] - a[1];
  const s0 = d[0] - c[0];
  const s1 = d[1] - c[1];
  const denom = r0 * s1 - r1 * s0;
  if (denom === 0) return null; // parallel (collinear overlaps are caught by segmentsIntersect)
  const t = ((c[0] - a[0]) * s1 - (c[1] - a[1]) * s0) / denom;
  const u = ((c[0] - a[0]) * r1 - (c[1] - a[1]) * r0) / denom;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u, point: [a[0] + t * r0, a[1] + t * r1] };
}

function onSegment(p: LatLng, a: LatLng, b: LatLng): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** True when closed segments ab and cd share any point (crossing, touching or overlapping). */
export function segmentsIntersect(a: LatLng, b: LatLng, c: LatLng, d: LatLng): boolean {
  const d1 = Math.sign(cross(c, d, a));
  const d2 = Math.sign(cross(c, d, b));
  const d3 = Math.sign(cross(a, b, c));
  const d4 = Math.sign(cross(a, b, d));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  if (d1 === 0 && onSegment(a, c, d)) return true;
  if (d2 === 0 && onSegment(b, c, d)) return true;
  if (d3 === 0 && onSegment(c, a, b)) return true;
  if (d4 === 0 && onSegment(d, a, b)) return true;
  return false;
}

export interface RingProblem {
  kind: 'too-few-vertices' | 'repeated-vertex' | 'self-intersection' | 'zero-area';
  detail: string;
}

/**
 * Check that a ring is a valid simple polygon: at least three distinct vertices, no vertex
 * repeated, and no two non-adjacent edges sharing a point. O(n²), fine for schematic shapes.
 */
export function ringProblems(ring: Ring): RingProblem[] {
  const problems: RingProblem[] = [];
  if (ring.length < 3) return [{ kind: 'too-few-vertices', detail: `${ring.length} vertices` }];
  const seen = new Map<string, number>();
  ring.forEach((p, i) => {
    const key = `${p[0]},${p[1]}`;
    if (seen.has(key)) problems.push({ kind: 'repeated-vertex', detail: `vertex ${i} repeats vertex ${seen.get(key)} at ${key}` });
    else seen.set(key, i);
  });
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as LatLng;
    const b = ring[(i + 1) % n] as LatLng;
    for (let j = i + 1; j < n; j++) {
      // Adjacent edges share a vertex by construction; skip them (and the wrap-around pair).
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      const c = ring[j] as LatLng;
      const d = ring[(j + 1) % n] as LatLng;
      if (segmentsIntersect(a, b, c, d)) problems.push({ kind: 'self-intersection', detail: `edge ${i} meets edge ${j}` });
    }
  }
  if (areaKm2(ring) === 0) problems.push({ kind: 'zero-area', detail: 'area is zero' });
  return problems;
}

/** A GeoJSON-style closed ring (first vertex repeated at the end), as Leaflet and GeoJSON consumers expect. */
export function closeRing(ring: Ring): LatLng[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return [];
  return first[0] === last[0] && first[1] === last[1] ? [...ring] : [...ring, first];
}

/** Drop the repeated closing vertex of a GeoJSON ring. */
export function openRing(ring: readonly LatLng[]): LatLng[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) return ring.slice(0, -1);
  return [...ring];
}

/** Douglas–Peucker simplification of an open polyline (tolerance in degrees). */
export function simplifyLine(points: readonly LatLng[], tolerance: number): LatLng[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop() as [number, number];
    const a = points[s] as LatLng;
    const b = points[e] as LatLng;
    let worst = -1;
    let worstD = tolerance;
    for (let i = s + 1; i < e; i++) {
      const d = distanceToSegment(points[i] as LatLng, a, b);
      if (d > worstD) {
        worst = i;
        worstD = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([s, worst], [worst, e]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Planar distance (in degrees) from p to segment ab. */
export function distanceToSegment(p: LatLng, a: LatLng, b: LatLng): number {
  const dy = b[0] - a[0];
  const dx = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dy + (p[1] - a[1]) * dx) / len2));
  return Math.hypot(p[0] - (a[0] + t * dy), p[1] - (a[1] + t * dx));
}

/** Round coordinates so the shipped data stays small (5 decimals ≈ 1 m). */
export function roundPoint(p: LatLng, decimals = 5): [number, number] {
  const f = 10 ** decimals;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export function boundsOf(points: readonly LatLng[]): Bounds {
  return {
    south: Math.min(...points.map((p) => p[0])),
    north: Math.max(...points.map((p) => p[0])),
    west: Math.min(...points.map((p) => p[1])),
    east: Math.max(...points.map((p) => p[1])),
  };
}

export function inBounds(p: LatLng, b: Bounds): boolean {
  return p[0] >= b.south && p[0] <= b.north && p[1] >= b.west && p[1] <= b.east;
}

/**
 * Clip a polygon (any simple ring) by a half-plane, keeping the side where f(p) ≥ 0; f must be
 * affine in the projected plane. Sutherland–Hodgman, one edge of the clip at a time.
 */
export function clipByHalfPlane(ring: Ring, f: (p: LatLng) => number): LatLng[] {
  const out: LatLng[] = [];
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i] as LatLng;
    const prev = ring[(i + ring.length - 1) % ring.length] as LatLng;
    const fc = f(cur);
    const fp = f(prev);
    if (fc >= 0) {
      if (fp < 0) out.push(lerp(prev, cur, fp / (fp - fc)));
      out.push(cur);
    } else if (fp >= 0) {
      out.push(lerp(prev, cur, fp / (fp - fc)));
    }
  }
  return dedupe(out);
}

function lerp(a: LatLng, b: LatLng, t: number): LatLng {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

function dedupe(ring: readonly LatLng[]): LatLng[] {
  const out: LatLng[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-12 || Math.abs(last[1] - p[1]) > 1e-12) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && Math.abs(first[0] - last[0]) < 1e-12 && Math.abs(first[1] - last[1]) < 1e-12) out.pop();
  return out;
}

/** Centroid of a ring (area-weighted), for placing labels. */
export function centroid(ring: Ring): [number, number] {
  let a = 0;
  let cy = 0;
  let cx = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as LatLng;
    const q = ring[(i + 1) % ring.length] as LatLng;
    const k = p[1] * q[0] - q[1] * p[0];
    a += k;
    cx += (p[1] + q[1]) * k;
    cy += (p[0] + q[0]) * k;
  }
  if (a === 0) return [ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0];
  return [cy / (3 * a), cx / (3 * a)];
}

/**
 * Where to put a label inside a polygon: the sampled point farthest from the polygon's edges and
 * from the points to avoid (markers, other labels), so that labels sit in open space and are not
 * hidden. With `outside`, only points outside that ring are considered (null if there are none).
 * `otherLabels` are labels already placed, kept apart mostly sideways.
 */
export function labelPoint(ring: Ring, avoid: readonly LatLng[], samples = 40, outside?: Ring, otherLabels: readonly LatLng[] = []): [number, number] | null {
  const b = boundsOf(ring);
  const refLat = (b.south + b.north) / 2;
  // Keep off the ring's edges, and off the edges of the excluded ring when there is one.
  const edges = [ring, ...(outside ? [outside] : [])].map((r) => r.map((p) => toXY(p, refLat)));
  const avoidXY = avoid.map((p) => toXY(p, refLat));
  const labelsXY = otherLabels.map((p) => toXY(p, refLat));
  const edgeDistance = (q: [number, number]): number => {
    let best = Infinity;
    for (const xy of edges)
      for (let i = 0; i < xy.length; i++) {
        const a = xy[i] as [number, number];
        const c = xy[(i + 1) % xy.length] as [number, number];
        best = Math.min(best, distanceToSegment([q[1], q[0]], [a[1], a[0]], [c[1], c[0]]));
      }
    return best;
  };
  let best: [number, number] | null = outside ? null : centroid(ring);
  let bestScore = -Infinity;
  for (let i = 1; i < samples; i++)
    for (let j = 1; j < samples; j++) {
      const p: LatLng = [b.south + ((b.north - b.south) * i) / samples, b.west + ((b.east - b.west) * j) / samples];
      if (!pointInRing(p, ring) || (outside && pointInRing(p, outside))) continue;
      const q = toXY(p, refLat);
      const clear = Math.min(
        ...avoidXY.map((a) => Math.hypot(a[0] - q[0], a[1] - q[1])),
        // Other labels are wide and short: side by side they need more room than one above the other.
        ...labelsXY.map((a) => Math.hypot((a[0] - q[0]) / 4, a[1] - q[1])),
        Infinity,
      );
      // Labels are wide and short: keep them off the edges, and well away from markers.
      const score = Math.min(edgeDistance(q), clear * 0.6);
      if (score > bestScore) {
        bestScore = score;
        best = [p[0], p[1]];
      }
    }
  return best;
}
