import { describe, expect, it } from 'vitest';
import { realEdition } from './edition.ts';
import { groupCounts, parseAppendix1, parseName, parsePost } from '../../../src/backmatter/rosters.ts';
import { appendix1People, RECONCILIATIONS, parseReconciliations } from '../../../src/backmatter/people.ts';
import { peopleMentions } from '../../../src/backmatter/mentions.ts';
import { peopleAnnotations } from '../../../src/backmatter/annotations.ts';
import { parseWorkPlans, planItems, endMonths, lastBracket } from '../../../src/backmatter/workplans.ts';
import { BlockAnnotations, renderInlines } from '../../../src/render/inline-html.ts';
import { personTimeline } from '../../../src/charts/person-timeline.ts';

const edition = realEdition();
const app = parseAppendix1(edition);
const { people } = appendix1People(edition);
const person = (id: string) => {
  const p = people.find((x) => x.id === id);
  if (!p) throw new Error(`no ${id}`);
  return p;
};

describe('Appendix 1 names and posts', () => {
  it('reads printed names with their initials', () => {
    expect(parseName('Bauman, K. Ya. (head of orgraspredotdel)')?.name).toEqual({ written: 'Bauman, K.Ya.', surname: 'Bauman', initials: 'K.Ya.' });
    expect(parseName('Ryabov., A.N.')?.name.written).toBe('Ryabov, A.N.');
    expect(parseName('Volkov, P.Ya (Mossoviet)')?.name.initials).toBe('P.Ya.');
    expect(parseName("Belen'kii. (secretary of Krasnaya Presnya raikom)")?.name).toEqual({ written: "Belen'kii", surname: "Belen'kii", initials: null });
  });
  it('reads "new" and "replaces" in posts', () => {
    expect(parsePost("(secretary of Krasnaya Presnya raikom-new. Replaces Belen'kii)")).toEqual({ post: 'secretary of Krasnaya Presnya raikom', isNew: true, replaces: { written: "Belen'kii", surname: "Belen'kii", initials: null }, remark: "Replaces Belen'kii" });
    expect(parsePost('(new-second secretary)')).toMatchObject({ post: 'second secretary', isNew: true, replaces: null });
    expect(parsePost("(second secretary-new. Was secretary of Sokol'niki raikom)")).toMatchObject({ post: 'second secretary', isNew: true, remark: "Was secretary of Sokol'niki raikom" });
  });
});

describe('Appendix 1 rosters on the real thesis', () => {
  it('parses twelve rosters with date, body and source, and seven changes', () => {
    expect(app.rosters.map((r) => [r.date, r.body, r.source])).toEqual([
      ['1924-08-13', 'MK', 'Rabochaya Moskva, (RM), 13/8/1924.'],
      ['1925-01', 'MK', 'RM 30/1/1925.'],
      ['1925-12', 'MK', 'Pravda, (P), 15/12/1925.'],
      ['1927-01', 'MK', 'P. 18/1/1927.'],
      ['1927-11', 'MK', 'P., 29/11/1927'],
      ['1928-11', 'MK', 'RM., 28/11/1928.'],
      ['1929-04', 'MK', 'RM 7/4/1929.'],
      ['1929-09', 'MOK', 'P., 19/9/1929.'],
      ['1930-06', 'MOK', 'P., 15/6/1930.'],
      ['1931-02', 'MGK', 'RM., 27/2/1931'],
      ['1932-01', 'MOK', 'RM 31/1/1932.'],
      ['1932-01', 'MGK', 'RM., 31/1/1932.'],
    ]);
    expect(app.changes.map((c) => c.date)).toEqual(['1926-04-03', '1928-05-09', '1928-10-18', '1928-11', '1929-06', '1930-01', '1930-07']);
  });
  it('counts every roster’s members by group', () => {
    expect(app.rosters.map((r) => Object.values(groupCounts(r)))).toEqual([
      [3, 0, 11, 5],
      [5, 0, 11, 4],
      [5, 0, 14, 7],
      [5, 0, 17, 7],
      [5, 0, 17, 7],
      [2, 0, 5, 4],
      [3, 0, 18, 0],
      [3, 2, 27, 6],
      [5, 0, 15, 10],
      [8, 0, 14, 8],
      [6, 0, 18, 9],
      [6, 0, 14, 6],
    ]);
    expect(app.rosters.reduce((a, r) => a + r.entries.length, 0)).toBe(312);
  });
  it('joins an entry printed over two lines and keeps an unnamed ex-officio seat', () => {
    const yakovlev = app.rosters[3]?.entries.find((e) => e.surname === 'Yakovlev');
    expect(yakovlev).toMatchObject({ post: 'secretary of Khamovniki raikom', isNew: true, replaces: { written: 'Yurevich, E.I.' } });
    expect(app.rosters[6]?.entries.at(-1)).toMatchObject({ named: false, post: 'secretary of Kaluga okruzhkom (ex-officio)' });
  });
});

