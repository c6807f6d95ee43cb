import { describe, expect, it } from 'vitest';
import { noteAliases, noteRecords, noteText, otherSpellings, pageKind, peopleRecords, searchOutline, sectionFilter, textRecords } from '../../../src/search/records.ts';
import { describeResult } from '../../../src/search/results.ts';
import { realEdition } from '../pipeline/helpers.ts';

describe('search records from the real thesis', () => {
  const edition = realEdition();
  const notes = noteRecords(edition);
  const text = textRecords(edition);
  const allNotes = edition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : [])));

  const outline = searchOutline(edition);
  const title = (r: (typeof notes)[number] | undefined): string | undefined => (r ? describeResult({ ...r, excerpt: '', meta: r.meta ?? {} }, outline).place : undefined);

  it('makes one record per note, linking to it, which the page titles with its place', () => {
    expect(notes).toHaveLength(edition.stats.notes);
    const n15 = notes.find((r) => r.url === '/chapter-2/#ch2.3-n15');
    expect(title(n15)).toMatch(/^Chapter 2, part 3, note 15 \(thesis p\. \d+\)$/u);
    expect(n15?.filters?.['section']).toEqual(['Chapter 2']);
    expect(n15?.filters?.['kind']).toEqual(['note']);
    expect(title(notes.find((r) => r.url === '/introduction/#intro-n16'))).toMatch(/^Introduction, note 16\b/u);
    // Every note's title agrees with the notes heading it is listed under on its page.
    for (const section of edition.sections) {
      for (const b of section.blocks) {
        if (b.kind !== 'notes') continue;
        for (const n of b.notes) expect(title(notes.find((r) => r.url === `/${section.slug}/#${n.id}`))?.startsWith(`${b.scopeLabel}, note ${n.n}`)).toBe(true);
      }
    }
  });

  it('gives each person of the rosters a record on their page, titled with their name, without the posts\' common words', () => {
    const people = peopleRecords(edition);
    const uglanov = people.find((r) => r.url === '/people/uglanov/');
    expect(uglanov?.meta).toEqual({ title: 'Uglanov, N.A.' });
    expect(uglanov?.content).toBe('Uglanov, N.A.: first secretary.');
    // Another spelling of the surname is said: a search for it finds the page.
    expect(people.filter((r) => r.content.includes('(also printed ')).length).toBeGreaterThan(0);
    expect(uglanov?.filters).toEqual({ section: ['Back matter'], kind: ['person'] });
    expect(title(uglanov as (typeof notes)[number])).toBe('People: Uglanov, N.A.');
    expect(people.length).toBeGreaterThan(100);
    expect(new Set(people.map((r) => r.url)).size).toBe(people.length);
  });

  it('puts no words in the meta (Pagefind indexes meta as text), only numbers, a glossary term and a note\'s aliases', () => {
    for (const r of [...text, ...notes]) {
      for (const [k, v] of Object.entries(r.meta ?? {})) {
        if (k === 'title') expect(r.content.startsWith(v)).toBe(true);
        // A note's aliases; on a paragraph, the readings the typescript prints where the edition emends them.
        else if (k === 'also') expect(notes.includes(r) || text.includes(r)).toBe(true);
        else expect(v).toMatch(/^≈?\d+(–\d+)?(ff\.)?$/u);
      }
    }
  });

  it("gives a note the names its abbreviations stand for and its two-digit years written out, as searchable aliases", () => {
    const also = (id: string): string | undefined => notes.find((r) => r.url.endsWith(`#${id}`))?.meta?.['also'];
    // "P 14/5/1929." is found by "Pravda 14/5/1929".
    expect(also('ch2.3-n4')).toBe('Pravda');
    // "RM, 20/1/26." by "Rabochaya Moskva 20/1/1926".
    expect(noteText(allNotes.find((n) => n.id === 'ch2.1-n48')!)).toContain('20/1/26');
    expect(also('ch2.1-n48')?.split('; ')).toEqual(['Rabochaya Moskva', '20/1/1926']);
    expect(also('ch3-n9')).toContain('Izvestiya');
    // A word as the typescript prints it, where the edition emends it: "Elektroavod" still finds the passages.
    const printed = text.filter((r) => r.meta?.['also']?.split('; ').includes('Elektroavod'));
    expect(printed.length).toBeGreaterThan(0);
    for (const r of printed) expect(r.content).toContain('Elektrozavod');
    expect(text.filter((r) => r.meta?.['also'] !== undefined).every((r) => !/^\d/u.test(r.meta?.['also'] ?? ''))).toBe(true);
    // A repair of spacing ("shef stve", "C rankshaw") gives no pieces of words to search by; nothing under three letters.
    const aliases = [...text, ...notes].flatMap((r) => r.meta?.['also']?.split('; ') ?? []);
    expect(aliases.filter((a) => ['shef', 'svo', 'ot', 'del', 'C', 'rankshaw', 'an'].includes(a))).toEqual([]);
    // The places of publication ("M = Moscow (place of publication)") are no note's alias.
    expect(aliases.filter((a) => /publication/u.test(a))).toEqual([]);
    // A word the thesis spells three ways is found by each: "sheftstvo" finds Appendix 1's "sheftsvo" and Appendix 2's "shefstvo".
    expect(otherSpellings('head of gubernia committee on sheftsvo)')).toEqual(['sheftstvo', 'shefstvo']);
    expect(otherSpellings('no such word')).toEqual([]);
    const shef = text.filter((r) => r.meta?.['also']?.split('; ').includes('sheftstvo')).map((r) => r.url);
    expect(shef.filter((u) => u.startsWith('/appendices/')).length).toBeGreaterThanOrEqual(3);
    // "T 2850." by "Trotsky Archive": every note citing one of its documents.
    expect(also('ch2.2-n56')).toContain('Trotsky Archive');
    expect(notes.filter((r) => r.meta?.['also']?.includes('Trotsky Archive')).length).toBeGreaterThanOrEqual(20);
    // A note without abbreviations or short dates has none.
    expect(notes.filter((r) => r.meta?.['also'] === undefined).length).toBeGreaterThan(100);
    // Only day/month/two-digit-year dates: not archival references, not a four-digit year.
    expect(noteAliases('TsGAOR 7952/3/12; P 9/10/1926; RM 5/6/30; 1/34; 40/13/29.', [])).toBe('5/6/1930');
    // A page cited without its space, as the search page writes every page typed ("p. 43").
    expect(noteAliases('Vtoroi Plenum Moskovskogo Komiteta VKP(b) (M. 1928), p.20.', [])).toBe('p. 20');
    expect(noteAliases('Ibid., pp.195-7.', [])).toBe('pp. 195-7');
    expect(also('ch2.2-n20')).toContain('p. 20');
  });

  it('indexes each thing once: every record has its own URL', () => {
    const urls = [...text, ...notes].map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('uses only the section and kind filter values the page shows', () => {
    const sections = new Set([...text, ...notes].flatMap((r) => r.filters?.['section'] ?? []));
    expect([...sections].sort()).toEqual(['Back matter', 'Chapter 1', 'Chapter 2', 'Chapter 3', 'Chapter 4', 'Chapter 5', 'Chapter 6', 'Conclusion', 'Introduction']);
    const kinds = new Set([...text, ...notes].flatMap((r) => r.filters?.['kind'] ?? []));
    expect([...kinds].sort()).toEqual(['appendix', 'bibliography', 'glossary', 'note', 'table', 'text']);
    expect(sectionFilter({ kind: 'back', label: 'Tables' })).toBe('Back matter');
    expect(pageKind('abbreviations')).toBe('glossary');
  });

  it('files exactly the notes that cite TsGAOR 7952/3/253 under its filter value', () => {
    const cited = (id: string): boolean => notes.find((r) => r.url.endsWith(`#${id}`))?.filters?.['ref']?.includes('7952/3/253') ?? false;
    // From the thesis text: every note that prints the reference (the OCR's spaces after slashes tolerated)…
    const printed = allNotes.filter((n) => /7952\/\s*3\/\s*253\b/u.test(noteText(n))).map((n) => n.id);
    expect(printed.length).toBeGreaterThan(5);
    for (const id of printed) expect(cited(id)).toBe(true);
    // …and the others continue it (ibid., loc. cit.) or print it irregularly (7952/253).
    for (const n of allNotes.filter((x) => cited(x.id) && !printed.includes(x.id))) expect(noteText(n)).toMatch(/\bibid\b|loc\.?\s*cit|7952\/\s*253\b/iu);
    // Folio values: "TsGAOR, 7952/3/253, 130-3" (ch4-n81) is found by any folio of the range.
    const n81 = notes.find((r) => r.url === '/chapter-4/#ch4-n81');
    expect(n81?.filters?.['ref']).toEqual(expect.arrayContaining(['7952/3/253, 130', '7952/3/253, 133', 'TsGAOR 7952', '7952/3']));
  });

  it('files the Trotsky Archive documents a note cites', () => {
    const printed = allNotes.filter((n) => /\bT\s+2850\b/u.test(noteText(n))).map((n) => n.id);
    const filed = notes.filter((r) => r.filters?.['ref']?.includes('T 2850')).map((r) => r.url.split('#')[1]);
    expect(filed.sort()).toEqual(printed.sort());
  });

  it('keeps the text as printed: no extra words in what readers see in excerpts', () => {
    const para = text.find((r) => r.content.includes("Sokol'niki"));
    expect(para?.content).not.toMatch(/\bSokolniki\b/u);
    for (const r of [...text, ...notes]) expect(r.content).not.toMatch(/\bf7952|trotsky\d/u);
  });

  it('makes paragraph, table, glossary, appendix and bibliography records that land on their anchors', () => {
    const p1 = text.find((r) => r.url === '/chapter-2/#para-1');
    expect(title(p1)).toMatch(/^Chapter 2 \(thesis p\. \d+\)$/u);
    expect(p1?.filters).toEqual({ section: ['Chapter 2'], kind: ['text'] });
    // A paragraph over a page break is titled with both pages.
    const across = text.find((r) => r.meta?.['page']?.includes('–'));
    expect(title(across)).toMatch(/\(thesis pp\. \d+–\d+\)$/u);
    const opposition = text.filter((r) => title(r)?.startsWith("Chapter 2 › The 'New Opposition' of 1925."));
    expect(opposition.length).toBeGreaterThan(3);
    expect(opposition[0]?.url).toBe('/chapter-2/#the-new-opposition-of-1925');
    expect(opposition[1]?.url).toMatch(/^\/chapter-2\/#para-\d+$/u);
    expect(opposition[1]?.meta?.['page']).toMatch(/^\d+(–\d+)?$/u);
    expect(outline.headings['chapter-2']?.some(([id]) => id === 'the-new-opposition-of-1925')).toBe(true);
    // Pages as the cite pages give them: "≈" where a page break near the text was placed by length
    // (Chapter 2's p. 77, at Part 2's heading), "ff." where later pages are not reconstructed (the Bibliography).
    expect(title(text.find((r) => r.url === '/chapter-2/#para-54'))).toBe('Chapter 2 › 2. The Right Deviation in Moscow; 1928. (thesis ≈ p. 77)');
    expect(text.filter((r) => r.url.startsWith('/bibliography/#') && r.meta?.['page'] !== undefined).every((r) => r.meta?.['page'] === '280ff.')).toBe(true);
    expect(title(text.find((r) => r.url === '/bibliography/#para-45'))).toMatch(/\(thesis pp\. 280ff\.\)$/u);
    // A note's page is the foot its block ends: certain wherever the numbers do not drift.
    expect(notes.find((r) => r.url === '/chapter-2/#ch2.2-n1')?.meta?.['page']).toBe('77');
    expect(text.filter((r) => r.meta?.['page']?.startsWith('≈')).length).toBeGreaterThan(10);
    const raikom = text.find((r) => r.url === '/glossary/#term-raikom');
    expect(title(raikom)).toBe('Glossary: raikom');
    expect(raikom?.filters?.['kind']).toEqual(['glossary']);
    // The Glossary's Mossovet is found by the text's spelling, Mossoviet, the search's respelling of it.
    const mossovet = text.find((r) => r.url === '/glossary/#term-mossovet');
    expect(title(mossovet)).toBe('Glossary: Mossovet');
    expect(mossovet?.content).toMatch(/^Mossovet Moskovskii Sovet \(the Moscow Soviet\)\. \(in the text: Mossoviet\)/u);
    expect(text.find((r) => r.url === '/abbreviations/#abbr-tsgaor')?.content).toMatch(/Tsentral'nyi Gosudarstvennyi Arkhiv Oktyabr'skoi Revolyutsii/u);
    expect(text.some((r) => r.url.startsWith('/bibliography/#para-') && r.filters?.['kind']?.[0] === 'bibliography')).toBe(true);
    expect(text.some((r) => r.url.startsWith('/tables/#tbl-') && r.filters?.['kind']?.[0] === 'table')).toBe(true);
    expect(text.some((r) => r.url.startsWith('/appendices/#') && r.filters?.['kind']?.[0] === 'appendix' && r.content.includes('Uglanov'))).toBe(true);
  });

  it("includes a note's own tables and paragraphs", () => {
    const withTable = allNotes.find((n) => n.extra.some((x) => x.kind === 'table'));
    if (withTable) {
      const rec = notes.find((r) => r.url.endsWith(`#${withTable.id}`));
      expect(rec?.content.length).toBeGreaterThan(noteText({ content: withTable.content, extra: [] }).length);
    }
  });
});

describe('headings as records', () => {
  const edition = realEdition();
  const text = textRecords(edition);
  const outline = searchOutline(edition);

  it("ships the edition's ia/iu respellings with the outline: the words it prints with ya/yu, and no word it prints itself", () => {
    expect(outline.ia).toMatchObject({ krasnaia: 'Krasnaya', presnia: 'Presnya', trekhgornaia: 'Trekhgornaya' });
    const own = new Set(JSON.stringify(edition.sections.map((s) => s.blocks)).toLowerCase().match(/\p{L}+/gu));
    for (const variant of Object.keys(outline.ia)) expect(own.has(variant), variant).toBe(false);
    expect(JSON.stringify(outline.ia).length).toBeLessThan(8000);
  });

  it('makes a record of each heading and printed section title, titled with its place', () => {
    const h = text.find((r) => r.url === '/chapter-2/#the-new-opposition-of-1925');
    expect(h?.content).toBe("The 'New Opposition' of 1925.");
    expect(describeResult({ ...h!, excerpt: '', meta: h?.meta ?? {} }, outline).title).toBe("Chapter 2 › The 'New Opposition' of 1925.");
    expect(text.find((r) => r.url === '/chapter-2/')?.content).toBe('Chapter 2. Political Change in Moscow 1925-32.');
    // The Tables section has no printed title (its label is the edition's).
    expect(text.some((r) => r.url === '/tables/')).toBe(false);
  });
});
