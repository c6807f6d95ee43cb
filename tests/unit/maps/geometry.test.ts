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