describe('people', () => {
  it('the reconciliations file is valid and every decision names a person who exists', () => {
    expect(() => parseReconciliations(RECONCILIATIONS)).not.toThrow();
    const ids = new Set(people.map((p) => p.id));
    for (const v of RECONCILIATIONS.variants) expect(ids.has(v.person), v.written).toBe(true);
    for (const b of RECONCILIATIONS.bare) expect(ids.has(b.person), b.surname).toBe(true);
    expect(() => parseReconciliations({ ...RECONCILIATIONS, variants: [{ written: 'X', person: 'x', reason: 'short' }] })).toThrow(/reason/u);
  });
  it('reconciles spelling variants into one person each', () => {
    expect(people).toHaveLength(124);
    expect(person('kamenev').spellings).toEqual(['Kamenev, L.V.', 'Kamanev, L.V.']);
    expect(person('giber').posts).toHaveLength(5);
    expect(person('riutin').name).toBe('Riutin, M.N.');
    expect(person('finkovskii').spellings).toEqual(["Fin'kovskii", 'Finkovskii']);
    expect(person('liubasov').spellings).toEqual(['Liubasov', 'Lyubasov']);
    expect(person('baikova').posts).toHaveLength(2);
    expect(person('davidson').spellings).toContain('Davidson, R.G.');
    expect(person('kamenev').decisions[0]).toMatch(/Kamanev/u);
  });
  it('keeps two people of one surname apart', () => {
    expect(person('mikhailov-v-m').posts.map((p) => p.date)).toContain('1924-08-13');
    expect(person('mikhailov-m-e').posts.map((p) => p.date)).toEqual(['1932-01', '1932-01']);
    expect(person('erogov').id).not.toBe(person('egorov').id);
  });
  it('lists posts over time and the changes that name the person', () => {
    const uglanov = person('uglanov');
    expect(uglanov.posts[0]).toMatchObject({ date: '1924-08-13', group: 'secretariat', post: 'second secretary', isNew: true, href: '/appendices/#para-2' });
    expect(uglanov.changes.map((c) => c.date)).toEqual(['1928-11', '1928-11']);
    expect(person('palkina').changes).toHaveLength(1);
    const spec = personTimeline(uglanov, app.rosters, app.changes);
    expect(spec.marks).toHaveLength(uglanov.posts.length + uglanov.changes.length);
  });
});

