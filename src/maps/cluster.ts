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

/**
 * Where to draw a group: on the member nearest the middle of the group's extent. The raion and
 * okrug labels are placed clear of every place's point, so a group drawn on one of its members
 * stays off the labels, where a group drawn at its members' mean could land on one.
 */
export function groupAnchor<P extends { x: number; y: number }>(group: readonly P[]): P {
  if (group.length === 0) throw new Error('groupAnchor: empty group');
  const xs = group.map((p) => p.x);
  const ys = group.map((p) => p.y);
  const mid = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  return group.reduce((best, p) => (Math.hypot(p.x - mid.x, p.y - mid.y) < Math.hypot(best.x - mid.x, best.y - mid.y) ? p : best));
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * How far to move an area's name so that no marker covers it: no move if it is clear, else the
 * nearest of a few small shifts (up or down first, since names are wide and short) that clears
 * every marker. Null when none does, and the name stays where it was placed. The name's position
 * is chosen at build time clear of the places' points, but a marker is a square on screen and a
 * name a line of text, so at some zooms the corners still meet.
 */
export function labelShift(label: Box, markers: readonly Box[], step: number, within?: Box, tries = 4): { dx: number; dy: number } | null {
  const shifts = [{ dx: 0, dy: 0 }];
  for (let k = 1; k <= tries; k++) shifts.push({ dx: 0, dy: -k * step }, { dx: 0, dy: k * step }, { dx: -k * step, dy: 0 }, { dx: k * step, dy: 0 });
  // A move may not push the name out of the map's frame (a name already clipped by it may stay put).
  const inside = (b: Box): boolean => !within || (b.left >= within.left && b.right <= within.right && b.top >= within.top && b.bottom <= within.bottom);
  return (
    shifts.find(({ dx, dy }) => {
      const moved = { left: label.left + dx, right: label.right + dx, top: label.top + dy, bottom: label.bottom + dy };
      return (dx === 0 && dy === 0 ? true : inside(moved)) && !markers.some((m) => overlap(moved, m));
    }) ?? null
  );
}
