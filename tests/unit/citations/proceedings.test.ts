import { describe, expect, it } from 'vitest';
import { citationAnnotations } from '../../../src/citations/annotations.ts';
import { parseBibliography } from '../../../src/citations/bibliography.ts';
import { findMeetingCitations, meetingOfEntry, ordinalValue, reportCited, reportOf, type Meeting } from '../../../src/citations/proceedings.ts';
import { realEdition } from './edition.ts';

const edition = realEdition();
const entries = parseBibliography(edition).entries;
const reports = entries.flatMap((entry) => {
  const meeting = meetingOfEntry(entry);
  return meeting ? [{ entry, meeting }] : [];
});
const annotations = citationAnnotations(edition);
/** The bibliography links of a block, as [link text, entry id]. */
const bibLinks = (block: string, section?: string): [string, string][] =>
  annotations
    .filter((a) => a.block === block && a.className === 'bib' && (section === undefined || a.section === section))
    .map((a) => [a.text, a.href.replace('/bibliography/#', '')]);
/** The entries a note links to, each once (a title cut by an emendation is linked on both sides of it). */
const linkedEntries = (block: string): string[] => [...new Set(bibLinks(block).map(([, id]) => id))];
const meeting = (text: string): Meeting | undefined => findMeetingCitations(text)[0]?.meeting;

describe('meetings: the bibliography\'s Section 3 and the notes\' Russian titles read alike', () => {
  it('reads ordinals as the bibliography (Third), the notes in Roman numerals (XVI) and transliterated Russian (Sed\'moi) write them', () => {
    expect([ordinalValue('XVI'), ordinalValue('IV'), ordinalValue('Third'), ordinalValue("Sed'moi"), ordinalValue('Pyatyi'), ordinalValue('MK')]).toEqual([16, 4, 3, 7, 5, null]);
  });

  it('reads the 17 Moscow conference and plenum reports and the 4 All-Union congresses from Section 3', () => {
    expect(reports).toHaveLength(21);
    expect(reports.filter((r) => r.meeting.kind === 'congress').map((r) => [r.meeting.ordinal, r.meeting.year])).toEqual([
      [14, '1925'],
      [15, '1927'],
      [16, '1930'],
      [17, '1934'],
    ]);
    expect(reports.find((r) => r.entry.id === 'bib-proc-third-oblast-and-second-city-conference-1932')?.meeting).toEqual({ kind: 'conference', ordinal: 3, body: 'oblast', cityOrdinal: 2, year: '1932' });
    expect(reports.find((r) => r.entry.id === 'bib-proc-vi-plenum-mk-and-mkk-october-1928')?.meeting).toEqual({ kind: 'plenum', ordinal: 6, body: 'MK and MKK', cityOrdinal: null, year: '1928' });
  });

  it('reads a citation\'s ordinal, body and imprint year, whatever the spelling of "joint" and "oblast\'naya"', () => {
    expect(meeting("Shestoi Ob'edinenyi Plenum MK i MKK (M., 1928), p. 17.")).toEqual({ kind: 'plenum', ordinal: 6, body: 'MK and MKK', cityOrdinal: null, year: '1928' });
    expect(meeting('Pyatyi Ob. Plenum, p. 108.')).toEqual({ kind: 'plenum', ordinal: 5, body: 'MK and MKK', cityOrdinal: null, year: null });
    expect(meeting('Vtoroi Plenum Moskovskogo Komiteta VKP(b) (M. 1928), p.20.')).toMatchObject({ ordinal: 2, body: 'MK', year: '1928' });
    expect(meeting('IV Plenum, MK VKP(b), M. 1926, resolution.')).toMatchObject({ ordinal: 4, body: 'MK', year: '1926' });
    expect(meeting("VII plenum, p. 68.")).toMatchObject({ ordinal: 7, body: null, year: null });
    expect(meeting('I Moskovskaya Oblast naya Konferentsiya, p. 43.')).toEqual({ kind: 'conference', ordinal: 1, body: 'oblast', cityOrdinal: null, year: null });
    expect(meeting("III Moskovskaya oblast'naya i II Moskovskaya gorodskaya konferentsiya VKP(b), stenograficheskii otchet (M., 1932), bulletin no. 3")).toEqual({ kind: 'conference', ordinal: 3, body: 'oblast', cityOrdinal: 2, year: '1932' });
    // The title of Leonov's pamphlet is not a citation of a plenum.
    expect(findMeetingCitations('Za Bolshevistskoe ispravlenie oshibok k itogam III i IV plenumov MK VKP(b)')).toEqual([]);
  });

  it('a plenum\'s year must be the one listed: the IV plenum of 1925 is not that of April 1926', () => {
    expect(reportOf(meeting('IV Plenum MK (1925), p. 24.') as Meeting, reports)).toBeNull();
    expect(reportOf(meeting('IV plenum MK (M. 1926), p. 3.') as Meeting, reports)?.id).toBe('bib-proc-iv-plenum-mk-april-1926');
    // A conference's volume may appear the year after it met (I oblast' conference, 1929).
    expect(reportOf(meeting("I Moskovskaya Oblast'naya Konferentsiya VKP(b), stenograficheskiy otchet (M., 1930), vol. 2") as Meeting, reports)?.id).toBe('bib-proc-first-oblast-conference-1929');
  });

  it('a short citation stands for the last fuller one of the same meeting, and shares its lack of an entry', () => {
    const ii1928 = { meeting: meeting('II Plenum MK (M., 1928), p. 41.') as Meeting, scope: 'ch4', entry: reportOf(meeting('II Plenum MK (M., 1928)') as Meeting, reports) };
    // "II Plenum MK, p. 43" (Chapter 6, n. 34: "In January 1928, he remarked…"): not the II plenum (MK) of April 1929.
    expect(reportCited(meeting('II Plenum MK, p. 43.') as Meeting, 'ch6', [ii1928], reports)?.id).toBe('bib-proc-ii-plenum-mk-and-mkk-jan-feb-1928');
    expect(reportCited(meeting('II Plenum MK, p. 43.') as Meeting, 'ch6', [], reports)).toBeNull();
    const iv1925 = { meeting: meeting('IV Plenum (1925), p. 26.') as Meeting, scope: 'ch5', entry: null };
    expect(reportCited(meeting('IV Plenum, p. 19.') as Meeting, 'ch5', [ii1928, iv1925], reports)).toBeNull();
  });
});

