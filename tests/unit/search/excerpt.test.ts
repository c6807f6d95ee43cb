import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptAround, excerptSegments, markAll, printedForms } from '../../../src/search/excerpt.ts';

describe('excerpts', () => {
  it("reads Pagefind's excerpt into text and marks, never HTML", () => {
    expect(excerptSegments('the <mark>Sokol&#39;niki</mark> raikom &amp; <b>MK</b>')).toEqual([
      { text: 'the ', mark: false },
      { text: "Sokol'niki", mark: true },
      { text: ' raikom & MK', mark: false },
    ]);
    expect(decodeEntities('&lt;script&gt; &quot;x&quot; &#x27;y&#x27; &unknown;')).toBe(`<script> "x" 'y' &unknown;`);
  });

  it('excerpts around a cited reference, marked', () => {
    const text = `${'word '.repeat(40)}Quoted in TsGAOR, 7952/3/253, 14. ${'more '.repeat(40)}`.trim();
    const segs = excerptAround(text, ['7952/3/253'], 20);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['7952/3/253']);
    const joined = segs.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.split(/\s+/u).length).toBeLessThanOrEqual(23);
    expect(excerptAround('TsGAOR 7952/3/253, 6-7.', ['7952/3/253'])).toEqual([
      { text: 'TsGAOR ', mark: false },
      { text: '7952/3/253', mark: true },
      { text: ', 6-7.', mark: false },
    ]);
    expect(excerptAround('Ibid., I.105.', ['7952/3/253'])).toEqual([{ text: 'Ibid., I.105.', mark: false }]);
    expect(markAll('T 2850 and T 2850', ['T 2850']).filter((s) => s.mark)).toHaveLength(2);
  });

  it('marks a reference the typescript printed with a stray space ("7952/ 3/267", Chapter 1, n. 20), and names that form for the landing page', () => {
    const text = 'TsGAOR, 7952/ 3/267, 10.';
    expect(excerptAround(text, ['7952/3/267']).filter((s) => s.mark).map((s) => s.text)).toEqual(['7952/ 3/267']);
    expect(printedForms(text, ['7952/3/267', 'TsGAOR'])).toEqual(['7952/ 3/267']);
    expect(printedForms('TsGAOR, 7952/3/267, 10.', ['7952/3/267'])).toEqual([]);
  });
});
