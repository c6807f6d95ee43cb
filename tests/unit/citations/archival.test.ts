import { describe, expect, it } from 'vitest';
import { countArchivalCandidates, fileAnchor, findArchivalMentions, shortForm } from '../../../src/citations/archival.ts';
import { citationStream } from '../../../src/citations/stream.ts';
import { textContexts } from '../../../src/citations/contexts.ts';
import { archiveIndex, indexedReferences, oneDigitApart } from '../../../src/citations/archive-index.ts';
import { archivalRow } from '../../../src/citations/export.ts';
import { archivalTitle } from '../../../src/citations/annotations.ts';
import { toLines } from '../../../src/pipeline/lines.ts';
import { thesis } from '../pipeline/helpers.ts';
import { context, realEdition } from './edition.ts';

/** Fixtures copied from the notes of the thesis (corrected reading, as the notes' flat text). */
const one = (text: string) => {
  const ms = findArchivalMentions(text);
  expect(ms).toHaveLength(1);
  return ms[0]!;
};

describe('archival references: the forms the thesis uses', () => {
  it('TsGAOR, fond/opis/delo, folio (concl. n. 11)', () => {
    const m = one("…'Sometimes it is done with the revolver and the whip in hand.' TsGAOR, 7952/3/493, 10.");
    expect([m.archive, m.fond, m.opis, m.delo, m.folios, m.form]).toEqual(['TsGAOR', '7952', '3', '493', '10', 'short']);
  });

  it('a folio range without the comma after the archive (ch. 2.1 n. 4)', () => {
    const m = one('(TsGAOR 7952/3/82, 152-168.) This interest should be taken into account');
    expect([m.fond, m.opis, m.delo, m.folios]).toEqual(['7952', '3', '82', '152-168']);
    expect(m.raw).toBe('7952/3/82, 152-168');
  });

  it('spaces left by the conversion: 7952/ 3/ 96, 83 (ch. 3 n. 69)', () => {
    const m = one("noted that the 'individual approach' was a rarity even in the 1920's. TsGAOR, 7952/ 3/ 96, 83. After 1928");
    expect([m.fond, m.opis, m.delo, m.folios]).toEqual(['7952', '3', '96', '83']);
  });

  it('the full form of the Introduction, and its example of the short form (intro n. 40)', () => {
    const ms = findArchivalMentions(
      "Tsentral'nyi Gosudarstvennyi Arkhiv Oktyabr'skoi Revolyutsii, (TsGAOR), fond no. 7952 opis no. 3 delo no. 488, listok no.13. (Hereafter, archival references will be presented as follows: 7952/3/488, 13.)",
    );
    expect(ms.map((m) => [m.form, m.fond, m.opis, m.delo, m.folios])).toEqual([
      ['full', '7952', '3', '488', '13'],
      ['example', '7952', '3', '488', '13'],
    ]);
  });

  it('Trotsky Archive documents: "T 2850" and "Trotsky Archive, (T), 2852"', () => {
    const t = one('T 2850, letter from a Moscow Trotskyist, November 1928.');
    expect([t.archive, t.delo, t.form]).toEqual(['T', '2850', 'trotsky']);
    const full = one('Trotsky Archive, (T), 2852.');
    expect([full.archive, full.delo]).toEqual(['T', '2852']);
    expect('Trotsky Archive, (T), 2852.'.slice(full.linkStart, full.linkEnd)).toBe('2852');
    expect('T 2850, letter'.slice(t.linkStart, t.linkEnd)).toBe('T 2850');
  });

  it('several references in one note (ch. 5 n. 70)', () => {
    const ms = findArchivalMentions("TsGAOR 7952/3/253 for Martenovka and 7952/3/87 for Dvigatel'.");
    expect(ms.map((m) => [m.archive, m.delo, m.folios])).toEqual([
      ['TsGAOR', '253', null],
      ['TsGAOR', '87', null],
    ]);
  });

  it('two files of one opis: "7952/3/94 and 96, passim" (ch. 4 n. 54)', () => {
    const text = 'Some of the suggestions were recalled by engineers in 1932. TsGAOR, 7952/3/94 and 96, passim.';
    const ms = findArchivalMentions(text);
    expect(ms.map((m) => [m.delo, m.folios])).toEqual([
      ['94', 'passim'],
      ['96', 'passim'],
    ]);
    expect(ms.map((m) => text.slice(m.linkStart, m.linkEnd))).toEqual(['7952/3/94', '96, passim']);
  });

  it('listy written "ll." and folio lists (ch. 4 n. 39, ch. 5 n. 84)', () => {
    expect(one('TsGAOR, 5469/14/45, ll.4-5.').folios).toBe('4-5');
    expect(one('See, e.g., TsGAOR, 5469/15/165, ll.1 and 13, where problems at Manometr are discussed.').folios).toBe('1 and 13');
    expect(one("TsGAOR, 7952/3/488, ll. 1-7.").folios).toBe('1-7');
  });

  it('a file cited without its opis: "TsGAOR 7952/253, 6" (ch. 5 n. 73)', () => {
    const m = one('TsGAOR 7952/253, 6');
    expect([m.fond, m.opis, m.delo, m.folios]).toEqual(['7952', null, '253', '6']);
    expect(m.remarks.join()).toMatch(/without an opis/u);
  });

  it('"TsGAOR, loc. cit., and 7952/ 3/ 94, 84" (ch. 1 n. 21): a continuation and a new file', () => {
    const ms = findArchivalMentions('Kaganovich took a close interest in Serp i Molot. TsGAOR, loc. cit., and 7952/ 3/ 94, 84.');
    expect(ms.map((m) => [m.form, m.delo, m.folios])).toEqual([
      ['loc-cit', null, 'loc. cit.'],
      ['short', '94', '84'],
    ]);
  });

  it('dates and statistics are not archival references', () => {
    expect(findArchivalMentions('P 3/12/1925. RM, 14/5/1925. In 1927/8 and 1928/9, 1,206,857,000 rubles.')).toEqual([]);
    expect(countArchivalCandidates('P 3/12/1925. RM, 14/5/1925.')).toBe(0);
  });

  it('parses every archival reference found in the notes of the thesis', () => {
    const notes = textContexts(realEdition()).filter((c) => c.noteId !== null);
    let found = 0;
    let parsed = 0;
    for (const c of notes) {
      found += countArchivalCandidates(c.flat.text);
      parsed += findArchivalMentions(c.flat.text).length;
    }
    expect(found).toBeGreaterThanOrEqual(85);
    expect(parsed).toBe(found);
  });
});

