/**
 * The people of Appendix 1: every name printed in the rosters and changes, reconciled into one
 * entry per person (content/people/reconciliations.json records each decision), with the posts
 * each held over time.
 */
import { z } from 'astro/zod';
import type { Edition } from '../pipeline/model.ts';
import { slugify } from '../pipeline/classify.ts';
import data from '../../content/people/reconciliations.json' with { type: 'json' };
import { parseAppendix1, type Appendix1, type Body, type RosterGroup, type WrittenName } from './rosters.ts';

const reason = z.string().min(10, 'reason must say why (at least 10 characters)');

export const reconciliationsSchema = z
  .object({
    about: z.string(),
    variants: z.array(z.object({ written: z.string().min(1), person: z.string().min(1), reason }).strict()),
    bare: z.array(z.object({ surname: z.string().min(1), where: z.array(z.string().min(1)).min(1), person: z.string().min(1), reason }).strict()),
    distinct: z.array(z.object({ written: z.array(z.string()).min(2), reason }).strict()),
    extra: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), reason }).strict()),
    mentions: z
      .object({
        excludeAfter: z.array(z.object({ surname: z.string(), pattern: z.string(), reason }).strict()),
        exclude: z.array(z.object({ surname: z.string(), section: z.string(), contains: z.string(), reason }).strict()),
        assign: z.array(z.object({ surname: z.string(), contains: z.string(), person: z.string(), reason }).strict()),
      })
      .strict(),
  })
  .strict();

export type Reconciliations = z.infer<typeof reconciliationsSchema>;

/** Validate the reconciliations file; a problem names the field. */
export function parseReconciliations(json: unknown): Reconciliations {
  const parsed = reconciliationsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`content/people/reconciliations.json is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const RECONCILIATIONS: Reconciliations = parseReconciliations(data);

export interface PostHeld {
  roster: string;
  rosterTitle: string;
  date: string;
  dateLabel: string;
  body: Body;
  group: RosterGroup;
  post: string | null;
  isNew: boolean;
  replaces: { written: string; person: string | null } | null;
  remark: string | null;
  /** The name as printed in this roster. */
  written: string;
  /** Where the entry is printed (/appendices/#para-N). */
  href: string;
}

export interface ChangeNamed {
  change: string;
  title: string;
  date: string;
  dateLabel: string;
  text: string;
  href: string;
}

export interface Person {
  id: string;
  /** Display name: surname and the initials the rosters usually give ("Uglanov, N.A."). */
  name: string;
  surname: string;
  initials: string | null;
  /** Every form the appendix prints ("Kamenev, L.V.", "Kamanev, L.V.", "Kamenev"). */
  spellings: string[];
  /** Surnames to look for in the text (all spellings). */
  surnames: string[];
  posts: PostHeld[];
  changes: ChangeNamed[];
  /** The recorded decisions that concern this person. */
  decisions: string[];
}

const key = (n: WrittenName): string => `${n.surname}|${n.initials ?? ''}`;

/** Resolves printed names to person ids, following the recorded decisions. */
export class NameResolver {
  private readonly variantOf = new Map<string, string>();
  private readonly idsBySurname = new Map<string, Set<string>>();
  private readonly idOfKey = new Map<string, string>();
  private readonly rec: Reconciliations;
  constructor(names: readonly WrittenName[], rec: Reconciliations) {
    this.rec = rec;
    for (const v of rec.variants) this.variantOf.set(v.written, v.person);
    const initialsBySurname = new Map<string, Set<string>>();
    for (const n of names) {
      if (this.variantOf.has(n.written) || !n.initials) continue;
      initialsBySurname.set(n.surname, (initialsBySurname.get(n.surname) ?? new Set()).add(n.initials));
    }
    for (const [surname, set] of initialsBySurname) {
      for (const initials of set) {
        const id = set.size > 1 ? slugify(`${surname} ${initials}`) : slugify(surname);
        this.idOfKey.set(`${surname}|${initials}`, id);
        this.add(surname, id);
      }
    }
    for (const n of names) if (!n.initials && !this.variantOf.has(n.written) && !initialsBySurname.has(n.surname)) this.add(n.surname, slugify(n.surname));
    for (const v of rec.variants) {
      const surname = v.written.split(',')[0] as string;
      this.add(surname, v.person);
    }
    for (const e of rec.extra) this.add(e.name.split(',')[0] as string, e.id);
  }

  private add(surname: string, id: string): void {
    this.idsBySurname.set(surname, (this.idsBySurname.get(surname) ?? new Set()).add(id));
  }

  /** Person ids a surname may stand for. */
  idsFor(surname: string): string[] {
    return [...(this.idsBySurname.get(surname) ?? [])];
  }

  /** The person a printed name stands for, in a roster or change (`where`). */
  resolve(n: WrittenName, where: string): string {
    const v = this.variantOf.get(n.written);
    if (v) return v;
    if (n.initials) {
      const id = this.idOfKey.get(key(n));
      if (id) return id;
    }
    const ids = this.idsFor(n.surname);
    if (ids.length === 1) return ids[0] as string;
    const decided = this.rec.bare.find((b) => b.surname === n.surname && b.where.includes(where));
    if (decided) return decided.person;
    throw new Error(`people: "${n.written}" in ${where} could be ${ids.join(' or ') || 'nobody'}; record a decision in content/people/reconciliations.json ("bare")`);
  }
}

function allNames(app: Appendix1): WrittenName[] {
  return app.rosters.flatMap((r) => r.entries.flatMap((e) => [...(e.named ? [e as WrittenName] : []), ...(e.replaces ? [e.replaces] : [])]));
}

/** Word-bounded, so "Bauman" does not match inside "Baumanskii". */
export function surnamePattern(surname: string): RegExp {
  const esc = surname.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}'’])${esc}(?![\\p{L}])`, 'gu');
}

