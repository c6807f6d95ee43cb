import { describe, expect, it } from 'vitest';
import { statusText } from '../../../src/search/page.ts';

const q = { text: 'Uglanov', refs: [], respelled: [] as [string, string][] };

describe('the search status line', () => {
  it('counts the results, and says how the shown ones are grouped when paragraphs share a heading', () => {
    expect(statusText(83, 10, 'Uglanov', q, 6)).toBe('83 results for “Uglanov” (showing 10, in 6 entries).');
    expect(statusText(83, 10, 'Uglanov', q, 10)).toBe('83 results for “Uglanov” (showing 10).');
    expect(statusText(7, 7, 'Uglanov', q, 5)).toBe('7 results for “Uglanov” (in 5 entries).');
    expect(statusText(1, 1, 'Uglanov', q)).toBe('1 result for “Uglanov”.');
  });

  it('says what was searched when nothing is found', () => {
    expect(statusText(0, 0, 'blorpt', { ...q, text: 'blorpt' })).toBe('No results for “blorpt”.');
    expect(statusText(0, 0, '7952/3/999', { text: null, refs: ['7952/3/999'], respelled: [] })).toBe('No notes cite 7952/3/999.');
    expect(statusText(2, 2, 'Ryutin', { ...q, respelled: [['Ryutin', 'Riutin']] })).toBe('2 results for “Ryutin” (searched as Riutin, as the thesis spells it).');
  });
});
