import { describe, expect, it } from 'vitest';
import { sectionContents } from '../../../src/render/contents.ts';
import { inlineText } from '../../../src/pipeline/inline.ts';
import { realEdition } from '../pipeline/helpers.ts';

const labels = (id: string) => {
  const section = realEdition().sections.find((s) => s.id === id)!;
  return sectionContents(section).map((e) => ('text' in e ? inlineText(e.text) : `Notes: ${e.notes.label} (${e.notes.count})`));
};

describe('the contents of a section', () => {
  it('a bare figure heading takes the title printed under it (Maps 1-3, Diagram 4)', () => {
    expect(labels('maps')).toEqual(['Map 1: Moscow in 1925-Raion Boundaries.', 'Map 2: Moscow in 1930: the new Raion Boundaries.', "Map 3: The Moscow Oblast' in 1930, showing the ten Okrugs."]);
    expect(labels('diagrams')).toContain('Diagram 4: Economic administration in Elektrozavod in 1930.');
    expect(labels('diagrams')).toContain('Diagram 1: The Departments of the MK');
  });

  it("headings and each list of notes where it stands (Chapter 2's after each part)", () => {
    const ch2 = labels('chapter-2');
    expect(ch2.indexOf('Notes: Chapter 2, part 1 (91)')).toBeLessThan(ch2.findIndex((l) => l.startsWith('2. The Right Deviation')));
    expect(ch2.filter((l) => l.startsWith('Notes:'))).toHaveLength(4);
  });
});
