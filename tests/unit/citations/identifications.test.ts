import { describe, expect, it } from 'vitest';
import { citationAnnotations } from '../../../src/citations/annotations.ts';
import { IDENTIFICATIONS, parseIdentifications, placeIdentifications } from '../../../src/citations/identifications.ts';
import { realEdition } from './edition.ts';
import { citationStream } from '../../../src/citations/stream.ts';
import { citingNotes } from '../../../src/citations/cited-in.ts';

describe('citations identified by the editor from their context', () => {
  it('links "the stenographic report of the plenum/conference" to the report of the meeting the paragraph is about, and a work named by description to its entry, with the reason', () => {
    const anns = citationAnnotations(realEdition()).filter((a) => a.title?.includes('identified by the editor'));
    expect(anns.map((a) => [a.block, a.text, a.href])).toEqual(expect.arrayContaining([
      ['ch1-n47', 'stenographic report of the plenum', '/bibliography/#bib-proc-ii-plenum-mk-april-1929'],
      ['ch6-n88', 'stenographic report of the conference', '/bibliography/#bib-proc-third-oblast-and-second-city-conference-1932'],
      ['ch2.2-n91', 'stenographic reports of the two 1927 conferences', '/bibliography/#bib-proc-fifteenth-gubernia-conference-1927'],
    ]));
    // Works named by description: "Cohen's biography of Bukharin", "his review of Carr".
    expect(anns.filter((a) => !/stenographic/u.test(a.text ?? '')).map((a) => [a.block, a.text, a.href])).toEqual([
      // An op. cit. the rule would resolve to another work: linked as the reference it is (with the other abbreviated references), with the reason.
      ['intro-n64', 'op. cit.', '/bibliography/#bib-carr-1954'],
      ['intro-n3', "Schapiro's book", '/bibliography/#bib-schapiro-1972'],
      ['intro-n12', "Cohen's biography of Bukharin", '/bibliography/#bib-cohen-1974'],
      ['intro-n17', 'the essay on historical approaches cited above', '/bibliography/#bib-cohen-1985'],
      ['ch2.1-n9', 'his review of Carr', '/bibliography/#bib-schlesinger-1960'],
    ]);
    expect(anns).toHaveLength(8);
    expect(IDENTIFICATIONS.every((x) => x.reason.length >= 10)).toBe(true);
  });

  it('resolves an identified op. cit. to the identified work, for the link, the "Cited in" lists and later references', () => {
    const n64 = citationAnnotations(realEdition()).find((a) => a.block === 'intro-n64' && a.text === 'op. cit.');
    expect(n64?.title).toMatch(/^op\. cit\. = Carr, E\. H\., The Interregnum, 1923-1924 \(London, 1954\) \(identified by the editor: by rule 'op\. cit\.' would be the Carr work cited last/u);
    const stream = citationStream(realEdition());
    const resolved = stream.abbreviated.find((a) => a.context.block === 'intro-n64');
    expect(resolved?.target?.kind === 'bib' && resolved.target.entry.id).toBe('bib-carr-1954');
    const cited = citingNotes(realEdition());
    expect(cited.get('bib-carr-1954')?.flatMap((g) => g.notes.map((n) => n.href))).toEqual(['/introduction/#intro-n64', '/introduction/#intro-n66']);
    expect(cited.get('bib-carr-1950')?.flatMap((g) => g.notes.map((n) => n.href))).toEqual(['/introduction/#intro-n61']);
  });

  it('links words naming two works to the first, names both on hover, and lists the note under each in the Bibliography', () => {
    const n91 = citationAnnotations(realEdition()).find((a) => a.block === 'ch2.2-n91' && a.className === 'bib' && a.text.startsWith('stenographic'));
    expect(n91?.title).toMatch(/^Moscow Party Conference: Fifteenth gubernia conference \(1927\); Moscow Party Conference: Sixteenth gubernia conference \(1927\) \(identified by the editor: /u);
    const cited = citingNotes(realEdition());
    for (const entry of ['bib-proc-fifteenth-gubernia-conference-1927', 'bib-proc-sixteenth-gubernia-conference-1927']) {
      expect(cited.get(entry)?.flatMap((g) => g.notes.map((n) => n.href))).toContain('/chapter-2/#ch2.2-n91');
    }
  });

  it('fails, naming the file, on a decision that no longer fits the text or the bibliography', () => {
    const id = { note: 'ch1-n47', text: 'stenographic report', entry: 'bib-x', reason: 'because the paragraph says so' };
    const notes = (n: string): string | undefined => (n === 'ch1-n47' ? 'The plan was attached to the stenographic report of the plenum.' : undefined);
    const entries = [{ id: 'bib-x' }];
    expect(placeIdentifications([id], notes, entries)).toMatchObject([{ start: 29, end: 48 }]);
    expect(() => placeIdentifications([{ ...id, note: 'ch1-n48' }], notes, entries)).toThrow(/identifications\.json: note ch1-n48 does not exist/u);
    expect(() => placeIdentifications([{ ...id, text: 'the minutes' }], notes, entries)).toThrow(/does not hold "the minutes" exactly once/u);
    expect(() => placeIdentifications([id], notes, [{ id: 'bib-y' }])).toThrow(/no bibliography entry bib-x/u);
    expect(() => placeIdentifications([{ ...id, also: ['bib-z'] }], notes, entries)).toThrow(/no bibliography entry bib-z \(for ch1-n47\)/u);
    expect(() => placeIdentifications([{ ...id, also: ['bib-x'] }], notes, entries)).toThrow(/ch1-n47 names the same entry twice/u);
    expect(placeIdentifications([{ ...id, also: ['bib-y'] }], notes, [...entries, { id: 'bib-y' }])[0]?.also).toEqual([{ id: 'bib-y' }]);
    expect(() => parseIdentifications({ about: '', identifications: [{ ...id, also: [] }] })).toThrow(/identifications\.0\.also/u);
    expect(() => parseIdentifications({ about: '', identifications: [{ ...id, reason: 'short' }] })).toThrow(/identifications\.json is malformed: identifications\.0\.reason/u);
  });
});
