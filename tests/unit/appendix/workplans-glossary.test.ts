import { describe, expect, it } from 'vitest';
import { realEdition } from '../pipeline/helpers.ts';
import { itemsByMonth, parseWorkPlans, planItems } from '../../../src/appendix/workplans.ts';
import { abbreviationEntries, glossaryEntries } from '../../../src/appendix/glossary.ts';
import { slugify } from '../../../src/pipeline/classify.ts';

const edition = realEdition();

describe('Appendix 2 work plans', () => {
  const plans = parseWorkPlans(edition);
  it('has the plenum plan (18 items) and the buro plan with its groups', () => {
    expect(plans.map((p) => p.key)).toEqual(['plenum', 'buro']);
    const plenum = plans[0]!;
    expect(plenum.groups.flatMap((g) => g.items)).toHaveLength(18);
    expect(plenum.groups.flatMap((g) => g.items).map((i) => i.n)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(plans[1]!.groups.filter((g) => g.title !== null).length).toBeGreaterThan(3);
  });
  it('numbers the buro plan 1-90 as the thesis does; only 74 and 75 are divided, into a) and b)', () => {
    const questions = plans[1]!.groups.flatMap((g) => g.items);
    expect(questions.map((i) => i.n)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(questions.filter((i) => i.items.length > 0).map((i) => [i.n, i.items.length])).toEqual([
      [74, 2],
      [75, 2],
    ]);
    expect(planItems(plans[1]!)).toHaveLength(94);
  });
  it("groups the buro plan's items under its eight topics, each a heading of the edition (h4)", () => {
    const buro = plans[1]!;
    expect(buro.groups.map((g) => g.title)).toEqual([
      'Industrial and construction questions.',
      'Questions concerning the growth and socialist reconstruction of agriculture.',
      'Trade and Co-operatives.',
      'Material Condition of the Working Class',
      'Questions of Soviet Construction',
      'Questions of cultural construction and mass work.',
      'Red Army',
      'Party Construction',
    ]);
    const numbers = buro.groups.flatMap((g) => g.items.map((i) => i.n));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const app = edition.sections.find((x) => x.id === 'appendices')!;
    const topics = app.blocks.filter((b) => b.kind === 'heading' && b.level === 4);
    expect(topics).toHaveLength(8);
    // The sub-items "- a)" and " - b)" (indented by the typist) are alike list items.
    const subItems = app.blocks.filter((b) => b.kind === 'paragraph' && /^\s*-\s+[ab]\)/u.test(b.content.map((c) => ('v' in c ? c.v : '')).join('')));
    expect(subItems.map((b) => (b.kind === 'paragraph' ? b.style : null))).toEqual(['list-item', 'list-item', 'list-item', 'list-item']);
  });
  it('reads months and responsible organisations', () => {
    const items = planItems(plans[0]!);
    expect(items[1]).toMatchObject({ months: ['May'], reports: ['Comrade Bauman'] });
    expect(items[5]).toMatchObject({ months: ['July'], reports: ['MSNKh'], coReports: ['MRKI'] });
    expect(itemsByMonth(plans[0]!).map((g) => g.month)).toEqual(['May', 'July', 'August', 'September']);
  });
});

describe('glossary and abbreviations', () => {
  const glossary = glossaryEntries(edition);
  const abbreviations = abbreviationEntries(edition);
  it('splits the fused rows into two entries each', () => {
    for (const pair of [['sovnarkhoz', 'Sovnarkom'], ['troika', 'TsK']]) {
      const entries = pair.map((t) => glossary.find((g) => g.term === t));
      for (const e of entries) expect(e?.fused).toBe(true);
      expect(entries[0]?.definition).not.toBe(entries[1]?.definition);
    }
  });
  it('anchors every entry as term-<slug> / abbr-<slug>', () => {
    expect(glossary.length).toBeGreaterThan(40);
    for (const g of glossary) expect(g.anchor).toBe(`term-${slugify(g.term)}`);
    for (const a of abbreviations) expect(a.anchor).toMatch(/^abbr-/u);
    expect(new Set(glossary.map((g) => g.anchor)).size).toBe(glossary.length);
  });
});
