import { describe, expect, it } from 'vitest';
import { realEdition } from '../pipeline/helpers.ts';
import { groupCounts, parseRosters } from '../../../src/appendix/rosters.ts';

const rosters = parseRosters(realEdition());
const byId = (id: string) => {
  const r = rosters.find((x) => x.id === id);
  if (!r) throw new Error(`no roster ${id}`);
  return r;
};

describe('Appendix 1 rosters', () => {
  it('finds 12 rosters and 7 change lists, each with a date and (all but one) a source note', () => {
    expect(rosters.filter((r) => r.kind === 'roster')).toHaveLength(12);
    expect(rosters.filter((r) => r.kind === 'changes')).toHaveLength(7);
    expect(rosters.filter((r) => r.sourceNoteId === null).map((r) => r.id)).toEqual(['change-1928-10-18']);
    for (const r of rosters) expect(r.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/u);
  });

  // Counted by hand from content/source/thesis.txt (lines ~3612-4081): secretariat / buro / candidates.
  it.each([
    ['roster-1924-08-13-mk', 'MK Buro', 'app-1-n2', 3, 11, 5],
    ['roster-1925-01-mk', 'MK Buro', 'app-1-n3', 5, 11, 4],
    ['roster-1925-12-mk', 'MK Buro', 'app-1-n4', 5, 14, 7],
    ['roster-1927-01-mk', 'MK Buro', 'app-1-n6', 5, 17, 7],
    ['roster-1927-11-mk', 'MK Buro', 'app-1-n7', 5, 17, 7],
    ['roster-1928-11-mk', 'MK Buro', 'app-1-n12', 2, 5, 4],
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
    expect(change.find((e) => e.written === 'Leonov, F.G.')).toMatchObject({ post: 'secretary of Krasnaya Presnya raikom', flags: { replaces: 'Riutin' } });
    expect(change.filter((e) => e.flags.removed).map((e) => e.person)).toEqual(["Mandel'shtam", 'Riutin', "Pen'kov", "Mandel'shtam", 'Riutin', "Pen'kov"]);
    const nov = byId('change-1928-11').entries;
    expect(nov.find((e) => e.person === 'Molotov')).toMatchObject({ post: 'first secretary', flags: { replaces: 'Uglanov' } });
    expect(byId('change-1926-04-03').entries.find((e) => e.person === 'Ukhanov')?.flags.replaces).toBe('Kamenev, L.V.');
    expect(byId('change-1929-06').entries.find((e) => e.person === 'Palkina')?.flags.replaces).toBe('Giber');
  });
});
