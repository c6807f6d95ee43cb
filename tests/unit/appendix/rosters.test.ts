import { describe, expect, it } from 'vitest';
import { realEdition } from '../pipeline/helpers.ts';
import { departureOf, groupCounts, parseRosters, postIn, promotedTo } from '../../../src/appendix/rosters.ts';

const rosters = parseRosters(realEdition());
const byId = (id: string) => {
  const r = rosters.find((x) => x.id === id);
  if (!r) throw new Error(`no roster ${id}`);
  return r;
};

describe('Appendix 1 rosters', () => {
  it('finds 12 rosters and 8 change lists, each dated (or placed after a date) and (all but two) with a source note', () => {
    expect(rosters.filter((r) => r.kind === 'roster')).toHaveLength(12);
    expect(rosters.filter((r) => r.kind === 'changes')).toHaveLength(8);
    // 18/10/1928 has no note; the raion plenums after it have a note on each change instead.
    expect(rosters.filter((r) => r.sourceNoteId === null).map((r) => r.id)).toEqual(['change-1928-10-18', 'change-after-1928-10-18-plenums-of-raion-committees']);
    for (const r of rosters) expect(r.date ?? r.after).toMatch(/^\d{4}-\d{2}(-\d{2})?$/u);
  });

  // Counted by hand from content/source/thesis.txt (lines ~3612-4081): secretariat / buro / candidates.
  it.each([
    ['roster-1924-08-13-mk', 'MK Buro', 'app-1-n2', 3, 11, 5],
    ['roster-1925-01-mk', 'MK Buro', 'app-1-n3', 5, 11, 4],
    ['roster-1925-12-mk', 'MK Buro', 'app-1-n4', 5, 14, 7],
    ['roster-1927-01-mk', 'MK Buro', 'app-1-n6', 5, 17, 7],
    ['roster-1927-11-mk', 'MK Buro', 'app-1-n7', 5, 17, 7],
    ['roster-1928-11-mk', 'MK Buro', 'app-1-n11', 2, 5, 4],
    ['roster-1929-04-mk', 'MK Buro', 'app-1-n13', 3, 18, 0],
    ['roster-1929-09-mok', 'MOK Buro', 'app-1-n15', 3, 27, 8],
    ['roster-1930-06-mok', 'MOK Buro', 'app-1-n17', 5, 15, 10],
    ['roster-1931-02-mgk', 'MGK Buro', 'app-1-n19', 8, 14, 8],
    ['roster-1932-01-mok', 'MOK Buro', 'app-1-n20', 6, 18, 9],
    ['roster-1932-01-mgk', 'MGK Buro', 'app-1-n21', 6, 14, 6],
  ])('%s: %s, source %s, %i + %i + %i members', (id, body, note, sec, buro, cand) => {
    const r = byId(id);
    expect(r.body).toBe(body);
    expect(r.sourceNoteId).toBe(note);
    expect(groupCounts(r)).toEqual({ secretariat: sec, buro, candidates: cand, changes: 0 });
  });

  it('counts 373 entries in all, 1 unnamed ex-officio seat', () => {
    expect(rosters.reduce((n, r) => n + r.entries.length, 0)).toBe(373);
    expect(rosters.flatMap((r) => r.entries).filter((e) => e.person === '')).toHaveLength(1);
  });

  it('reads posts and flags', () => {
    const jan1925 = byId('roster-1925-01-mk').entries;
    const kotov = jan1925.find((e) => e.person === 'Kotov' && e.group === 'secretariat');
    expect(kotov).toMatchObject({ initials: 'V.A.', post: 'second secretary', flags: { new: true }, remark: 'Was secretary of Sokol\'niki raikom' });
    const riutin = byId('roster-1925-12-mk').entries.find((e) => e.person === 'Riutin');
    expect(riutin).toMatchObject({ written: 'Riutin, M.I.', post: 'secretary of Krasnaya Presnya raikom', flags: { new: true, replaces: "Belen'kii" } });
    // A bracket continued on the next line (lines split in the source) is one entry.
    const yakovlev = byId('roster-1927-01-mk').entries.find((e) => e.person === 'Yakovlev');
    expect(yakovlev?.flags.replaces).toBe('Yurevich, E.I.');
    // Candidates printed under the secretariat (September 1929) are candidates to it.
    expect(byId('roster-1929-09-mok').entries.filter((e) => e.candidateOf === 'secretariat').map((e) => e.person)).toEqual(['Goreva', 'Zaitsev']);
    // The tab-separated roster (a table in the model) keeps its rows.
    expect(byId('roster-1928-11-mk').entries.every((e) => e.block.startsWith('tbl-') || e.block.startsWith('para-'))).toBe(true);
  });

  it('turns change lists into entries of group "changes" with the people involved', () => {
    const change = byId('change-1928-10-18').entries;
    expect(change.every((e) => e.group === 'changes')).toBe(true);
    // 3788 "Mandel'shtam, Riutin and Pen'kov removed from their posts." 3789 "Mandel'shtam replaced as head of agitpropotdel by Popov, N.N."
    expect(change.filter((e) => e.flags.removed).map((e) => e.person)).toEqual(["Mandel'shtam", 'Riutin', "Pen'kov"]);
    expect(change.find((e) => e.written === 'Popov, N.N.')).toMatchObject({ post: 'head of agitpropotdel', flags: { replaces: "Mandel'shtam" } });
    expect(change.find((e) => e.person === "Mandel'shtam" && e.sourceLine === 3789)?.flags.replacedBy).toBe('Popov, N.N.');
    const nov = byId('change-1928-11').entries;
    expect(nov.find((e) => e.person === 'Molotov')).toMatchObject({ post: 'first secretary', flags: { replaces: 'Uglanov' } });
    expect(byId('change-1926-04-03').entries.find((e) => e.person === 'Ukhanov')?.flags.replaces).toBe('Kamenev, L.V.');
    expect(byId('change-1929-06').entries.find((e) => e.person === 'Palkina')?.flags.replaces).toBe('Giber');
  });

  it('gives the changes made "At subsequent plenums of raion committees" a list of their own, after 18/10/1928, with their notes (lines 3791-3794)', () => {
    expect(byId('change-1928-10-18').entries.map((e) => e.sourceLine)).not.toContain(3793);
    const raions = byId('change-after-1928-10-18-plenums-of-raion-committees');
    expect(raions).toMatchObject({ kind: 'changes', date: null, after: '1928-10-18', dateLabel: 'after 18 October 1928', body: 'subsequent plenums of raion committees', title: 'At subsequent plenums of raion committees' });
    expect(rosters.indexOf(raions)).toBe(rosters.indexOf(byId('change-1928-10-18')) + 1);
    const leonov = raions.entries.find((e) => e.written === 'Leonov, F.G.');
    expect(leonov).toMatchObject({ post: 'secretary of Krasnaya Presnya raikom', flags: { replaces: 'Riutin' }, noteId: 'app-1-n9', note: 'RM., 29/1/1929.', sourceLine: 3793 });
    expect(raions.entries.find((e) => e.person === 'Riutin')).toMatchObject({ flags: { replacedBy: 'Leonov, F.G.', removed: false }, noteId: 'app-1-n9' });
    expect(raions.entries.find((e) => e.written === 'Davidson, P.E.')).toMatchObject({ post: 'secretary of Rogozhsko-Simonovskii raikom', flags: { replaces: "Pen'kov" }, noteId: 'app-1-n10', note: 'P., 21/10/1928.' });
  });

  it('takes the November 1928 buro\'s source from note 11 (RM 28/11/1928); note 12 is a comment (lines 3796, 3807, 3823-3825)', () => {
    expect(byId('roster-1928-11-mk')).toMatchObject({ sourceNoteId: 'app-1-n11', sourceNote: 'RM., 28/11/1928.', commentNoteId: 'app-1-n12' });
    expect(byId('roster-1928-11-mk').comment).toMatch(/^Small size of MK buro indicates that this new body was a stopgap/u);
    expect(rosters.filter((r) => r.commentNoteId !== null).map((r) => r.id)).toEqual(['roster-1928-11-mk']);
  });

  it('keeps the printed form of a name an emendation corrects (lines 3644, 3898)', () => {
    expect(byId('roster-1925-01-mk').entries.find((e) => e.person === 'Kamenev')).toMatchObject({ written: 'Kamenev, L.V.', printedAs: 'Kamanev, L.V.', emendations: ['em-063'] });
    expect(byId('roster-1929-09-mok').entries.find((e) => e.sourceLine === 3898)).toMatchObject({ written: "Fin'kovskii", printedAs: 'Finkovskii', emendations: ['em-058'] });
    // em-032 restores a bracket on Mikhailov's line; the name is printed as it stands.
    expect(byId('roster-1927-01-mk').entries.find((e) => e.sourceLine === 3711)).toMatchObject({ written: 'Mikhailov, V.M.', printedAs: null, emendations: ['em-032'] });
  });

  describe('reads each change as the source words it', () => {
    const entry = (id: string, written: string) => {
      const e = byId(id).entries.find((x) => x.written === written);
      if (!e) throw new Error(`no ${written} in ${id}`);
      return e;
    };

    it('June 1929: Strievskii replaces Mikhailov as chairman of MGSPS (3859-3860, "Replaced by" on its own line)', () => {
      expect(entry('change-1929-06', 'Strievskii, K.K.')).toMatchObject({ post: 'chairman of MGSPS', flags: { replaces: 'Mikhailov' }, remark: 'chairman of MSNKh', sourceLine: 3860 });
      expect(entry('change-1929-06', 'Mikhailov')).toMatchObject({ post: 'chairman of MGSPS', flags: { removed: true, replacedBy: 'Strievskii, K.K.' }, sourceLine: 3859 });
    });

    it('June 1929: Kozlov is co-opted, the promoted one is Leonov, and Giber is only replaced (3863-3864)', () => {
      expect(entry('change-1929-06', 'Kozlov, I.I.')).toMatchObject({ post: 'secretary of Krasnaya Presnya raikom', flags: { replaces: 'Leonov', coopted: true, promoted: false }, remark: 'head of the Krasnaya Presnya orgotdel' });
      expect(entry('change-1929-06', 'Leonov').flags).toMatchObject({ promoted: true, coopted: false, replacedBy: 'Kozlov, I.I.' });
      expect(entry('change-1929-06', 'Giber').flags).toMatchObject({ promoted: false, removed: false, replacedBy: 'Palkina' });
      expect(entry('change-1929-06', 'Palkina')).toMatchObject({ post: "secretary of Sokol'niki raikom", flags: { replaces: 'Giber', promoted: true } });
    });

    it('July 1930: Ryndin becomes second secretary in place of Leonov, Kaminskii third secretary in place of Ryndin (3965)', () => {
      expect(entry('change-1930-07', 'Leonov')).toMatchObject({ post: 'secretary of TsK orgburo', flags: { promoted: true, replacedBy: 'Ryndin, K.V.' } });
      expect(entry('change-1930-07', 'Ryndin, K.V.')).toMatchObject({ post: 'second MK secretary', flags: { replaces: 'Leonov', replacedBy: 'Kaminskii', replacedByAs: 'third secretary and head of orgotdel' }, remark: 'third secretary and head of orgotdel of MK' });
      expect(entry('change-1930-07', 'Kaminskii')).toMatchObject({ post: 'third secretary and head of orgotdel', flags: { replaces: 'Ryndin, K.V.' }, remark: 'head of TsK agit-mass section' });
      expect(entry('change-1930-07', 'Filatov')).toMatchObject({ flags: { replaces: 'Ryabov' }, remark: 'secretary of the Serp i Molot factory cell' });
    });

    it('co-opted on to MK: the seven of November 1928 and Kronberg (3805, 3917)', () => {
      expect(byId('change-1928-11').entries.filter((e) => e.flags.coopted).map((e) => e.person)).toEqual(['Leonov', 'Ryabov', "Fin'kovskii", 'Davidson', 'Volodin', 'Gordienko', 'Goreva']);
      expect(entry('change-1928-11', 'Volodin').post).toBe('PUOKR');
      expect(entry('change-1930-01', 'Kronberg').flags).toMatchObject({ coopted: true, replaces: "Fin'kovskii" });
      expect(entry('change-1930-01', "Fin'kovskii").flags).toMatchObject({ coopted: false, removed: true, replacedBy: 'Kronberg' });
    });
  });
});

