import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { realEdition, root } from '../pipeline/helpers.ts';
import { textContexts } from '../../../src/citations/contexts.ts';
import { parseRosters, seatLabel } from '../../../src/appendix/rosters.ts';
import { buildPeople, mainPost, peopleOf, rosterNames } from '../../../src/appendix/people.ts';
import { parseReconciliations, RECONCILIATIONS } from '../../../src/appendix/reconciliations.ts';
import { peopleAnnotations } from '../../../src/appendix/annotations.ts';
import { timelineData } from '../../../src/appendix/timeline.ts';

const edition = realEdition();
const data = peopleOf(edition);
const person = (id: string) => {
  const p = data.people.find((x) => x.id === id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
};

describe('reconciliations', () => {
  it('the file validates, and every decision has a reason', () => {
    const rec = parseReconciliations(JSON.parse(readFileSync(`${root}content/people/reconciliations.json`, 'utf8')));
    expect(rec.variants).toHaveLength(11);
    expect(() => parseReconciliations({ ...rec, variants: [{ written: 'X', person: 'x', reason: '' }] })).toThrow(/variants\.0\.reason/u);
  });

  it('every name in the rosters is a person or a recorded decision', () => {
    const rosters = parseRosters(edition);
    const { resolver } = buildPeople(rosters);
    for (const { written, where } of rosterNames(rosters)) expect(() => resolver.resolve(written, where), `${written} in ${where}`).not.toThrow();
  });

  it('fails when a shared surname has no decision', () => {
    const rosters = parseRosters(edition);
    expect(() => buildPeople(rosters, { ...RECONCILIATIONS, bare: [] })).toThrow(/Mikhailov.*record a decision/u);
  });

  it.each([
    ['giber', ['Giber, B.V.', 'Giber, V.V.', 'Giber']],
    ['riutin', ['Riutin, M.I.', 'Riutin', 'Riutin, M.N.']],
    ['liubasov', ['Liubasov', 'Lyubasov']],
    ['baikova', ['Baikova, O.L.', 'Baikova, O.I.', 'Baikova']],
    ['penkov', ["Pen'kov, N.A.", "Pen'kov, M.A.", "Pen'kov"]],
    ['verbitskii', ['Verbitskii, K.V.', 'Verbitskii, K.B.']],
    // Printed forms that an emendation corrects are printed forms all the same (lines 3644, 3898).
    ['kamenev', ['Kamenev, L.V.', 'Kamanev, L.V.']],
    ['finkovskii', ["Fin'kovskii", 'Finkovskii']],
  ])('%s is one person printed as %j', (id, spellings) => {
    expect(new Set(person(id).spellings)).toEqual(new Set(spellings));
  });

  it('keeps two Mikhailovs apart', () => {
    expect(person('mikhailov-v-m').posts.some((p) => p.roster === 'roster-1924-08-13-mk')).toBe(true);
    expect(person('mikhailov-m-e').posts.map((p) => p.roster)).toEqual(['roster-1932-01-mok', 'roster-1932-01-mok']);
  });
});

describe('people', () => {
  it('has 124 people with posts over time', () => {
    expect(data.people).toHaveLength(124);
    for (const p of data.people) expect(p.posts.length).toBeGreaterThan(0);
    const uglanov = person('uglanov');
    expect(uglanov.name).toBe('Uglanov, N.A.');
    expect(uglanov.posts.filter((p) => p.group !== 'changes')).toHaveLength(10);
    expect(uglanov.posts.filter((p) => p.group === 'changes')).toHaveLength(2);
    expect(uglanov.posts[0]?.date).toBe('1924-08-13');
    expect(mainPost(person('kaganovich'))).toBe('first secretary');
  });

  it('finds unambiguous mentions in the chapters and notes, and lists what it skips', () => {
    expect(data.mentions.length).toBe(404);
    expect(data.mentions.every((m) => /^\/(introduction|chapter-\d|conclusion)\/#/u.test(m.href))).toBe(true);
    expect(data.mentions.filter((m) => m.person === 'uglanov').length).toBe(109);
    // "the MKK. Uglanov's speech": the K. ending MKK is not an initial (it made Uglanov a namesake).
    expect(data.mentions.some((m) => m.person === 'uglanov' && m.block === 'para-82' && m.excerpt.includes("MKK. Uglanov's speech"))).toBe(true);
    // A name just inside a quotation, and a soft-sign name with a possessive.
    const at = (person: string, block: string): boolean => data.mentions.some((m) => m.person === person && m.block === block);
    expect([at('kamenev', 'ch2.1-n91'), at('voroshilov', 'ch4-n28'), at('gaidul', 'ch3-n74')]).toEqual([true, true, true]);
    // "L. Gaidul'" is emended to I. Gaidul' (em-096), the author as Chapter 4 and the bibliography give him.
    expect(data.mentions.filter((m) => m.person === 'gaidul' && m.block === 'ch3-n67')).toHaveLength(2);
    expect(data.skipped.find((s) => s.surname === "Gaidul'")).toBeUndefined();
    // Laz'yan: the Stalinist of the MK aktiv is taken to be the okruzhkom secretary (a recorded decision);
    // the editor of Rabochaya Moskva until June 1930 is not (he could hardly be both).
    expect(data.mentions.filter((m) => m.person === 'lazyan').map((m) => m.block)).toEqual(['para-103']);
    // Bauman raion, Baumanskii: never a mention of K.Ya. Bauman.
    expect(data.mentions.filter((m) => m.person === 'bauman').every((m) => !/^Bauman\s+(raion|raikom|district)/u.test(m.excerpt.slice(m.excerpt.indexOf('Bauman'))))).toBe(true);
    expect(data.skipped.find((s) => s.surname === 'Bauman' && s.why === 'excluded')?.count).toBe(14);
  });

  it('annotations link the first mention of each person in each block', () => {
    const anns = peopleAnnotations(edition);
    expect(anns.length).toBe(313);
    const keys = anns.map((a) => `${a.section}|${a.block}|${a.href}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(anns.every((a) => a.className === 'person' && /^\/people\/[a-z-]+\/$/u.test(a.href) && a.title)).toBe(true);
    expect(anns.find((a) => a.href === '/people/uglanov/')?.title).toMatch(/^Uglanov, N\.A\./u);
  });

  it('a seat held under an emended name says what was printed (Kamanev, January 1925)', () => {
    const seat = person('kamenev').posts.find((p) => p.roster === 'roster-1925-01-mk');
    expect(seat).toMatchObject({ written: 'Kamenev, L.V.', printedAs: 'Kamanev, L.V.', emendations: ['em-063'] });
  });

  it.each(['goreva', 'zaitsev'])('%s is a candidate of the secretariat in September 1929, and a full member of the buro (lines 3876-3877, 3887-3888)', (id) => {
    const sept = person(id).posts.filter((p) => p.roster === 'roster-1929-09-mok');
    expect(sept.map((p) => [p.group, p.candidateOf, seatLabel(p)])).toEqual([
      ['candidates', 'secretariat', 'Candidate member of the secretariat'],
      ['buro', null, 'Buro member'],
    ]);
  });

  it('the changes at the raion plenums after 18 October 1928 are undated, with their own notes, on the pages of the four people (lines 3791-3794)', () => {
    for (const [id, note] of [['leonov', 'RM., 29/1/1929.'], ['riutin', 'RM., 29/1/1929.'], ['penkov', 'P., 21/10/1928.'], ['davidson', 'P., 21/10/1928.']] as const) {
      const posts = person(id).posts.filter((p) => p.sourceLine === 3793 || p.sourceLine === 3794);
      expect(posts, id).toHaveLength(1);
      expect(posts[0], id).toMatchObject({ roster: 'change-after-1928-10-18-plenums-of-raion-committees', date: null, after: '1928-10-18', dateLabel: 'after 18 October 1928', body: 'subsequent plenums of raion committees', note });
    }
    expect(person('leonov').posts[0]).toMatchObject({ dateLabel: 'after 18 October 1928', replacesPerson: 'riutin' });
    expect(person('riutin').posts.find((p) => p.sourceLine === 3793)?.replacedByPerson).toBe('leonov');
    // On the timeline the undated change stands at the date it follows, and says so.
    const mark = timelineData(person('leonov')).marks[0];
    expect(mark).toMatchObject({ date: '1928-10-18', group: 'changes' });
    expect(mark?.label).toMatch(/^after 18 October 1928, subsequent plenums of raion committees: Change/u);
  });

  // Lines 3686, 3687, 3691, 3734-35, 3834, 3921: the one who left is named only in the successor's brackets.
  it.each([
    ['belenkii', 'roster-1925-12-mk', 'riutin', 'secretary of Krasnaya Presnya raikom', false],
    ['karavai', 'roster-1925-12-mk', 'kulikov', "secretary of Zamoskvorech'e raikom", false],
    ['drozhzhin', 'roster-1925-12-mk', 'yurevich', 'secretary of Khamovniki raikom', true],
    ['yurevich', 'roster-1927-01-mk', 'yakovlev', 'secretary of Khamovniki raikom', false],
    ['molotov', 'roster-1929-04-mk', 'bauman', 'first secretary', false],
    ['bauman', 'roster-1930-06-mok', 'kaganovich', 'first secretary', false],
  ])('%s: the departure recorded in %s is a change on their page (replaced by %s)', (id, roster, successor, post, promoted) => {
    const left = person(id).posts.filter((p) => p.roster === roster && p.group === 'changes');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ replacedByPerson: successor, post, flags: { replacedBy: expect.any(String), promoted, removed: false } });
    expect(left[0]?.text).toBe(person(successor).posts.find((p) => p.roster === roster && p.flags.replaces)?.text);
  });

  describe('mentions the reconciliations settle (recorded with reasons, shown on the person pages)', () => {
    const at = (id: string) => data.mentions.filter((m) => m.person === id).map((m) => `${m.section}#${m.block}`);

    it('every recorded mention decision matches a passage of its section', () => {
      const texts = textContexts(edition).filter((c) => c.sectionKind === 'chapter');
      for (const x of RECONCILIATIONS.mentions.exclude) expect(texts.some((c) => c.section === x.section && c.flat.text.includes(x.contains)), x.contains).toBe(true);
      for (const x of RECONCILIATIONS.mentions.assign) expect(texts.some((c) => c.flat.text.includes(x.contains)), x.contains).toBe(true);
    });

    it('a surname identified without initials is recorded and shown on the person page; the Kulikov of 1929 is left open', () => {
      for (const id of ['gaidul', 'kaminskii', 'voroshilov']) {
        const p = data.people.find((x) => x.id === id)!;
        expect(p.decisions.some((d) => d.includes('in the chapters, without initials, is taken as this person')), id).toBe(true);
      }
      expect(at('gaidul').length).toBeGreaterThanOrEqual(8);
      expect(at('kulikov')).not.toContain('chapter-2#para-116');
      expect(data.people.find((x) => x.id === 'kulikov')!.decisions.join(' ')).toMatch(/Which Kulikov is meant is left open/u);
    });

    it('an identification naming no person, or a person of another surname, is an error', () => {
      const bad = { ...RECONCILIATIONS, mentions: { ...RECONCILIATIONS.mentions, identify: [{ surname: 'Gaidul\'', person: 'uglanov', reason: 'a reason long enough' }] } };
      expect(() => buildPeople(parseRosters(edition), bad)).toThrowError(/mentions\.identify "Gaidul'" names uglanov, whose surnames are Uglanov/u);
    });

    it('the raions of 1930 (line 617, Chapter 1 note 76) are not K.Ya. Bauman', () => {
      expect(at('bauman')).not.toContain('chapter-1#ch1-n76');
      // 71 in paragraphs and notes, and the heading of Chapter 2's part 3 ("Bauman and the Crisis over Collectivisation").
      expect(at('bauman')).toHaveLength(72);
      expect(at('bauman')).toContain('chapter-2#part-3');
      expect(person('bauman').decisions.some((d) => d.includes('The final raions were Bauman'))).toBe(true);
    });

    it.each([
      ['shurov', 'chapter-1#ch1-n50', 'no holder of that post features on the lists of buro members'], // line 521
      ['yakovlev', 'chapter-2#ch2.1-n84', 'Ya. A. Yakovlev'], // line 1071, Khrushchev's memoirs
      ['apasov', 'chapter-2#ch2.3-n42', 'II oblast\' conference'], // line 1597
      ['apasov', 'chapter-4#para-22', 'Elektroavtomat'], // line 2208
    ])('%s is not linked at %s, and the page says why', (id, where, why) => {
      expect(at(id)).not.toContain(where);
      expect(person(id).decisions.some((d) => d.includes(why))).toBe(true);
    });

    it('Filatov of Serp i Molot is the buro\'s Filatov, as Appendix 1 says (lines 2218, 2262, 2434, 3968); S. Filatov the author is not linked (line 755)', () => {
      expect(at('filatov')).toEqual(['chapter-4#ch4-n28', 'chapter-4#para-30', 'chapter-4#para-59']);
      const filatov = person('filatov');
      expect(filatov.decisions.filter((d) => d.includes('hitherto secretary of the Serp i Molot factory cell'))).toHaveLength(3);
      expect(filatov.decisions.some((d) => d.startsWith('“Filatov” in Chapter 1 (“S. Filatov, Partrabota na zavode Serp i Molot”) is not linked'))).toBe(true);
      expect(data.skipped.find((s) => s.surname === 'Filatov')).toMatchObject({ why: 'excluded', count: 1 });
    });
  });
});

describe('the surname pattern', () => {
  it('finds a name as a whole word, after an opening quotation mark, and with the possessive of a soft-sign name', async () => {
    const { surnamePattern } = await import('../../../src/appendix/people.ts');
    const find = (name: string, text: string): number[] => [...text.matchAll(surnamePattern(name))].map((m) => m.index);
    expect(find('Bauman', 'Baumanskii raion and Bauman')).toEqual([21]);
    expect(find('Kamenev', "it was 'Kamenev's diary'")).toEqual([8]);
    expect(find("Gaidul'", "This puts Gaidul's vaunted approach; Gaidul', secretary")).toEqual([10, 37]);
    // An apostrophe inside a word is not a quotation mark: no match in "d'Uglanov" or "Gaidul'sk".
    expect(find('Uglanov', "d'Uglanov")).toEqual([]);
    expect(find("Gaidul'", "Gaidul'sk")).toEqual([]);
  });
});

describe('remarks printed with a seat', () => {
  it('shows what the appendix prints beyond the post and flags, but not a bare "Replaces X"', async () => {
    const { printedRemark, peopleOf } = await import('../../../src/appendix/people.ts');
    const { realEdition } = await import('../pipeline/helpers.ts');
    const data = peopleOf(realEdition());
    const remarks = (id: string): (string | null)[] => (data.people.find((p) => p.id === id)?.posts ?? []).filter((p) => p.group !== 'changes').map(printedRemark).filter((r) => r !== null);
    expect(remarks('kotov')).toEqual(["Was secretary of Sokol'niki raikom"]);
    expect(remarks('ryndin')).toEqual(['Head of organisation-instruction section']);
    expect(remarks('yurevich')).toEqual(['Replaces Drozhzhin, who was promoted to post of TsK instructor']);
    expect(remarks('kaganovich')).toEqual(["Replaced Bauman after the latter's disgrace in April 1930"]);
    expect(remarks('bauman')).toEqual([]); // "Replaces Molotov." says no more than the flag
    expect(remarks('kulikov')).toEqual([]);
  });
});

describe('what a people audit found', () => {
  it("a namesake the initials rule out is a decision on the page of the person it is not: M. M. Kaganovich on L. M. Kaganovich's", () => {
    expect(person('kaganovich').decisions).toContain("“M.M. Kaganovich” (Chapter 4, paragraph 8; Chapter 4, note 7) is not linked to this person: the text's initials are not those the appendix gives (L.M.).");
    expect(data.mentions.some((m) => m.person === 'kaganovich' && m.section === 'chapter-4' && (m.block === 'para-8' || m.block === 'ch4-n7'))).toBe(false);
  });

  it('a decision names rosters by body and date, not by the edition\'s ids, and the paragraph it cites holds the name', () => {
    const bare = person('mikhailov-v-m').decisions.find((d) => d.includes('without initials'));
    expect(bare).toContain('(MK Buro, 13 August 1924; MK Buro, January 1925; MK Buro, December 1925; MK plenum, June 1929)');
    expect(data.people.flatMap((p) => p.decisions).filter((d) => /\b(?:roster|change)-\d{4}/u.test(d))).toEqual([]);
    // "his remarks in Chapter 4, paragraph 30" (Filatov, the Serp i Molot cell secretary).
    const chapter4 = textContexts(edition).filter((c) => c.section === 'chapter-4');
    for (const d of person('filatov').decisions.filter((x) => x.includes('Chapter 4, paragraph'))) {
      const n = /Chapter 4, paragraph (\d+)/u.exec(d)?.[1];
      expect(chapter4.find((c) => c.block === `para-${n}`)?.flat.text, d).toContain('Filatov');
    }
  });

  it("every roster entry's printed name resolves to one person (rosters.json's personId): the two Mikhailovs apart, Lyubasov as Liubasov", () => {
    const ids = data.rosters.flatMap((r) => r.entries.filter((e) => e.written).map((e) => ({ line: e.sourceLine, person: e.person, id: data.resolver.resolve(e.written, r.id) })));
    expect(ids.filter((x) => x.person === 'Lyubasov').map((x) => x.id)).toEqual(['liubasov']);
    expect(new Set(ids.filter((x) => x.person === 'Mikhailov').map((x) => x.id))).toEqual(new Set(['mikhailov-v-m', 'mikhailov-m-e']));
    expect(ids.filter((x) => x.person === 'Mikhailov' && x.line >= 4014).every((x) => x.id === 'mikhailov-m-e')).toBe(true);
  });
});

describe('links from a person to the line of Appendix 1 that names them', () => {
  it('land on the table row where a roster is printed as a table (the November 1928 buro), not the whole table', () => {
    const hrefs = data.people.flatMap((p) => p.posts.map((x) => x.href));
    const inTables = hrefs.filter((h) => /#tbl-/u.test(h));
    expect(inTables.length).toBeGreaterThanOrEqual(7);
    expect(inTables.filter((h) => !/^\/appendices\/#tbl-\d+-row-\d+$/u.test(h))).toEqual([]);
    // Seven people, seven rows.
    expect(new Set(inTables).size).toBeGreaterThanOrEqual(7);
  });
});
