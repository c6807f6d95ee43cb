import { describe, expect, it } from 'vitest';
import { cleanTitle, formatCitations, pageRange } from '../../../src/citations/cite.ts';

const chapter = formatCitations({ sectionLabel: 'Chapter 2', sectionTitle: 'Chapter 2. Political Change in Moscow 1925-32.', firstPage: 50, lastPage: 118, url: 'https://example.org/chapter-2/' });
const paragraph = formatCitations({ sectionLabel: 'Chapter 2', sectionTitle: 'Chapter 2. Political Change in Moscow 1925-32.', firstPage: 50, lastPage: 118, pages: [57, 58], paragraphId: 'para-12', url: 'https://example.org/chapter-2/#para-12' });

describe('cite this', () => {
  it('page ranges with an en dash; a paragraph’s own pages', () => {
    expect(pageRange({ firstPage: 50, lastPage: 118 }).text).toBe('50–118');
    expect(pageRange({ firstPage: 50, lastPage: 118, pages: [58, 57] }).text).toBe('57–58');
    expect(pageRange({ firstPage: 57, lastPage: 57 }).text).toBe('57');
    expect(cleanTitle('Chapter 2. Political Change in Moscow 1925-32.')).toBe('Political Change in Moscow 1925-32');
  });

  it('Chicago and MLA for a chapter', () => {
    expect(chapter.chicago).toBe('Merridale, Catherine. “Political Change in Moscow 1925-32.” Chapter 2 of “The Communist Party in Moscow 1925-1932.” PhD diss., University of Birmingham, 1987, 50–118. https://example.org/chapter-2/.');
    expect(chapter.mla).toBe('Merridale, Catherine. “Political Change in Moscow 1925-32.” The Communist Party in Moscow 1925-1932, PhD dissertation, University of Birmingham, 1987, pp. 50–118. Scholarly edition, https://example.org/chapter-2/.');
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
      'N1  - Paragraph para-12',
      'UR  - https://example.org/chapter-2/#para-12',
      'ER  -',
    ]);
  });

  it('the thesis as a whole', () => {
    const whole = formatCitations({ firstPage: null, lastPage: null, url: 'https://example.org/' });
    expect(whole.chicago).toBe('Merridale, Catherine. “The Communist Party in Moscow 1925-1932.” PhD diss., University of Birmingham, 1987. https://example.org/.');
    expect(whole.ris).not.toContain('SP  -');
  });
});
