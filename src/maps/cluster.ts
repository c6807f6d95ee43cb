/**
 * Keep marker hit areas apart: markers whose squares (side `size` px) would overlap on screen
 * are drawn as one group marker until the reader zooms in. Overlapping targets are hard to hit
 * and fail WCAG 2.5.8 (target size); grouping is computed from screen positions at each zoom.
 */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

/** Greedy single-link grouping: a point joins a group if its square overlaps any member's. */
export function groupOverlapping(points: readonly ScreenPoint[], size: number): ScreenPoint[][] {
  const groups: ScreenPoint[][] = [];
  const overlaps = (a: ScreenPoint, b: ScreenPoint): boolean => Math.abs(a.x - b.x) < size && Math.abs(a.y - b.y) < size;
  for (const p of points) {
    const touching = groups.filter((g) => g.some((q) => overlaps(p, q)));
    if (touching.length === 0) {
      groups.push([p]);
      continue;
    }
    // p bridges these groups: merge them all into the first.
    const [first, ...rest] = touching as [ScreenPoint[], ...ScreenPoint[][]];
    first.push(p);
    for (const g of rest) {
      first.push(...g);
      groups.splice(groups.indexOf(g), 1);
    }
  }
  return groups;
}

/** Where to draw a group: the mean of its members. */
export function groupCentre(group: readonly ScreenPoint[]): { x: number; y: number } {
  return { x: group.reduce((s, p) => s + p.x, 0) / group.length, y: group.reduce((s, p) => s + p.y, 0) / group.length };
}
