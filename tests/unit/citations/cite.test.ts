import { describe, expect, it } from 'vitest';
import { ACCESSED_PLACEHOLDER, cleanTitle, EDITION_TITLE, formatCitations, pageRange, pagesLabel } from '../../../src/citations/cite.ts';
import { accessedDate } from '../../../src/citations/accessed.ts';

const chapter = formatCitations({ sectionLabel: 'Chapter 2', sectionTitle: 'Chapter 2. Political Change in Moscow 1925-32.', firstPage: 50, lastPage: 118, url: 'https://example.org/chapter-2/' });
const paragraph = formatCitations({ sectionLabel: 'Chapter 2', sectionTitle: 'Chapter 2. Political Change in Moscow 1925-32.', firstPage: 50, lastPage: 118, pages: [57, 58], paragraphId: 'para-12', url: 'https://example.org/chapter-2/#para-12' });

describe('cite this', () => {
  it('page ranges with an en dash; a paragraph’s own pages', () => {
    expect(pageRange({ firstPage: 50, lastPage: 118 }).text).toBe('50–118');
    expect(pageRange({ firstPage: 50, lastPage: 118, pages: [58, 57] }).text).toBe('57–58');
    expect(pageRange({ firstPage: 57, lastPage: 57 }).text).toBe('57');
    // A part whose last page the contents do not give (the Bibliography) runs on: not one page.
    expect(pageRange({ firstPage: 280, lastPage: null })).toEqual({ first: 280, last: null, text: '280ff.' });
    expect(['57', '57–58', '280ff.', '≈77', '≈76–77', ''].map(pagesLabel)).toEqual(['p. 57', 'pp. 57–58', 'pp. 280ff.', '≈ p. 77', '≈ pp. 76–77', '']);
    const bibliography = formatCitations({ sectionLabel: 'Bibliography', sectionTitle: 'Bibliography', firstPage: 280, lastPage: null, url: 'https://example.org/bibliography/' });
    expect(bibliography.chicago).toContain('University of Birmingham, 1987, 280ff. In ');
    expect(bibliography.mla).toContain('1987, pp. 280ff. The Communist');
    expect(bibliography.bibtex).toContain('pages = {280ff.}');
    expect(bibliography.ris).toMatch(/SP {2}- 280\r?\n/u);
    expect(bibliography.ris).not.toContain('EP  -');
    expect(cleanTitle('Chapter 2. Political Change in Moscow 1925-32.')).toBe('Political Change in Moscow 1925-32');
  });

  it('Chicago and MLA for a chapter: the edition named, and the date of access asked for', () => {
    expect(chapter.chicago).toBe(`Merridale, Catherine. “Political Change in Moscow 1925-32.” Chapter 2 of “The Communist Party in Moscow 1925-1932.” PhD diss., University of Birmingham, 1987, 50–118. In ${EDITION_TITLE}. Accessed ${ACCESSED_PLACEHOLDER}. https://example.org/chapter-2/.`);
    expect(chapter.mla).toBe(`Merridale, Catherine. “Political Change in Moscow 1925-32.” The Communist Party in Moscow 1925-1932, PhD dissertation, University of Birmingham, 1987, pp. 50–118. ${EDITION_TITLE}, https://example.org/chapter-2/. Accessed ${ACCESSED_PLACEHOLDER}.`);
    const dated = formatCitations({ firstPage: null, lastPage: null, url: 'https://example.org/', accessed: '2026-11-29' });
    expect(dated.chicago).toContain('Accessed 2026-11-29.');
    expect(dated.ris).toContain('Y2  - 2026-11-29');
  });

  it('pages the edition places by length are cited as approximate; a paragraph by its number', () => {
    const approx = formatCitations({ sectionLabel: 'Chapter 2', sectionTitle: 'Chapter 2. Political Change in Moscow 1925-32.', firstPage: 50, lastPage: 118, pages: [50, 51], pagesApproximate: true, paragraphId: 'para-3', url: 'https://example.org/chapter-2/#para-3' });
    expect(approx.chicago).toContain('Chapter 2, paragraph 3 of “The Communist Party in Moscow 1925-1932.” PhD diss., University of Birmingham, 1987, 50–51 (approximate).');
    expect(approx.mla).toContain('1987, paragraph 3, pp. 50–51 (approximate).');
    expect(approx.bibtex).toContain('original page numbers of the thesis, approximate');
    expect(approx.ris).toContain('N1  - Paragraph 3; original page numbers approximate');
    expect(paragraph.chicago).not.toContain('approximate');
    expect(paragraph.chicago).not.toContain('paragraph para-12');
    expect(paragraph.chicago).toContain('Chapter 2, paragraph 12 of');
  });

  it('writes the reader\'s date of access in each style\'s form', () => {
    const d = new Date(2026, 10, 29);
    expect(['chicago', 'mla', 'bibtex', 'ris'].map((f) => accessedDate(d, f))).toEqual(['November 29, 2026', '29 Nov. 2026', '2026-11-29', '2026/11/29']);
    expect(accessedDate(new Date(2026, 5, 3), 'mla')).toBe('3 June 2026');
  });

  it('names a part once where its label is its title (the Bibliography), and label and title where they differ', () => {
    expect(formatCitations({ sectionLabel: 'Bibliography', sectionTitle: 'Bibliography', firstPage: 269, lastPage: 280, url: 'https://example.org/bibliography/' }).bibtex).toContain('note = {Bibliography; original page numbers');
    expect(chapter.bibtex).toContain('note = {Chapter 2: Political Change in Moscow 1925-32; original page numbers');
  });

  it('a BibTeX key for each part, so that citations of several parts can share a .bib file', () => {
    const key = (sectionLabel: string, paragraphId?: string) => /@phdthesis\{([^,]+),/u.exec(formatCitations({ sectionLabel, sectionTitle: sectionLabel, firstPage: 1, lastPage: 2, url: 'https://example.org/', ...(paragraphId ? { paragraphId, pages: [1] } : {}) }).bibtex)?.[1];
    expect([key('Introduction'), key('Conclusion'), key('Glossary'), key('Chapter 3'), key('Introduction', 'para-5'), key('Conclusion', 'para-5')]).toEqual([
      'merridale1987introduction',
      'merridale1987conclusion',
      'merridale1987glossary',
      'merridale1987ch3',
      'merridale1987introductionpara5',
      'merridale1987conclusionpara5',
    ]);
  });

  it('BibTeX and RIS for a paragraph, with its original pages and URL', () => {
    expect(paragraph.bibtex).toContain('@phdthesis{merridale1987ch2para12,');
    expect(paragraph.bibtex).toContain('  pages = {57--58},');
    expect(paragraph.bibtex).toContain('  url = {https://example.org/chapter-2/#para-12},');
    expect(paragraph.ris.split('\n')).toEqual([
      'TY  - THES',
      'AU  - Merridale, Catherine',
      'TI  - The Communist Party in Moscow 1925-1932',
      'T2  - Political Change in Moscow 1925-32',
      'PY  - 1987',
      'PB  - University of Birmingham',
      'M3  - PhD thesis',
      'SP  - 57',
      'EP  - 58',
      'N1  - Paragraph 12',
      'UR  - https://example.org/chapter-2/#para-12',
      `Y2  - ${ACCESSED_PLACEHOLDER}`,
      'ER  -',
    ]);
  });

  it('the thesis as a whole', () => {
    const whole = formatCitations({ firstPage: null, lastPage: null, url: 'https://example.org/' });
    expect(whole.chicago).toBe(`Merridale, Catherine. “The Communist Party in Moscow 1925-1932.” PhD diss., University of Birmingham, 1987. In ${EDITION_TITLE}. Accessed ${ACCESSED_PLACEHOLDER}. https://example.org/.`);
    expect(whole.ris).not.toContain('SP  -');
  });
});
