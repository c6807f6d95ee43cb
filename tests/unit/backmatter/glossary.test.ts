import { describe, expect, it } from 'vitest';
import { realEdition } from './edition.ts';
import { abbreviationEntries, glossaryEntries } from '../../../src/appendix/glossary.ts';
import { rowAnchors } from '../../../src/render/row-anchors.ts';
import { splitFusedTermRows } from '../../../src/pipeline/fused-rows.ts';
import { inlineText } from '../../../src/pipeline/inline.ts';
import type { Inline, TableBlock } from '../../../src/pipeline/model.ts';
import { DIAGRAMS, layoutTree, outline, printedKey, resolveSources, parseDiagram, wrap } from '../../../src/backmatter/diagrams.ts';

const edition = realEdition();

describe('glossary', () => {
  const entries = glossaryEntries(edition);
  const term = (t: string) => entries.find((e) => e.term === t);
  it('has one entry per term, fused rows split', () => {
    expect(entries).toHaveLength(50);
    expect(entries.filter((e) => e.fused).map((e) => e.term)).toEqual(['sovnarkhoz', 'Sovnarkom', 'troika', 'TsK']);
    expect(term('sovnarkhoz')).toMatchObject({ expansion: 'sovet narodnogo khozyaistva', definition: 'economic council' });
    expect(term('Sovnarkom')).toMatchObject({ expansion: 'Sovet Narodnykh Kommissarov', definition: "Council of People's Commissars" });
    expect(term('troika')).toMatchObject({ expansion: null, definition: 'group of three people' });
    expect(term('TsK')).toMatchObject({ expansion: "Tsentral'nyi Komitet", definition: 'Central Committee of the Communist Party' });
  });
  it('separates expansion from translation, and a definition from both', () => {
    expect(term('MK')).toMatchObject({ expansion: 'Moskovskii Komitet', definition: 'Moscow Committee of the Communist Party', bracketed: true, anchor: 'term-mk' });
    expect(term('raikom')).toMatchObject({ expansion: null, definition: 'raion committee of the Communist Party' });
    // em-115 restores Rossiiskaya's second i; the thesis prints this English unbracketed.
    expect(term('RKP(b)')).toMatchObject({ expansion: "Rossiiskaya Kommunisticheskaya Partiya (bol'shevikov)", definition: 'Russian Communist Party (bolsheviks)', bracketed: false });
    expect(term('VSNKh')?.expansion).toBe('Vysshii Sovet Narodnogo Khozyaistva');
  });
  it('prints each fused term in a row of its own, with its anchor and its part of the definition, every word kept', () => {
    const s = edition.sections.find((x) => x.id === 'glossary')!;
    const anchors = rowAnchors(s);
    const rows = s.blocks.flatMap((b) => (b.kind === 'table' ? [...b.headRows, ...b.bodyRows].map((r, i) => ({ id: anchors.get(b.id)?.[i] ?? [], cells: r.map((c) => inlineText(c)), line: b.lines[i] })) : []));
    const at = (id: string) => rows.find((r) => r.id.includes(id));
    expect(at('term-sovnarkhoz')).toEqual({ id: ['term-sovnarkhoz'], cells: ['sovnarkhoz', 'sovet narodnogo khozyaistva (economic council)'], line: 4288 });
    expect(at('term-sovnarkom')).toEqual({ id: ['term-sovnarkom'], cells: ['Sovnarkom', "Sovet Narodnykh Kommissarov (Council of People's Commissars)."], line: 4288 });
    expect(at('term-troika')).toEqual({ id: ['term-troika'], cells: ['troika', 'group of three people.'], line: 4290 });
    expect(at('term-tsk')).toEqual({ id: ['term-tsk'], cells: ['TsK', "Tsentral'nyi Komitet (Central Committee of the Communist Party)"], line: 4290 });
    // One anchor per row throughout.
    expect(rows.every((r) => r.id.length === 1)).toBe(true);
    expect(rows).toHaveLength(entries.length);
  });
  it('keeps a row as printed when its definition does not split into one part per term', () => {
    const row = (first: Inline[], def: Inline[]): TableBlock => ({ kind: 'table', id: 't', caption: null, captionLine: null, headRows: [], bodyRows: [[first, def]], lines: [1], scope: null });
    const em = (v: string): Inline => ({ t: 'em', c: [{ t: 'text', v }] });
    const unsplittable = row([em('a'), { t: 'text', v: ' ' }, em('b')], [{ t: 'text', v: 'one definition for both' }]);
    expect(splitFusedTermRows(unsplittable)).toEqual({ table: unsplittable, split: [] });
    const single = row([em('raikom')], [em('raion'), { t: 'text', v: ' committee. ' }, em('Other')]);
    expect(splitFusedTermRows(single).split).toEqual([]);
  });
  it('uses the anchors the renderer gives the rows', () => {
    const s = edition.sections.find((x) => x.id === 'glossary')!;
    const ids = new Set([...rowAnchors(s).values()].flat(2));
    expect(entries.every((e) => ids.has(e.anchor))).toBe(true);
    expect(new Set(entries.map((e) => e.anchor)).size).toBe(entries.length);
  });
});

