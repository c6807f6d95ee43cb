import { describe, expect, it } from 'vitest';
import { entryLabel, findQuotedTitle, parseBibliography, parsePeople } from '../../../src/citations/bibliography.ts';
import { bibliographyAnchors, bibliographyCellAnchors, bibliographyHref } from '../../../src/citations/anchors.ts';
import { renderBlock } from '../../../src/render/blocks-html.ts';
import { bibtexValue, protectCapitals, toBibtex, toCsl, volumeIssue } from '../../../src/citations/export.ts';
import { realEdition } from './edition.ts';

const bib = parseBibliography(realEdition());
const entry = (id: string) => {
  const e = bib.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

describe('the bibliography, parsed from its five sections', () => {
  it('has entries in every section, each with a unique stable id', () => {
    const sections = new Set(bib.entries.map((e) => e.bibSection));
    expect([...sections].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(bib.entries.map((e) => e.id)).size).toBe(bib.entries.length);
    expect(bib.entries.length).toBeGreaterThanOrEqual(150);
  });

  it('a book: Chase, Workers, Society and the Soviet State', () => {
    const e = entry('bib-chase-1987');
    expect(e.authors).toEqual([{ family: 'Chase', given: 'W. J.' }]);
    expect(e.title).toBe('Workers, Society and the Soviet State, Labor and Life in Moscow, 1918-1929');
    expect([e.place, e.year, e.type, e.bibSection]).toEqual(['London', '1987', 'book', 5]);
  });

  it('a dissertation whose quoted title contains apostrophes (Davydova)', () => {
    const e = entry('bib-davydova-1971');
    expect(e.type).toBe('thesis');
    expect(e.title).toMatch(/^Moskovskaya partiinaya organizatsiya v bor'be za provedenie/u);
    expect(e.place).toBe('Moscow');
  });

  it('an article in a journal (Kuromiya, Soviet Studies)', () => {
    const e = entry('bib-kuromiya-1984');
    expect([e.type, e.container, e.year]).toEqual(['article', 'Soviet Studies', '1984']);
  });

  it('several works by one author in one year get a, b (Bauman 1929)', () => {
    expect(entry('bib-bauman-1929a').title).toBe("General'naya bol'shevistskaya liniya i nasha rabota");
    expect(entry('bib-bauman-1929b').title).toBe("Polosa velikogo stroitel'stva");
    expect(entry('bib-bauman-1929a').place).toBe('Moscow–Leningrad');
  });

  it('editors and joint authors', () => {
    expect(parsePeople('- Gregor, R., ed.,')).toEqual({ authors: [], editors: [{ family: 'Gregor', given: 'R.' }], etAl: false });
    expect(parsePeople('- Carr, E. H., and Davies, R. W.,').authors.map((p) => p.family)).toEqual(['Carr', 'Davies']);
    expect(entry('bib-crankshaw-1971').editors[0]?.family).toBe('Crankshaw');
  });

  it('quoted titles: the soft-sign apostrophe does not close the quotation', () => {
    const text = "Starodubtsev, V. F., 'Deyatel'nost' moskovskoi partiinoi organizatsii' Unpublished candidate dissertation (M., 1972)";
    expect(findQuotedTitle(text, null)?.title).toBe("Deyatel'nost' moskovskoi partiinoi organizatsii");
  });

  it('Section 1: archives and their fonds with descriptions', () => {
    expect(bib.fonds.map((f) => [f.archive, f.fond, f.description])).toEqual([
      ['TsGAOR', '5457', null],
      ['TsGAOR', '5469', "Central Committee of All-Union Metalworkers' Union"],
      ['TsGAOR', '7952', 'History of Factories'],
      ['TsGAGM', '415', null],
    ]);
  });

  it('anchors for the renderer: one per paragraph entry, on the bibliography page', () => {
    const anchors = bibliographyAnchors(realEdition());
    expect(anchors.find((a) => a.id === 'bib-chase-1987')).toEqual({ section: 'bibliography', block: entry('bib-chase-1987').block, id: 'bib-chase-1987' });
    expect(new Set(anchors.map((a) => a.block)).size).toBe(anchors.length);
    expect(bibliographyHref(entry('bib-chase-1987'))).toBe('/bibliography/#bib-chase-1987');
  });
});

describe('BibTeX and CSL-JSON', () => {
  it('BibTeX for a book and a thesis', () => {
    expect(toBibtex(entry('bib-chase-1987'))).toBe(
      '@book{bib-chase-1987,\n  author = {Chase, W. J.},\n  title = {Workers, {Society} and the {Soviet} {State}, {Labor} and {Life} in {Moscow}, 1918-1929},\n  address = {London},\n  year = {1987},\n  langid = {english}\n}',
    );
    const t = toBibtex(entry('bib-hughes-1977'));
    expect(t).toMatch(/^@mastersthesis\{bib-hughes-1977,/u);
    expect(t).toContain('school = {University of Birmingham}');
    // A Soviet dissertation names only its city, "(M, 1971)": that is its address, not its school.
    const d = toBibtex(entry('bib-davydova-1971'));
    expect(d).toContain('address = {Moscow}');
    expect(d).not.toContain('school =');
  });

  it('gives the one volume, issue and month an entry prints as fields of their own, not several volumes', () => {
    expect(volumeIssue('et al.; vol 45, 1986')).toEqual({ volume: '45', issue: null, month: null });
    expect(volumeIssue('1960, no. 4')).toEqual({ volume: null, issue: '4', month: null });
    expect(volumeIssue('January 1981')).toEqual({ volume: null, issue: null, month: 1 });
    expect(volumeIssue('vol 1 (London, 1950), vol 2 (London, 1952)').volume).toBeNull();
    expect(volumeIssue('vols xi-xiv').volume).toBeNull();
    expect(toBibtex(entry('bib-shimotomai-1983'))).toContain('volume = {4}');
    expect(toCsl(entry('bib-schlesinger-1960'))).toMatchObject({ issue: '4' });
    expect(toCsl(entry('bib-taniuchi-1981'))).toMatchObject({ issued: { 'date-parts': [[1981, 10]] } });
    // "Dinamo v gody stroitel'stva sotsializma*, kniga 2 (M, 1964)": the book's volume is not part of its title.
    expect([entry('bib-dinamo-gody-stroitelstva-1964').title, entry('bib-dinamo-gody-stroitelstva-1964').note]).toEqual(["Dinamo v gody stroitel'stva sotsializma", 'kniga 2']);
    expect(toBibtex(entry('bib-dinamo-gody-stroitelstva-1964'))).toContain('volume = {2}');
  });

  it('escapes BibTeX special characters, and braces a double quote (a quotation, or the hard sign of s"ezd)', () => {
    expect(bibtexValue('50% of A & B_c #1 {x}')).toBe('50\\% of A \\& B\\_c \\#1 \\{x\\}');
    expect(bibtexValue('XVI S"ezd')).toBe('XVI S{"}ezd');
  });

  it('as a citation needs it: et al. among the authors, a run of years, French by its place, a colon spaced, the fonds an archive lists', () => {
    const { fonds } = parseBibliography(realEdition());
    expect(toBibtex(entry('bib-fitzpatrick-1986'))).toContain('author = {Fitzpatrick, S. and others}');
    expect(toBibtex(entry('bib-fitzpatrick-1986'))).not.toContain('et al.');
    expect(toBibtex(entry('bib-stalin-1949'))).toContain('date = {1949/1951}');
    expect(toCsl(entry('bib-stalin-1949'))).toMatchObject({ issued: { 'date-parts': [[1949], [1951]] } });
    expect(toCsl(entry('bib-voslensky-1980'))).toMatchObject({ language: 'fr' });
    expect(toBibtex(entry('bib-davies-1980'))).toContain('title = {The {Socialist} {Offensive}: {The} {Collectivisation} of {Soviet} {Agriculture}, 1929-1930}');
    // Capitals braced, so that sentence-case styles keep them; the first word, escapes and a braced quote are left alone.
    expect(protectCapitals('Litso zavoda {"}Serp i Molot{"} v 1929 g.')).toBe('Litso zavoda {"}{Serp} i {Molot}{"} v 1929 g.');
    const tsgaor = parseBibliography(realEdition()).entries.find((e) => e.type === 'archive' && e.note === 'TsGAOR')!;
    expect(toBibtex(tsgaor, fonds)).toContain("note = {Archive; TsGAOR; fonds 5457; 5469 (Central Committee of All-Union Metalworkers' Union); 7952 (History of Factories)}");
    const tsgagm = parseBibliography(realEdition()).entries.find((e) => e.type === 'archive' && e.note === 'TsGAGM')!;
    expect(toCsl(tsgagm, fonds)).toMatchObject({ note: 'TsGAGM; fond 415' });
  });

  it('CSL-JSON for an article and an edited book', () => {
    expect(toCsl(entry('bib-kuromiya-1984'))).toMatchObject({ id: 'bib-kuromiya-1984', type: 'article-journal', 'container-title': 'Soviet Studies', issued: { 'date-parts': [[1984]] }, author: [{ family: 'Kuromiya', given: 'H.' }] });
    expect(toCsl(entry('bib-gregor-1974'))).toMatchObject({ type: 'book', editor: [{ family: 'Gregor', given: 'R.' }], 'publisher-place': 'Toronto' });
  });
});

describe('the congresses and conferences printed as a table (Section 3)', () => {
  it('each has an anchor in its own cell, and links go there', () => {
    const edition = realEdition();
    const cells = bibliographyCellAnchors(edition);
    expect([...cells.values()].sort()).toEqual(parseBibliography(edition).entries.filter((e) => e.cell).map((e) => e.id).sort());
    expect(cells.size).toBe(7);
    const entry = parseBibliography(edition).entries.find((e) => e.id === 'bib-proc-sixteenth-all-union-party-congress-1930')!;
    expect(bibliographyHref(entry)).toBe('/bibliography/#bib-proc-sixteenth-all-union-party-congress-1930');
    const table = edition.sections.find((s) => s.id === 'bibliography')!.blocks.find((b) => b.kind === 'table' && b.id === entry.block)!;
    expect(renderBlock(table, { annotations: new Map(), cellIds: cells })).toContain('<td><span class="anchor" id="bib-proc-sixteenth-all-union-party-congress-1930"></span>Sixteenth (1930)</td>');
  });
});

describe('Section 3: the heads of the proceedings', () => {
  it('"Moscow Party Conferences:" and "Plenums of the MK and MKK:" are sub-headings, and name the series of the entries under them', () => {
    const edition = realEdition();
    const bibliography = edition.sections.find((s) => s.id === 'bibliography')!;
    const heads = bibliography.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 3 ? [b.id] : []));
    expect(heads).toEqual(expect.arrayContaining(['moscow-party-conferences', 'plenums-of-the-mk-and-mkk']));
    const { entries } = parseBibliography(edition);
    const bySeries = (series: string) => entries.filter((e) => e.bibSection === 3 && e.container === series).length;
    expect(bySeries('Moscow Party Conferences')).toBe(6);
    expect(bySeries('Plenums of the MK and MKK')).toBeGreaterThan(5);
  });
});

describe('how a link names an entry on hover', () => {
  const entries = parseBibliography(realEdition()).entries;
  const label = (id: string) => entryLabel(entries.find((e) => e.id === id)!);

  it('a proceedings line gets the body and the year its printed line leaves to the heading above it', () => {
    expect(label('bib-proc-sixteenth-all-union-party-congress-1930')).toBe('Sixteenth All-Union Party Congress (1930)');
    const plenums = entries.filter((e) => e.type === 'proceedings' && /plenum/u.test(e.title)).map(entryLabel);
    expect(plenums).toContain('IV plenum (MK), August 1929');
    expect(plenums.every((l) => /19\d\d$/u.test(l))).toBe(true);
    expect(entries.filter((e) => e.type === 'proceedings' && e.container === 'Moscow Party Conferences').map(entryLabel)).toContain("Moscow Party Conference: First oblast' conference (1929)");
  });

  it('any other entry as printed, without the asterisks of its italics', () => {
    expect(label('bib-chase-1987')).toMatch(/^Chase, W\. J\., Workers, Society and the Soviet State/u);
    expect(entries.filter((e) => e.type !== 'proceedings').map(entryLabel).some((l) => l.includes('*'))).toBe(false);
  });
});
