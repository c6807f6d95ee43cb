import { describe, expect, it } from 'vitest';
import { areaKm2, clipByHalfPlane, pointInRing, ringProblems, segmentsIntersect, simplifyLine, type LatLng } from '../../../src/maps/geo.ts';
import { cutAtRing, sliceBetween } from '../../../src/maps/city.ts';
import { voronoiClip } from '../../../src/maps/okrugs.ts';
import { parseCsv, csvRecords } from '../../../src/maps/csv.ts';

const square: LatLng[] = [[0, 0], [0, 1], [1, 1], [1, 0]];

describe('segment intersection', () => {
  it('finds crossings, touches and collinear overlaps, and nothing else', () => {
    expect(segmentsIntersect([0, 0], [1, 1], [0, 1], [1, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 1], [1, 1], [2, 0])).toBe(true); // shared end point
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true); // collinear overlap
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false); // collinear, apart
    expect(segmentsIntersect([0, 0], [1, 1], [0, 1], [0.4, 0.6])).toBe(false);
  });
});

describe('ring validity', () => {
  it('accepts a simple polygon', () => {
    expect(ringProblems(square)).toEqual([]);
  });
  it('rejects a bow-tie, a repeated vertex and a degenerate ring', () => {
    expect(ringProblems([[0, 0], [1, 1], [0, 1], [1, 0]]).map((p) => p.kind)).toContain('self-intersection');
    expect(ringProblems([[0, 0], [0, 1], [1, 1], [0, 1], [1, 0]]).map((p) => p.kind)).toContain('repeated-vertex');
    expect(ringProblems([[0, 0], [0, 1]]).map((p) => p.kind)).toEqual(['too-few-vertices']);
    expect(ringProblems([[0, 0], [0, 1], [0, 2]]).map((p) => p.kind)).toContain('zero-area');
  });
});

describe('point in ring and area', () => {
  it('tests containment and measures area on the local plane', () => {
    expect(pointInRing([0.5, 0.5], square)).toBe(true);
    expect(pointInRing([1.5, 0.5], square)).toBe(false);
    // One degree of latitude is about 111 km; at the equator a 1° square is about 12,390 km².
    expect(areaKm2(square)).toBeGreaterThan(12_000);
    expect(areaKm2(square)).toBeLessThan(12_800);
  });
});

describe('clipping and simplification', () => {
  it('clips a polygon by a half-plane', () => {
    const half = clipByHalfPlane(square, (p) => 0.5 - p[1]);
    expect(ringProblems(half)).toEqual([]);
    expect(areaKm2(half)).toBeCloseTo(areaKm2(square) / 2, 0);
  });
  it('keeps the ends and the corners of a polyline', () => {
    const line: LatLng[] = [[0, 0], [0, 0.5], [0.001, 1], [1, 1]];
    expect(simplifyLine(line, 0.01)).toEqual([[0, 0], [0.001, 1], [1, 1]]);
  });
  it('splits a square into nearest-centre cells that cover it exactly', () => {
    const centres: LatLng[] = [[0.25, 0.25], [0.75, 0.75], [0.25, 0.75]];
    const cells = centres.map((c) => voronoiClip(square, c, centres));
    for (const cell of cells) expect(ringProblems(cell)).toEqual([]);
    const total = cells.reduce((s, c) => s + areaKm2(c), 0);
    expect(total).toBeCloseTo(areaKm2(square), 3);
  });
});

describe('slices between spokes', () => {
  it('tiles a ring with the slices between consecutive spokes', () => {
    const ring: LatLng[] = [[1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]].map(([a, b]) => [a as number, b as number] as const);
    // Clockwise on the map is N → E → S → W; the ring above runs that way.
    const lines: LatLng[][] = [[[0, 0], [2, 0.1]], [[0, 0], [0.1, 2]], [[0, 0], [-2, -0.2]]];
    const spokes = lines.map((l) => cutAtRing(l, ring));
    const slices = spokes.map((s, i) => sliceBetween(s, spokes[(i + 1) % spokes.length]!, ring));
    for (const s of slices) expect(ringProblems(s)).toEqual([]);
    expect(slices.reduce((t, s) => t + areaKm2(s), 0)).toBeCloseTo(areaKm2(ring), 6);
  });
});