describe('abbreviations', () => {
  const entries = abbreviationEntries(edition);
  it('lists journals, archives and places with anchors', () => {
    expect(entries).toHaveLength(17);
    expect(entries.map((e) => e.group).filter((g, i, a) => a.indexOf(g) === i)).toEqual(['periodical', 'archive', 'place']);
    expect(entries.find((e) => e.abbr === 'RM')).toMatchObject({ expansion: 'Rabochaya Moskva', anchor: 'abbr-rm', group: 'periodical' });
    expect(entries.find((e) => e.abbr === 'TsGAOR')).toMatchObject({ expansion: "Tsentral'nyi Gosudarstvennyi Arkhiv Oktyabr'skoi Revolyutsii", translation: 'Central State Archive of the October Revolution' });
    expect(entries.find((e) => e.abbr === 'M')?.expansion).toBe('Moscow');
  });
});

describe('diagram reconstructions', () => {
  it('know which diagrams the thesis prints a key for: 3 and 4, not 1 and 2 (only captions survive)', () => {
    expect([1, 2, 3, 4].map((n) => printedKey(edition, n).length > 0)).toEqual([false, false, true, true]);
    expect(printedKey(edition, 4)).toEqual(['Key: Party organ Other responsible organisation', 'Factory administration Lines indicate main channels of communication.']);
  });
  it('four valid data files; every source sentence is in the paragraph it names', () => {
    expect(DIAGRAMS.map((d) => [d.diagram, d.parts.length])).toEqual([
      [1, 4],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    for (const d of DIAGRAMS) for (const p of d.parts) expect(resolveSources(edition, p).every((s) => /^\/(chapter-\d|diagrams)\/#para-\d+$/u.test(s.href))).toBe(true);
    expect(() => resolveSources(edition, { ...DIAGRAMS[0]!.parts[0]!, sources: [{ section: 'chapter-1', block: 'para-31', quote: 'not in the thesis' }] })).toThrow(/not in chapter-1#para-31/u);
    expect(() => parseDiagram({ diagram: 5 }, 'x.json')).toThrow(/x\.json is malformed/u);
  });
  it('lays out every box of the tree, inside the drawing', () => {
    for (const d of DIAGRAMS) {
      for (const p of d.parts) {
        const l = layoutTree(p.tree);
        expect(l.nodes).toHaveLength(outline(p.tree).length);
        expect(l.links).toHaveLength(l.nodes.length - 1);
        for (const n of l.nodes) {
          expect(n.x).toBeGreaterThanOrEqual(0);
          expect(n.y).toBeGreaterThanOrEqual(0);
          expect(n.x + n.width).toBeLessThanOrEqual(l.width);
          expect(n.y + n.height).toBeLessThanOrEqual(l.height + 0.001);
        }
      }
    }
    expect(wrap('Production-territorial sectors (ten)', 22)).toEqual(['Production-territorial', 'sectors (ten)']);
  });
});