describe('the notes that cite a conference or plenum report link to its entry (the real thesis)', () => {
  it('conferences: XV and XVI gubernia, I oblast\', III oblast\' and II city, with their bulletins and volumes', () => {
    expect(bibLinks('intro-n38')).toContainEqual(['XVI Moskovskaya Gubernskaya Konferentsiya VKP(b)', 'bib-proc-sixteenth-gubernia-conference-1927']);
    expect(bibLinks('ch2.1-n87')).toEqual([['XVI Moskovskaya Gubernskaya Konferentsiya VKP(b)', 'bib-proc-sixteenth-gubernia-conference-1927']]);
    expect(bibLinks('ch1-n119')).toEqual([['XV Moskovskaya Gubernskaya Konferentsiya VKP(b)', 'bib-proc-fifteenth-gubernia-conference-1927']]);
    expect(bibLinks('ch2.3-n13')).toEqual([["I Moskovskaya Oblast'naya Konferentsiya VKP(b)", 'bib-proc-first-oblast-conference-1929']]);
    expect(bibLinks('ch2.3-n14')).toEqual([['Ibid., p. 107', 'bib-proc-first-oblast-conference-1929']]);
    expect(bibLinks('ch3-n16')).toEqual([["I Moskovskaya Oblast'naya Konferentsiya VKP(b)", 'bib-proc-first-oblast-conference-1929']]);
    // (Chapter 6 n. 57's title is linked on both sides of its emendation: "I Moskovskaya [Oblast'naya] Konferentsiya".)
    for (const n of ['ch6-n55', 'ch6-n57', 'ch6-n59', 'ch6-n86']) expect(linkedEntries(n), n).toEqual(['bib-proc-first-oblast-conference-1929']);
  });

  it('Chapter 3, nn. 10 and 12: the III oblast\' and II city conference, not the 1972 handbook "Moskovskaya gorodskaya…"', () => {
    expect(bibLinks('ch3-n10')).toEqual([["III Moskovskaya oblast'naya i II Moskovskaya gorodskaya konferentsiya VKP(b)", 'bib-proc-third-oblast-and-second-city-conference-1932']]);
    expect(bibLinks('ch3-n12')).toEqual([
      ["III oblast'naya i II gorodskaya konferentsiya", 'bib-proc-third-oblast-and-second-city-conference-1932'],
      ['loc. cit.', 'bib-proc-third-oblast-and-second-city-conference-1932'],
    ]);
  });

  it('"XVI S"ezd VKP(b)" is the Sixteenth All-Union Party congress (1930), also where cited short ("XVI S"ezd, p. 316")', () => {
    expect(meeting('XVI S"ezd VKP(b), stenograficheskii otchet (M. 1930), pp. 363-4.')).toEqual({ kind: 'congress', ordinal: 16, body: 'all-union', cityOrdinal: null, year: '1930' });
    expect(meeting('Mezhdu XIV i XV S"ezdami partii')).toBeUndefined();
    const cited = annotations.filter((a) => a.className === 'bib' && a.href === '/bibliography/#bib-proc-sixteenth-all-union-party-congress-1930');
    expect(cited.map((a) => [a.block, a.text])).toEqual([
      ['ch2.2-n37', 'XVI S"ezd VKP(b)'],
      ['ch2.2-n94', 'XVI S"ezd'],
      ['ch2.2-n95', 'Ibid.'], // the note right after it
    ]);
  });

  it('plenums of the MK, by ordinal, body and year', () => {
    expect(bibLinks('ch3-n63')).toEqual([['VI plenum MK', 'bib-proc-vi-plenum-mk-september-1925']]);
    expect(bibLinks('ch2.1-n45')).toEqual([['IV plenum MK', 'bib-proc-iv-plenum-mk-april-1926']]);
    expect(bibLinks('ch2.1-n52')).toEqual([['IV plenum MK', 'bib-proc-iv-plenum-mk-april-1926'], ['Ibid., p. 28', 'bib-proc-iv-plenum-mk-april-1926']]);
    expect(bibLinks('ch2.1-n65')).toEqual([["Sed'moi plenum MK", 'bib-proc-vii-plenum-mk-september-1926']]);
    expect(bibLinks('ch2.1-n66')).toEqual([["Sed'moi Plenum", 'bib-proc-vii-plenum-mk-september-1926']]);
    expect(bibLinks('ch2.1-n67')).toEqual([['Ibid.', 'bib-proc-vii-plenum-mk-september-1926']]);
    for (const n of ['ch4-n32', 'ch4-n48', 'ch4-n49']) expect(bibLinks(n).map(([, id]) => id), n).toContain('bib-proc-vii-plenum-mk-september-1926');
    for (const n of ['ch1-n25', 'ch1-n63', 'ch6-n115', 'ch6-n116']) expect(bibLinks(n).map(([, id]) => id), n).toEqual(['bib-proc-iv-plenum-mk-august-1929']);
  });

  it('the joint II plenum of 1928, cited as "Vtoroi Plenum Moskovskogo Komiteta" and "II Plenum MK"', () => {
    expect(bibLinks('ch2.2-n20')).toEqual([['Vtoroi Plenum Moskovskogo Komiteta VKP(b)', 'bib-proc-ii-plenum-mk-and-mkk-jan-feb-1928']]);
    expect(bibLinks('ch2.2-n21')).toEqual([['Ibid.', 'bib-proc-ii-plenum-mk-and-mkk-jan-feb-1928']]);
    expect(bibLinks('ch2.2-n25')).toEqual([['Vtoroi plenum', 'bib-proc-ii-plenum-mk-and-mkk-jan-feb-1928']]);
    expect(bibLinks('ch4-n8')).toEqual([['II Plenum MK', 'bib-proc-ii-plenum-mk-and-mkk-jan-feb-1928']]);
    expect(bibLinks('ch6-n34')).toEqual([['II Plenum MK', 'bib-proc-ii-plenum-mk-and-mkk-jan-feb-1928']]);
    // Appendix 2's source, "the second 1929 Plenum of the MK", is the II plenum (MK) of April 1929.
    expect(bibLinks('app-2-n1')).toEqual([['II Plenum MK VKP(b)', 'bib-proc-ii-plenum-mk-april-1929']]);
  });

  it('the joint V and VI plenums of 1928, and the Ibid. notes that follow them', () => {
    const v = 'bib-proc-v-plenum-mk-and-mkk-september-1928';
    expect(bibLinks('ch2.1-n14')).toEqual([['Pyatyi Ob"edinennyi Plenum MK i MKK VKP(b)', v]]);
    expect(bibLinks('ch2.2-n48')).toEqual([['Pyatyi ob"edinennyi plenum', v]]);
    for (const n of [49, 50, 51, 52, 53, 54]) expect(bibLinks(`ch2.2-n${n}`).every(([text, id]) => /^Ibid/u.test(text) && id === v), `ch2.2-n${n}`).toBe(true);
    expect(bibLinks('ch2.2-n51')).toHaveLength(2);
    for (const n of ['ch4-n68', 'ch6-n102']) expect(bibLinks(n).map(([, id]) => id), n).toEqual([v]);
    expect(bibLinks('ch6-n50')).toContainEqual(['Pyatyi Ob. Plenum', v]);
    const vi = 'bib-proc-vi-plenum-mk-and-mkk-october-1928';
    for (const n of [24, 41, 43, 46, 58, 76]) expect(linkedEntries(`ch2.2-n${n}`), `ch2.2-n${n}`).toEqual([vi]);
    for (let n = 78; n <= 88; n++) expect(bibLinks(`ch2.2-n${n}`), `ch2.2-n${n}`).toEqual([[expect.stringMatching(/^Ibid/u), vi]]);
  });

  it('meetings the bibliography does not list stay unlinked: the IV plenum of 1925, the XIII gubernia conference', () => {
    for (const n of ['ch5-n8', 'ch5-n31', 'ch5-n47', 'ch2.1-n12']) expect(bibLinks(n), n).toEqual([]);
  });

  it('the sources of Table 4 on the Tables page, and the Ibid. after them', () => {
    expect(bibLinks('para-5', 'tables')).toEqual([['XV Moskovskaya Gubernskaya Konferentsiya VKP(b)', 'bib-proc-fifteenth-gubernia-conference-1927']]);
    expect(bibLinks('para-10', 'tables')).toEqual([['Ibid., pp. 26-31', 'bib-proc-third-oblast-and-second-city-conference-1932']]);
    expect(bibLinks('para-11', 'tables')).toEqual([["IV Moskovskaya Oblast'naya i III Gorodskaya Konferentsiya", 'bib-proc-fourth-oblast-and-third-city-conference-1934']]);
    expect(bibLinks('para-12', 'tables')).toEqual([['Ibid., p.626', 'bib-proc-fourth-oblast-and-third-city-conference-1934']]);
  });
});