describe('archival references in context: continuations and the index', () => {
  const refs = citationStream(realEdition()).archival;
  const inNote = (id: string) => refs.filter((r) => r.noteId === id);

  it('"TsGAOR, loc. cit." continues the file and the folio ("in the place cited") of the previous note', () => {
    const loc = inNote('ch1-n21').find((r) => r.form === 'loc-cit');
    const [prev] = inNote('ch1-n20');
    expect(loc?.continues).toBe(prev?.id);
    expect(prev?.folios).toBe('8');
    expect(shortForm(loc!)).toBe('TsGAOR 7952/3/267, 8');
  });

  it('Ibid. after an archival reference is a new folio of the same file (ch. 4 nn. 71–74)', () => {
    expect(inNote('ch4-n72').map(shortForm)).toEqual(['TsGAOR 7952/3/82, 35-40']);
    expect(inNote('ch4-n73').map(shortForm)).toEqual(['TsGAOR 7952/3/82, 20-21']);
    expect(inNote('ch4-n74').map(shortForm)).toEqual(['TsGAOR 7952/3/82, 153']);
  });

  it('a continuation keeps the citation as the edition reads it, folio included (the data downloads carry it as raw)', () => {
    // The thesis prints "II. 35-40", "1.13" and "I.105" for leaves: emended (em-093 to em-095).
    expect(inNote('ch4-n72').map((r) => r.raw)).toEqual(['Ibid, ll. 35-40']);
    expect(inNote('ch4-n82').map((r) => [r.raw, r.folios])).toEqual([['Ibid., l.105', '105']]);
    expect(inNote('ch3-n82').map((r) => [r.raw, r.folios])).toEqual([['ibid., l.13', '13']]);
    expect(inNote('ch4-n73').map((r) => r.raw)).toEqual(['Ibid., ll. 20-21']);
    expect(inNote('ch3-n90').map((r) => r.raw)).toEqual(['7952/3/253, 11', 'Ibid., p. 122']);
    expect(inNote('ch1-n21').map((r) => r.raw)).toEqual(['TsGAOR, loc. cit.', '7952/3/94, 84']); // em-125 closes up '7952/ 3/ 94'
  });

  it('"Martenovka, 7/2/1928. Quoted in ibid., 1.13" is the file that quoted Martenovka before (ch. 3 n. 82)', () => {
    expect(inNote('ch3-n82').map(shortForm)).toEqual(['TsGAOR 7952/3/253, 13']);
  });

  it('supplies the missing opis when every other citation of the fond agrees, and says so', () => {
    const [r] = inNote('ch5-n73');
    expect(r?.opis).toBe('3');
    expect(r?.remarks.join(' ')).toMatch(/supplied by the editor/u);
  });

  it('groups references archive → fond → opis → delo with counts, citing notes in reading order', () => {
    const index = archiveIndex(realEdition());
    const tsgaor = index.find((a) => a.code === 'TsGAOR')!;
    const f7952 = tsgaor.fonds.find((f) => f.fond === '7952')!;
    expect(f7952.description).toBe('History of Factories');
    expect(tsgaor.fonds.find((f) => f.fond === '5469')?.description).toBe("Central Committee of All-Union Metalworkers' Union");
    const d493 = f7952.opisi.find((o) => o.opis === '3')!.files.find((d) => d.delo === '493')!;
    expect(d493.anchor).toBe('tsgaor-7952-3-493');
    expect(d493.refs.map((r) => r.noteId)).toEqual(['ch2.3-n20', 'concl-n11']);
    expect(d493.folios).toEqual(['10']);
    expect(tsgaor.refCount).toBe(tsgaor.fonds.reduce((n, f) => n + f.refCount, 0));
    const trotsky = index.find((a) => a.code === 'T')!;
    expect(trotsky.fonds[0]!.opisi[0]!.files.find((d) => d.delo === '2850')!.refs.length).toBeGreaterThanOrEqual(6);
    expect(fileAnchor({ archive: 'T', fond: null, opis: null, delo: '2850' })).toBe('t-2850');
  });

  it("pairs the notes' fond 5467 with the bibliography's 5457, one digit apart (one of them mistyped), and no other fond", () => {
    const tsgaor = archiveIndex(realEdition()).find((a) => a.code === 'TsGAOR')!;
    const lookalikes = tsgaor.fonds.filter((f) => f.lookalike !== null).map((f) => [f.fond, f.lookalike, f.refCount, f.listedInBibliography]);
    expect(lookalikes).toEqual([
      ['5457', '5467', 0, true],
      ['5467', '5457', 1, false],
    ]);
    expect(oneDigitApart('5457', '5467')).toBe(true);
    expect(oneDigitApart('5457', '5475')).toBe(false);
    expect(oneDigitApart('545', '5457')).toBe(false);
    expect(oneDigitApart('7952', '7952')).toBe(false);
  });

  it('links every reference in its note to the index', () => {
    const c = context('concl-n11');
    const [r] = inNote('concl-n11');
    expect(c.flat.text.slice(r!.linkStart, r!.linkEnd)).toBe('7952/3/493, 10');
  });
});

