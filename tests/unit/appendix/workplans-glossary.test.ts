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