describe('mentions in the chapters and notes', () => {
  const mentions = peopleMentions(edition).filter((m) => m.section !== 'appendices');
  it('finds the people of the rosters in the text', () => {
    expect(mentions.length).toBeGreaterThan(380);
    expect(mentions.filter((m) => m.person === 'uglanov').length).toBeGreaterThan(100);
    expect(mentions.some((m) => m.kind === 'note')).toBe(true);
    expect(mentions.every((m) => /^\/(introduction|chapter-\d|conclusion)\/#/u.test(m.href))).toBe(true);
  });
  it('does not take the Bauman raion for K.Ya. Bauman, or a namesake for a roster member', () => {
    expect(mentions.filter((m) => m.person === 'bauman').every((m) => !/^\s*(raion|raikom)/u.test(m.excerpt.slice(m.excerpt.indexOf('Bauman') + 6)))).toBe(true);
    expect(mentions.some((m) => m.excerpt.includes('recently-appointed cell buro secretary, Kulikov'))).toBe(false);
  });
  it('links a shared surname only where a decision or initials settle it', () => {
    const mikhailov = mentions.filter((m) => m.text === 'Mikhailov');
    expect(mikhailov.map((m) => [m.person, m.basis])).toEqual([
      ['mikhailov-v-m', 'decision'],
      ['mikhailov-v-m', 'decision'],
    ]);
  });
});

describe('person annotations', () => {
  const annotations = peopleAnnotations(edition);
  it('one link per person per block, to the person page', () => {
    const keys = annotations.map((a) => `${a.section}/${a.block}/${a.href}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(annotations.every((a) => a.className === 'person' && /^\/people\/[a-z0-9-]+\/$/u.test(a.href))).toBe(true);
    expect(annotations.filter((a) => a.section !== 'appendices').length).toBeGreaterThan(300);
  });
  it('is rendered by the real renderer around the surname', () => {
    const s = edition.sections.find((x) => x.id === 'chapter-1');
    const a = annotations.find((x) => x.section === 'chapter-1' && x.href === '/people/uglanov/');
    const block = s?.blocks.find((b) => b.kind === 'paragraph' && b.id === a?.block);
    expect(block?.kind).toBe('paragraph');
    if (block?.kind !== 'paragraph' || !a) return;
    const html = renderInlines(block.content, { annotations: new BlockAnnotations([a]) });
    expect(html).toContain('<a class="person" href="/people/uglanov/" title="Uglanov, N.A.: posts and mentions">Uglanov</a>');
  });
});

describe('Appendix 2 work plans', () => {
  const plans = parseWorkPlans(edition);
  it('groups the numbered items as printed', () => {
    expect(plans.map((p) => [p.key, planItems(p).length])).toEqual([
      ['plenum', 18],
      ['buro', 94],
    ]);
    expect(plans[1]?.groups.map((g) => [g.title, g.items.length])).toEqual([
      ['Industrial and construction questions.', 22],
      ['Questions concerning the growth and socialist reconstruction of agriculture.', 13],
      ['Trade and Co-operatives.', 6],
      ['Material Condition of the Working Class', 5],
      ['Questions of Soviet Construction', 9],
      ['Questions of cultural construction and mass work.', 16],
      ['Red Army', 2],
      ['Party Construction', 17],
    ]);
    expect(plans[1]?.groups.flatMap((g) => g.items.map((i) => i.n))).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
  });
  it('reads months and responsible organisations', () => {
    const buro = planItems(plans[1]!);
    expect(buro.find((i) => i.n === 5)?.months).toEqual(['April', 'May']);
    expect(buro.find((i) => i.n === 13)).toMatchObject({ months: ['September'], reports: ['Mosstroj (Moscow construction)'], coReports: ['RKI'] });
    expect(buro.find((i) => i.n === 68)?.months).toEqual(['April']);
    expect(buro.find((i) => i.n === 7)?.reports).toEqual(['Gomza', 'Kolomenskoe factories']);
    expect(buro.find((i) => i.n === 74)?.items.map((s) => [s.sub, s.months])).toEqual([
      ['a', ['May']],
      ['b', ['September']],
    ]);
    const plenum = planItems(plans[0]!);
    expect(plenum.find((i) => i.n === 4)).toMatchObject({ months: ['May'], reports: ['Communist fraction of the gubernia ispolkom'], coReports: ['RKI'] });
    expect(endMonths('(Report by MGSPS - August)')).toEqual(['August']);
    expect(endMonths('(August-September)')).toEqual(['August', 'September']);
    expect(lastBracket('Preliminary results. (Report by Mosstroj (Moscow construction), co-report by RKI - September).')?.inside).toBe('Report by Mosstroj (Moscow construction), co-report by RKI - September');
  });
});
