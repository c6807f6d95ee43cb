import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { realEdition, root } from '../pipeline/helpers.ts';
import { parseRosters } from '../../../src/appendix/rosters.ts';
import { buildPeople, mainPost, peopleOf, rosterNames } from '../../../src/appendix/people.ts';
import { parseReconciliations, RECONCILIATIONS } from '../../../src/appendix/reconciliations.ts';
import { peopleAnnotations } from '../../../src/appendix/annotations.ts';

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
    expect(data.mentions.length).toBe(402);
    expect(data.mentions.every((m) => /^\/(introduction|chapter-\d|conclusion)\/#/u.test(m.href))).toBe(true);
    expect(data.mentions.filter((m) => m.person === 'uglanov').length).toBe(108);
    // Bauman raion, Baumanskii: never a mention of K.Ya. Bauman.
    expect(data.mentions.filter((m) => m.person === 'bauman').every((m) => !/^Bauman\s+(raion|raikom|district)/u.test(m.excerpt.slice(m.excerpt.indexOf('Bauman'))))).toBe(true);
    expect(data.skipped.find((s) => s.surname === 'Bauman' && s.why === 'excluded')?.count).toBe(13);
  });

  it('annotations link the first mention of each person in each block', () => {
    const anns = peopleAnnotations(edition);
    expect(anns.length).toBe(316);
    const keys = anns.map((a) => `${a.section}|${a.block}|${a.href}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(anns.every((a) => a.className === 'person' && /^\/people\/[a-z-]+\/$/u.test(a.href) && a.title)).toBe(true);
    expect(anns.find((a) => a.href === '/people/uglanov/')?.title).toMatch(/^Uglanov, N\.A\./u);
  });
});