/** Build the people of Appendix 1 from its parsed rosters and changes. */
export function buildPeople(app: Appendix1, rec: Reconciliations = RECONCILIATIONS): { people: Person[]; resolver: NameResolver } {
  const resolver = new NameResolver(allNames(app), rec);
  const byId = new Map<string, Person>();
  const get = (id: string, n: WrittenName): Person => {
    let p = byId.get(id);
    if (!p) {
      p = { id, name: n.written, surname: n.surname, initials: n.initials, spellings: [], surnames: [], posts: [], changes: [], decisions: [] };
      byId.set(id, p);
    }
    if (!p.spellings.includes(n.written)) p.spellings.push(n.written);
    if (!p.surnames.includes(n.surname)) p.surnames.push(n.surname);
    return p;
  };
  for (const r of app.rosters) {
    for (const e of r.entries) {
      if (!e.named) continue;
      const p = get(resolver.resolve(e, r.id), e);
      const replaces = e.replaces ? { written: e.replaces.written, person: resolver.resolve(e.replaces, r.id) } : null;
      if (e.replaces && replaces?.person) get(replaces.person, e.replaces);
      p.posts.push({ roster: r.id, rosterTitle: r.title, date: r.date, dateLabel: r.dateLabel, body: r.body, group: e.group, post: e.post, isNew: e.isNew, replaces, remark: e.remark, written: e.written, href: `/appendices/#${e.block}` });
    }
  }
  for (const x of rec.extra) get(x.id, { written: x.name, surname: x.name.split(',')[0] as string, initials: null }).decisions.push(x.reason);
  // The changes between rosters name people by surname (and sometimes initials).
  const people = [...byId.values()];
  for (const c of app.changes) {
    for (const line of c.lines) {
      for (const p of people) {
        if (!p.surnames.some((s) => surnamePattern(s).test(line.text))) continue;
        const ids = resolver.idsFor(p.surname);
        if (ids.length > 1 && resolver.resolve({ written: p.surname, surname: p.surname, initials: null }, c.id) !== p.id) continue;
        p.changes.push({ change: c.id, title: c.title, date: c.date, dateLabel: c.dateLabel, text: line.text, href: `/appendices/#${line.block}` });
      }
    }
  }
  for (const p of people) {
    // The display name: the form with initials that the rosters print most often, not a variant.
    const variants = new Set(rec.variants.map((v) => v.written));
    const counts = new Map<string, number>();
    for (const post of p.posts) if (!variants.has(post.written) && post.written.includes(',')) counts.set(post.written, (counts.get(post.written) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (best) {
      p.name = best;
      p.initials = best.split(', ')[1] ?? null;
      p.surname = best.split(',')[0] as string;
    }
    const variantSurnames = rec.variants.filter((v) => v.person === p.id).map((v) => v.written.split(',')[0] as string);
    if (!variantSurnames.includes(p.surname) && !best) p.surname = p.surnames.find((s) => !variantSurnames.includes(s)) ?? p.surname;
    if (!best) p.name = p.surname;
    p.decisions.push(...rec.variants.filter((v) => v.person === p.id).map((v) => `“${v.written}” is taken as this person: ${v.reason}`));
    p.decisions.push(...rec.bare.filter((b) => b.person === p.id).map((b) => `“${b.surname}” without initials (${b.where.join(', ')}) is taken as this person: ${b.reason}`));
    p.decisions.push(...rec.distinct.filter((d) => d.written.some((w) => p.spellings.includes(w))).map((d) => `Not the same person as ${d.written.filter((w) => !p.spellings.includes(w)).join(', ')}: ${d.reason}`));
    p.posts.sort((a, b) => a.date.localeCompare(b.date));
  }
  people.sort((a, b) => a.surname.localeCompare(b.surname, 'en') || a.id.localeCompare(b.id));
  return { people, resolver };
}

const cache = new WeakMap<Edition, { app: Appendix1; people: Person[]; resolver: NameResolver }>();

/** Appendix 1 and its people, computed once per edition. */
export function appendix1People(edition: Edition): { app: Appendix1; people: Person[]; resolver: NameResolver } {
  const hit = cache.get(edition);
  if (hit) return hit;
  const app = parseAppendix1(edition);
  const built = { app, ...buildPeople(app) };
  cache.set(edition, built);
  return built;
}
