import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { areaKm2, boundsOf, inBounds, pointInRing, ringProblems, type LatLng } from '../../../src/maps/geo.ts';
import { nearestOkrug } from '../../../src/maps/okrugs.ts';
import { compiledRowProblems, type Place } from '../../../src/maps/places.ts';
import { raionsApprovedDecember1930 } from '../../../src/maps/thesis-refs.ts';
import { buildPayload } from '../../../src/maps/payload.ts';
import { geodata, realEdition, root } from './helpers.ts';

const g = geodata();
const cityBounds = boundsOf(g.cityLimit);
const oblastBounds = boundsOf(g.oblastOutline);

describe('places', () => {
  it('has at least 25 places, each with a source or an explicit approximate flag', () => {
    expect(g.places.length).toBeGreaterThanOrEqual(25);
    for (const p of g.places) {
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(['sourced', 'approximate'], p.id).toContain(p.position);
      expect(p.accuracyM, p.id).toBeGreaterThan(0);
    }
  });

  it('writes each source for readers, and names the compiled row separately where the position came from one', () => {
    const compiled = readFileSync(join(root, 'content/geodata/places_compiled.csv'), 'utf8');
    expect(compiledRowProblems(g.places, compiled)).toEqual([]);
    for (const p of g.places) expect(p.source, p.id).not.toMatch(/places_compiled|\.csv|\brow '/u);
    expect(g.places.filter((p) => p.compiledRow !== undefined).map((p) => p.id)).toEqual(
      expect.arrayContaining(['kremlin', 'dinamo', 'amo', 'podolsk', 'tver', 'serpukhov']),
    );
    expect(g.places.find((p) => p.id === 'dinamo')?.source).toMatch(/^ru\.wikipedia 'Динамо \(завод\)'/u);
  });

  it('reports a cited row that is missing and a point that drifted from its row, but allows a re-placed approximate point', () => {
    const csv = 'id,name,kind,lat,lon,status,accuracy_m,source,note\nx_row,X,factory,55.7000,37.6000,sourced,100,"src",\n';
    const place = (over: Partial<Place>): Place => ({ id: 'x', name: 'X', kind: 'factory', map: 'city', lat: 55.7, lon: 37.6, position: 'sourced', accuracyM: 100, compiledRow: 'x_row', source: 'somewhere, checked', variants: ['X'], raion1925: 'a', raion1930: 'b', description: 'd', ...over });
    expect(compiledRowProblems([place({})], csv)).toEqual([]);
    expect(compiledRowProblems([place({ compiledRow: 'y_row' })], csv)).toEqual(["places.json: x cites places_compiled.csv row 'y_row', which does not exist"]);
    expect(compiledRowProblems([place({ lat: 55.71 })], csv)[0]).toMatch(/x is at 55\.71, 37\.6 but its row 'x_row' is at 55\.7000, 37\.6000/u);
    expect(compiledRowProblems([place({ lat: 55.71, position: 'approximate' })], csv)).toEqual([]);
    expect(compiledRowProblems([place({ compiledRow: undefined, lat: 56 })], csv)).toEqual([]);
  });

  it('puts every place inside the bounds of its map (city places inside the Okruzhnaya, oblast places inside the oblast outline)', () => {
    for (const p of g.places) {
      const at: LatLng = [p.lat, p.lon];
      if (p.map === 'city') {
        expect(inBounds(at, cityBounds), p.id).toBe(true);
        expect(pointInRing(at, g.cityLimit), p.id).toBe(true);
      } else {
        expect(inBounds(at, oblastBounds), p.id).toBe(true);
        expect(pointInRing(at, g.oblastOutline), p.id).toBe(true);
        expect(pointInRing(at, g.cityLimit), `${p.id} is outside the city`).toBe(false);
      }
    }
  });

  it('gives each city place the raions in which its point falls on the 1925 and 1930 maps', () => {
    for (const p of g.places.filter((x) => x.map === 'city' && x.id !== 'kremlin')) {
      const in1925 = g.raions1925.filter((r) => pointInRing([p.lat, p.lon], r.ring)).map((r) => r.id);
      const in1930 = g.raions1930.filter((r) => pointInRing([p.lat, p.lon], r.ring)).map((r) => r.id);
      expect(in1925, p.id).toEqual([p.raion1925]);
      expect(in1930, p.id).toEqual([p.raion1930]);
    }
  });

  it('records the thesis spellings, including the typing errors', () => {
    const elektro = g.places.find((p) => p.id === 'elektrozavod');
    expect(elektro?.variants).toEqual(expect.arrayContaining(['Elektrozavod', 'Elektroavod', 'Elektrozaod']));
  });

  it('keeps every raion id used by a place or a lineage defined', () => {
    const ids1925 = new Set(g.raions1925.map((r) => r.id));
    const ids1930 = new Set(g.raions1930.map((r) => r.id));
    for (const p of g.places) {
      if (p.raion1925 !== null) expect(ids1925.has(p.raion1925), p.id).toBe(true);
      if (p.raion1930 !== null) expect(ids1930.has(p.raion1930), p.id).toBe(true);
      if (p.thesisSays) expect(ids1925.has(p.thesisSays.raion), p.id).toBe(true);
    }
    for (const r of g.raions1930) for (const l of r.grewFrom ?? []) expect(ids1925.has(l.raion), r.id).toBe(true);
  });
});

describe('raion polygons', () => {
  for (const [year, raions] of [[1925, g.raions1925], [1930, g.raions1930]] as const) {
    it(`${year}: every raion is a valid polygon (closed, simple, non-zero area)`, () => {
      for (const r of raions) {
        expect(r.ring.length, r.id).toBeGreaterThanOrEqual(3);
        expect(ringProblems(r.ring), r.id).toEqual([]);
      }
    });

    it(`${year}: the raions tile the city inside the Okruzhnaya with no gap or overlap`, () => {
      const total = raions.reduce((s, r) => s + areaKm2(r.ring), 0);
      expect(total / areaKm2(g.cityLimit)).toBeCloseTo(1, 6);
      // Sample points: each point inside the limit lies in exactly one raion.
      const b = cityBounds;
      for (let i = 1; i < 40; i++)
        for (let j = 1; j < 40; j++) {
          const p: LatLng = [b.south + ((b.north - b.south) * i) / 40 + 1e-7, b.west + ((b.east - b.west) * j) / 40 + 1e-7];
          if (!pointInRing(p, g.cityLimit)) continue;
          expect(raions.filter((r) => pointInRing(p, r.ring)).length, `${p}`).toBe(1);
        }
    });
  }

  it("names each okrug as the thesis does where it names it (seven of ten), and says where the list comes from", () => {
    const text = readFileSync(join(root, 'content/source/thesis.txt'), 'utf8');
    const named = g.okrugs.filter((o) => o.thesis !== null);
    expect(named.map((o) => o.thesis)).toEqual(["Moskovskii okruzhkom", "Tver' okruzhkom", 'Orekhovo-Zuevo okruzhkom', 'Kolomenskoe okruzhkom', "Ryazan' okruzhkom", 'Serpukhov okruzhkom', 'Kaluga okruzhkom']);
    for (const o of named) expect(text.replace(/\s+/gu, ' '), o.id).toContain(o.thesis!.replace('Orekhovo-', ''));
    expect(g.okrugs.filter((o) => o.thesis === null).map((o) => o.centre)).toEqual(['Bezhetsk', 'Kimry', 'Tula']);
    expect(g.okrugsNote).toMatch(/not from the thesis/u);
    // The map's table and popups give the thesis's name, or say it is not named.
    const oblast = buildPayload(g, realEdition(), 'oblast-1930');
    expect(oblast.areas.find((a) => a.id === 'tverskoi')?.details).toContain("The thesis names its Tver' okruzhkom.");
    expect(oblast.areas.find((a) => a.id === 'kimrskii')?.details).toContain('Not named in the thesis.');
  });

  it('1925: six raions, as the thesis says, with Krasnaya Presnya the largest and Khamovniki the smallest', () => {
    expect(g.raions1925.map((r) => r.name).sort()).toEqual(['Baumanskii', 'Khamovnicheskii', 'Krasnopresnenskii', 'Rogozhsko-Simonovskii', "Sokol'nicheskii", 'Zamoskvoretskii']);
    const bySize = [...g.raions1925].sort((a, b) => areaKm2(b.ring) - areaKm2(a.ring));
    expect(bySize[0]?.id).toBe('krasnopresnenskii');
    expect(bySize[bySize.length - 1]?.id).toBe('khamovnicheskii');
  });

  it('1930: the raions match the list in the note on the reform of December 1930, in number and names', () => {
    const listed = raionsApprovedDecember1930(realEdition());
    expect(listed).not.toBeNull();
    expect(listed?.names).toHaveLength(10);
    expect(g.raions1930.map((r) => r.thesisName).sort()).toEqual([...(listed?.names ?? [])].sort());
    expect(listed?.passage.text).toContain('approved in December 1930');
    expect(listed?.passage.href).toMatch(/^\/chapter-\d\/#ch\d(\.\d)?-n\d+$/u);
  });

  it('1930: every new raion overlaps each old raion it is said to have grown from', () => {
    const b = cityBounds;
    for (const r of g.raions1930) {
      const counts = new Map<string, number>();
      let n = 0;
      for (let i = 0; i < 120; i++)
        for (let j = 0; j < 120; j++) {
          const p: LatLng = [b.south + ((b.north - b.south) * (i + 0.5)) / 120, b.west + ((b.east - b.west) * (j + 0.5)) / 120];
          if (!pointInRing(p, r.ring)) continue;
          n++;
          const old = g.raions1925.find((o) => pointInRing(p, o.ring));
          if (old) counts.set(old.id, (counts.get(old.id) ?? 0) + 1);
        }
      expect(r.grewFrom?.length, r.id).toBeGreaterThan(0);
      for (const l of r.grewFrom ?? []) expect((counts.get(l.raion) ?? 0) / n, `${r.id} from ${l.raion}`).toBeGreaterThan(0.05);
      // And nothing substantial comes from a raion the data does not name.
      for (const [old, k] of counts) if (!(r.grewFrom ?? []).some((l) => l.raion === old)) expect(k / n, `${r.id} also from ${old}`).toBeLessThan(0.1);
    }
  });
});

describe('okrugs and the oblast outline', () => {
  it('has ten okrugs, each a valid polygon containing its own centre', () => {
    expect(g.okrugs).toHaveLength(10);
    expect(ringProblems(g.oblastOutline)).toEqual([]);
    for (const o of g.okrugs) {
      expect(o.rings.length, o.id).toBeGreaterThan(0);
      for (const ring of o.rings) expect(ringProblems(ring), o.id).toEqual([]);
      expect(o.rings.some((ring) => pointInRing([o.lat, o.lon], ring)), o.id).toBe(true);
    }
  });

  it('covers the outline exactly with the okrug areas', () => {
    const total = g.okrugs.reduce((s, o) => s + o.rings.reduce((t, r) => t + areaKm2(r), 0), 0);
    expect(total / areaKm2(g.oblastOutline)).toBeCloseTo(1, 6);
  });

  it('puts Podol\'sk in the Moscow okrug and Ramenskoe nearer Moscow than Kolomna', () => {
    expect(nearestOkrug([55.4311, 37.5456], g.okrugs)?.id).toBe('moskovskii');
    expect(nearestOkrug([55.567, 38.23], g.okrugs)?.id).toBe('moskovskii');
  });
});

describe('shipped data', () => {
  it('keeps the geodata small (the 2 MB source is not shipped)', () => {
    for (const f of ['modern-regions-central-russia.json', 'rivers-oblast.json', 'oblast-1930-outline.json', 'places.json', 'city-raions.json']) {
      expect(statSync(join(root, 'content/geodata', f)).size, f).toBeLessThan(60_000);
    }
  });

  it('builds each map payload with the right number of areas and places', () => {
    const ed = realEdition();
    expect(buildPayload(g, ed, 'city-1925').areas).toHaveLength(6);
    expect(buildPayload(g, ed, 'city-1930').areas).toHaveLength(10);
    const oblast = buildPayload(g, ed, 'oblast-1930');
    expect(oblast.areas).toHaveLength(10);
    expect(oblast.places.length + buildPayload(g, ed, 'city-1925').places.length).toBe(g.places.length);
  });
});