describe('where the appendix says a person went', () => {
  const rosters = parseRosters(realEdition());
  const entry = (roster: string, line: number) => rosters.find((r) => r.id === roster)!.entries.find((e) => e.sourceLine === line)!;

  it('a promotion keeps its destination as printed, beside the post left', () => {
    expect(entry('change-1928-05-09', 3783).flags).toMatchObject({ promoted: true, promotedTo: 'TsK rural department' });
    expect(entry('change-1930-01', 3916)).toMatchObject({ post: 'second secretary of MK', flags: { promoted: true, removed: true, promotedTo: 'VTsSPS' } });
    expect(entry('change-1930-07', 3965).flags.promotedTo).toBe('secretary of TsK orgburo');
    const drozhzhin = departureOf(entry('roster-1925-12-mk', 3691))!;
    expect([drozhzhin.written, drozhzhin.post, drozhzhin.flags.promotedTo]).toEqual(['Drozhzhin', 'secretary of Khamovniki raikom', 'TsK instructor']);
  });

  it('"Promoted when Polonskii moved to TsK" (Leonov, 1930) records that Leonov took Polonskii\'s post, on Polonskii\'s page too', () => {
    const leonov = rosters.flatMap((r) => r.entries).find((e) => e.sourceLine === 3929 && e.person === 'Leonov')!;
    expect(leonov.flags).toMatchObject({ new: true, promoted: true, replaces: 'Polonskii' });
    const polonskii = departureOf(leonov)!;
    expect([polonskii.written, polonskii.post, polonskii.flags.replacedBy]).toEqual(['Polonskii', 'second secretary', 'Leonov, F.G.']);
  });

  it('"appointed to head rural department" is the post "head of rural department"', () => {
    expect(entry('change-1929-06', 3861).post).toBe('head of rural department');
    expect(postIn('appointed to head rural department and becomes candidate')).toBe('head of rural department');
    expect(postIn('replaced as head of agitpropotdel by')).toBe('head of agitpropotdel');
    expect(promotedTo('Polonskii promoted to work in VTsSPS, and removed')).toBe('VTsSPS');
    expect(promotedTo('who was promoted to post of TsK instructor')).toBe('TsK instructor');
    expect(promotedTo('removed from post as secretary')).toBeNull();
  });
});
