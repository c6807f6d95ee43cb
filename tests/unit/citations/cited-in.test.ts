import { describe, expect, it } from 'vitest';
import { citingNotes } from '../../../src/citations/cited-in.ts';
import { citationAnnotations } from '../../../src/citations/annotations.ts';
import { IDENTIFICATIONS } from '../../../src/citations/identifications.ts';
import { parseBibliography } from '../../../src/citations/bibliography.ts';
import { citedInHtml } from '../../../src/render/cited-in-html.ts';
import { realEdition } from './edition.ts';

const edition = realEdition();
const citing = citingNotes(edition);
const flat = (id: string) => (citing.get(id) ?? []).flatMap((g) => g.notes.map((n) => `${g.scope} ${n.n}`));

describe('where the notes cite each bibliography entry', () => {
  it('lists the notes citing a work, in reading order, by scope: by title, op. cit. and Ibid.', () => {
    expect(citing.get('bib-fainsod-1958')?.[0]).toEqual({ scope: 'Introduction', notes: [{ n: 8, href: '/introduction/#intro-n8' }] });
    expect(flat('bib-fainsod-1958')).toContain('Chapter 1 1'); // "M. Fainsod, Smolensk under Soviet Rule; …"
    // Chapter 1 n. 3 names KPSS v rezolyutsiyakh, n. 4 is its "Ibid., p. 124".
    expect(flat('bib-kpss-rezolyutsiyakh-resheniyakh-1953')).toEqual(expect.arrayContaining(['Chapter 1 3', 'Chapter 1 4']));
  });

  it('counts a work cited in a table or source line a note carries as cited by that note (Chapter 3 nn. 20, 31; Chapter 5 n. 6)', () => {
    expect(flat('bib-smitten-1927')).toEqual(expect.arrayContaining(['Chapter 3 31', 'Chapter 5 6']));
    expect(flat('bib-rigby-1968')).toContain('Chapter 3 20');
    expect(flat('bib-hughes-1977')).toContain('Chapter 2, part 1 30');
    expect(citing.get('bib-smitten-1927')?.flatMap((g) => g.notes.map((n) => n.href))).toContain('/chapter-3/#ch3-n31');
  });

  it('counts a newspaper cited by its abbreviation ("See, e.g., P 10/10/28", Chapter 1 n. 74) as citing its entry', () => {
    expect(flat('bib-periodical-pravda')).toContain('Chapter 1 74');
    expect(flat('bib-periodical-pravda').length).toBeGreaterThan(60);
  });

  it('every note listed links to the entry, names it beside the entry it links to, or cites its periodical, and no note is listed twice', () => {
    const linked = new Set([
      // A link in a note's table or source line (block "ch3-n20-p2") is its note's.
      ...citationAnnotations(edition).filter((a) => a.className === 'bib').map((a) => `${a.href.split('#')[1]} ${a.block.replace(/^(.+-n\d+)-.+$/u, '$1')}`),
      // "the stenographic reports of the two 1927 conferences" (Chapter 2, part 2 n. 91) links to the first, and names the second on hover.
      ...IDENTIFICATIONS.flatMap((x) => (x.also ?? []).map((entry) => `${entry} ${x.note}`)),
    ]);
    expect(linked).toContain('bib-proc-sixteenth-gubernia-conference-1927 ch2.2-n91');
    for (const [id, groups] of citing) {
      const hrefs = groups.flatMap((g) => g.notes.map((n) => n.href));
      expect(new Set(hrefs).size, id).toBe(hrefs.length);
      if (!id.startsWith('bib-periodical-')) for (const h of hrefs) expect(linked.has(`${id} ${h.split('#')[1]}`), `${id} ${h}`).toBe(true);
    }
    // One entry to a paragraph, so the list under a paragraph is that entry's.
    const blocks = parseBibliography(edition).entries.filter((e) => e.block.startsWith('para-')).map((e) => e.block);
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it('renders as an editorial line, each note number a link', () => {
    expect(citedInHtml([{ scope: 'Chapter 1', notes: [{ n: 1, href: '/chapter-1/#ch1-n1' }, { n: 22, href: '/chapter-1/#ch1-n22' }] }, { scope: 'Chapter 6', notes: [{ n: 15, href: '/chapter-6/#ch6-n15' }] }], 'p')).toBe(
      '<p class="cited-in" data-editorial="">Cited in Chapter 1, nn. <a href="/chapter-1/#ch1-n1">1</a>, <a href="/chapter-1/#ch1-n22">22</a>; Chapter 6, n. <a href="/chapter-6/#ch6-n15">15</a></p>',
    );
    expect(citedInHtml([], 'span')).toBe('');
  });
});