describe('csv', () => {
  it('reads quoted fields and re-joins unquoted commas in the last column', () => {
    expect(parseCsv('a,"b ""c"", d"\n1,2\n')).toEqual([['a', 'b "c", d'], ['1', '2']]);
    expect(csvRecords('id,source\nx,estimate, general knowledge\n')).toEqual([{ id: 'x', source: 'estimate, general knowledge' }]);
  });
});

describe('grouping overlapping markers', () => {
  it('groups markers whose hit areas would overlap, transitively, and leaves the rest alone', async () => {
    const { groupOverlapping } = await import('../../../src/maps/cluster.ts');
    const groups = groupOverlapping(
      [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 20, y: 5 },
        { id: 'c', x: 100, y: 100 },
        { id: 'd', x: 40, y: 10 }, // overlaps b, so joins a's group
        { id: 'e', x: 100, y: 126 }, // exactly 26 px from c: apart
      ],
      26,
    );
    expect(groups.map((g) => g.map((p) => p.id).sort())).toEqual([['a', 'b', 'd'], ['c'], ['e']]);
  });
});

describe('where a group marker is drawn', () => {
  it('sits on the member nearest the middle of the group, never between members (where a label may be)', async () => {
    const { groupAnchor } = await import('../../../src/maps/cluster.ts');
    const a = { id: 'a', x: 0, y: 0 };
    const b = { id: 'b', x: 20, y: 4 };
    const c = { id: 'c', x: 44, y: 0 };
    expect(groupAnchor([a, b, c])).toBe(b);
    expect(groupAnchor([a, c])).toBe(a); // a tie keeps the first
    expect(groupAnchor([c])).toBe(c);
    expect(() => groupAnchor([])).toThrow(/empty group/u);
  });
});

describe("moving an area's name off the markers", () => {
  it('leaves a clear name alone, moves a covered one by the smallest shift that clears every marker, and gives up when none does', async () => {
    const { labelShift } = await import('../../../src/maps/cluster.ts');
    const label = { left: 600, top: 380, right: 720, bottom: 396 };
    expect(labelShift(label, [{ left: 800, top: 380, right: 824, bottom: 404 }], 12)).toEqual({ dx: 0, dy: 0 });
    // The corner of a group marker under the name's right end (the /maps/1930/ case): one step down clears it.
    expect(labelShift(label, [{ left: 701, top: 359, right: 729, bottom: 387 }], 12)).toEqual({ dx: 0, dy: 12 });
    // Markers above and below: the name moves sideways.
    const above = { left: 590, top: 350, right: 730, bottom: 380 };
    const below = { left: 590, top: 396, right: 730, bottom: 440 };
    const onIt = { left: 700, top: 384, right: 724, bottom: 392 };
    expect(labelShift(label, [above, below, onIt], 12)).toEqual({ dx: -24, dy: 0 });
    const wall = { left: 0, top: 0, right: 2000, bottom: 2000 };
    expect(labelShift(label, [wall], 12)).toBeNull();
  });
});

describe("keeping a moved name inside the map's frame", () => {
  it('does not move a name out of the frame to clear a marker, but tries the other directions', async () => {
    const { labelShift } = await import('../../../src/maps/cluster.ts');
    const label = { left: 10, top: 100, right: 130, bottom: 116 };
    const marker = { left: 100, top: 95, right: 124, bottom: 119 };
    expect(labelShift(label, [marker], 12)?.dy).toBe(-24);
    // With the frame's top just above the name, up is out: down clears it instead.
    expect(labelShift(label, [marker], 12, { left: 0, top: 90, right: 390, bottom: 800 })).toEqual({ dx: 0, dy: 24 });
    expect(labelShift(label, [marker], 12, { left: 0, top: 90, right: 390, bottom: 120 })).toBeNull();
  });
});
