import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareWords, editionWords, sourceWords, wordsOf } from '../../../src/pipeline/conservation.ts';
import { toLines } from '../../../src/pipeline/lines.ts';
import { SourceError } from '../../../src/pipeline/errors.ts';
import { build, continuations, realEdition, thesis } from './helpers.ts';
import { checkDerivedData } from '../../../src/data/derived-check.ts';

describe('conservation', () => {
  it('every word of the source appears in the model exactly once', () => {
    const report = compareWords(sourceWords(toLines(thesis)), editionWords(realEdition().sections));
    expect(report.missing).toEqual([]);
    expect(report.extra).toEqual([]);
    expect(report.sourceWords).toBeGreaterThan(100_000);
  });

  it('reports a lost word with its source line', () => {
    const edition = editionWords(realEdition().sections);
    const word = edition.find((w) => w.startsWith('Elektroavod')) as string;
    const i = edition.indexOf(word);
    const lost = [...edition.slice(0, i), ...edition.slice(i + 1)];
    const report = compareWords(sourceWords(toLines(thesis)), lost);
    expect(report.missing).toHaveLength(1);
    expect(report.missing[0]).toMatchObject({ word, count: 1 });
    const sourceLines = thesis.split('\n');
    for (const n of report.missing[0]?.lines ?? []) expect(wordsOf(sourceLines[n - 1] as string)).toContain(word);
  });

  it('ignores markup and markers but keeps punctuation attached to words', () => {
    expect(wordsOf("<i>gubernia</i> change¹⁶. *Ibid.*")).toEqual(['gubernia', 'change.', 'Ibid.']);
  });
});

/**
 * Mutations of the real source: the pipeline either builds (and then conservation holds, since
 * buildEdition checks it against the mutated text) or fails with a SourceError naming a place —
 * never an unhandled exception.
 */
describe('robust parser (property test)', () => {
  const lines = thesis.split('\n');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1), count: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1), count: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(lines.length - 1), count: fc.constant(0) }),
    fc.record({ kind: fc.constant('inject' as const), at: fc.nat(lines.length - 1), count: fc.integer({ min: 0, max: 0x2fff }) }),
  );

  it('builds or fails with a structured error', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const copy = lines.slice();
        if (m.kind === 'delete') copy.splice(m.at, m.count);
        if (m.kind === 'duplicate') copy.splice(m.at, 0, ...copy.slice(m.at, m.at + m.count));
        if (m.kind === 'truncate') copy.length = m.at;
        if (m.kind === 'inject') copy[m.at] = `${copy[m.at] ?? ''}${String.fromCharCode(m.count)}`;
        try {
          const edition = build(copy.join('\n'));
          const report = compareWords(sourceWords(toLines(copy.join('\n'))), editionWords(edition.sections));
          return report.missing.length === 0 && report.extra.length === 0;
        } catch (err) {
          if (!(err instanceof SourceError)) throw err;
          return err.file.length > 0 && err.problem.length > 0;
        }
      }),
      { numRuns: 40, seed: 1987 },
    );
  }, 120_000);
});

/**
 * The same for the back matter, through everything the pages derive from it (rosters, tables and
 * charts, diagrams' quotations, bibliography…): a mutation there either builds and derives, or
 * fails with a SourceError that names a line of the thesis.
 */
describe('robust derivations (property test)', () => {
  const lines = thesis.split('\n');
  const backMatter = lines.findIndex((l) => l.startsWith('Maps')) + 1; // the contents' entry; the section itself is far below
  const start = lines.findIndex((l, i) => i > backMatter && /^Map 1/u.test(l));
  const mutation = fc.record({
    kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'append' as const, 'swap' as const),
    at: fc.integer({ min: start, max: lines.length - 2 }),
    count: fc.integer({ min: 1, max: 3 }),
  });

  it('builds and derives, or fails naming a line', () => {
    expect(start).toBeGreaterThan(3000);
    fc.assert(
      fc.property(mutation, (m) => {
        const copy = lines.slice();
        if (m.kind === 'delete') copy.splice(m.at, m.count);
        if (m.kind === 'duplicate') copy.splice(m.at, 0, ...copy.slice(m.at, m.at + m.count));
        if (m.kind === 'append') copy[m.at] = `${copy[m.at] ?? ''} x`;
        if (m.kind === 'swap') [copy[m.at], copy[m.at + 1]] = [copy[m.at + 1] as string, copy[m.at] as string];
        try {
          checkDerivedData(build(copy.join('\n'), { continuations }), false);
          return true;
        } catch (err) {
          if (!(err instanceof SourceError)) throw err;
          return err.line !== null && err.problem.length > 0;
        }
      }),
      { numRuns: 10, seed: 1932 },
    );
  }, 180_000);
});