describe('archival references: what the index and the downloads say about each', () => {
  const refs = indexedReferences(realEdition());
  const inNote = (id: string) => refs.filter((r) => r.noteId === id);

  it('the references are numbered without a gap; the citation form Introduction n. 40 gives as an example is numbered apart', () => {
    expect(refs.map((r) => r.id)).toEqual(refs.map((_, i) => `arch-${i + 1}`));
    const examples = citationStream(realEdition()).archival.filter((r) => r.form === 'example');
    expect(examples.map((r) => [r.id, r.noteId])).toEqual([['arch-example-1', 'intro-n40']]);
  });

  it("a reference's page is that of its note, printed at the foot of the page its block ends: exact wherever the numbers do not drift, which in this thesis is everywhere", () => {
    expect(refs.filter((r) => r.pageApproximate)).toEqual([]);
    expect(inNote('intro-n40').map((r) => [r.page, r.pageApproximate])).toEqual([[13, false]]);
    expect(archivalRow(inNote('ch2.3-n20')[0]!, 'https://x.org/').original_page_approximate).toBe('no');
  });

  it('where the numbers drift (a page that cannot be placed), a note and its reference are approximate', () => {
    const real = realEdition();
    const drifting = { ...real, pageMap: real.pageMap.map((a) => (a.section === 'chapter-2' && a.page > 50 ? { ...a, approximate: true, numberApproximate: true } : a)) };
    const ch2 = indexedReferences(drifting).filter((r) => r.section === 'chapter-2');
    expect(ch2.length).toBeGreaterThan(20);
    expect(ch2.every((r) => r.pageApproximate)).toBe(true);
    expect(archivalRow(ch2.find((r) => r.noteId === 'ch2.3-n20')!, 'https://x.org/').original_page_approximate).toBe('yes');
  });

  it('each carries the source line of its note', () => {
    const lines = toLines(thesis);
    for (const r of refs) expect(lines[r.line - 1]?.text.replace(/\s+/gu, ''), r.id).toContain(r.raw.split(',')[0]!.replace(/\s+/gu, '').slice(0, 6));
    expect(inNote('ch5-n73')[0]?.line).toBe(2739);
  });

  it("the opis the editor supplied shows in the link's hover text, not only in the index's remark (ch. 5 n. 73)", () => {
    const [r] = inNote('ch5-n73');
    expect(r?.opisSupplied).toBe(true);
    expect(archivalTitle(r!)).toMatch(/^TsGAOR, fond 7952, opis 3 \(supplied by the editor\), delo 253/u);
    expect(refs.filter((x) => x.opisSupplied).map((x) => x.noteId)).toEqual(['ch5-n73']);
  });

  it('the hover text claims only what is sourced: the archive, not the file, is now part of GA RF, as the editor says', () => {
    // The download says whose the identification is in its column's name.
    expect(archivalRow(inNote('concl-n11')[0]!, 'https://x.org/').successor_editorial).toMatch(/^Gosudarstvennyi arkhiv Rossiiskoi Federatsii/u);
    expect(archivalTitle(inNote('concl-n11')[0]!)).toMatch(/the archive is now part of Gosudarstvennyi arkhiv Rossiiskoi Federatsii \(GA RF \/ GARF\) \(the editor's note, not the thesis's\)\.$/u);
  });

  it('"Ibid., p. 122" after a file says the thesis wrote p. for the folio (ch. 3 n. 90)', () => {
    const ibid = inNote('ch3-n90')[1]!;
    expect(ibid.folios).toBe('122');
    expect(ibid.remarks).toContain('the thesis writes "p.": read as the file\'s folio');
    expect(inNote('ch4-n82')[0]!.remarks.join(' ')).not.toMatch(/writes/u);
  });
});
