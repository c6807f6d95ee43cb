import { describe, expect, it } from 'vitest';
import { downloadRights, EDITION_ADDITIONS_TERMS, rightsComment } from '../../../src/data/rights.ts';
import { bibliographyBibtex } from '../../../src/citations/export.ts';
import { parseBibliography } from '../../../src/citations/bibliography.ts';
import { tablesJson } from '../../../src/backmatter/table-export.ts';
import { realEdition } from './edition.ts';

const edition = realEdition();
const statement = 'Further distribution or reproduction in any format is prohibited without the permission of the copyright holder.';

describe('the downloads carry the thesis’s rights statement', () => {
  it('as printed at the head of the source, line by line, with the edition’s terms for its additions', () => {
    const rights = downloadRights(edition.meta);
    expect(rights.thesis).toEqual(edition.meta.rights);
    expect(rights.thesis.some((l) => l.includes(statement))).toBe(true);
    expect(rights.thesis[0]).toBe('University of Birmingham Research Archive');
    expect(rights.edition).toBe(EDITION_ADDITIONS_TERMS);
  });

  it('tables.json as its rights field', () => {
    const doc = JSON.parse(tablesJson(edition)) as { rights: { thesis: string[] } };
    expect(doc.rights.thesis.join(' ')).toContain(statement);
  });

  it('the BibTeX file in its opening comment, every line a comment', () => {
    const { entries, fonds } = parseBibliography(edition);
    const bib = bibliographyBibtex(entries, edition, fonds);
    const head = bib.slice(0, bib.indexOf('@'));
    expect(head).toContain(statement);
    expect(head).toContain(EDITION_ADDITIONS_TERMS);
    expect(head.trimEnd().split('\n').every((l) => l === '' || l.startsWith('% '))).toBe(true);
  });

  it('a comment prefix starts every line, so the statement cannot break the format', () => {
    const comment = rightsComment({ ...edition.meta, rights: ['one', 'two'] }, '#');
    expect(comment.split('\n').filter(Boolean).every((l) => l.startsWith('# '))).toBe(true);
    expect(comment).toContain('#   two');
  });
});
