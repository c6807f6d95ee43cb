/**
 * The people of Appendix 1: every name printed in the rosters and change lists, reconciled into
 * one entry per person (./reconciliations.ts records each decision), with the posts each held
 * over time, and every unambiguous mention of them in the chapters and notes.
 */
import type { Edition } from '../pipeline/model.ts';
import { slugify } from '../pipeline/classify.ts';
import { textContexts, type TextContext } from '../citations/contexts.ts';
import { escapeRe } from '../citations/text.ts';
import { RECONCILIATIONS, type Reconciliations } from './reconciliations.ts';
import { departureOf, placedAt, rostersOf, type EntryFlags, type Roster, type RosterEntry, type RosterGroup } from './rosters.ts';

export interface PostHeld {
  roster: string;
  rosterTitle: string;
  /** The list's date, or null where the appendix gives none (see `after`). */
  date: string | null;
  /** For an undated list, the date of the list it follows. */
  after: string | null;
  dateLabel: string;
  body: string;
  group: RosterGroup;
  /** For a candidate: candidate to the secretariat (September 1929) or to the buro. */
  candidateOf: 'secretariat' | 'buro' | null;
  post: string | null;
  flags: EntryFlags;
  /** The person id of `flags.replaces`, when it resolves. */
  replacesPerson: string | null;
  /** The person id of `flags.replacedBy`, when it resolves. */
  replacedByPerson: string | null;
  /** The name as printed here (emendations applied). */
  written: string;
  /** The name as the typescript prints it, where an emendation corrects it ("Kamanev, L.V."). */
  printedAs: string | null;
  /** Emendations on the printed line. */
  emendations: string[];
  /** The printed line, for change lists. */
  text: string;
  /** Remarks printed with the entry ("Was secretary of …", "hitherto chairman of MSNKh"). */
  remark: string | null;
  /** The appendix note the printed line calls (its own source), and its text. */
  noteId: string | null;
  note: string | null;
  /** Where it is printed (/appendices/#para-N). */
  href: string;
  sourceLine: number;
}

export interface Person {
  id: string;
  /** Surname and the initials the rosters usually print ("Uglanov, N.A."). */
  name: string;
  surname: string;
  initials: string | null;
  /** Every form the appendix prints. */
  spellings: string[];
  /** Surnames to look for in the text. */
  surnames: string[];
  /** Roster seats and changes, in date order. */
  posts: PostHeld[];
  /** The recorded decisions that concern this person. */
  decisions: string[];
}

interface Name {
  written: string;
  surname: string;
  initials: string | null;
}

const nameOf = (written: string): Name => {
  const [surname = written, initials = null] = written.split(', ');
  return { written, surname, initials };
};

/** Resolves printed names to person ids, following the recorded decisions; throws on an undecided name. */
export class NameResolver {
  private readonly variantOf = new Map<string, string>();
  private readonly idsBySurname = new Map<string, Set<string>>();
  private readonly idOfKey = new Map<string, string>();
  private readonly rec: Reconciliations;
  constructor(names: readonly Name[], rec: Reconciliations) {
    this.rec = rec;
    for (const v of rec.variants) this.variantOf.set(v.written, v.person);
    const initialsBySurname = new Map<string, Set<string>>();
    for (const n of names) {
      if (this.variantOf.has(n.written) || !n.initials) continue;
      initialsBySurname.set(n.surname, (initialsBySurname.get(n.surname) ?? new Set()).add(n.initials));
    }
    // One set of initials: the id is the surname; several (recorded as distinct): surname and initials.
    for (const [surname, set] of initialsBySurname) {
      for (const initials of set) {
        const id = set.size > 1 ? slugify(`${surname} ${initials}`) : slugify(surname);
        this.idOfKey.set(`${surname}|${initials}`, id);
        this.add(surname, id);
      }
    }
    for (const n of names) if (!n.initials && !this.variantOf.has(n.written) && !initialsBySurname.has(n.surname)) this.add(n.surname, slugify(n.surname));
    for (const v of rec.variants) this.add(nameOf(v.written).surname, v.person);
    for (const e of rec.extra) this.add(nameOf(e.name).surname, e.id);
  }

  private add(surname: string, id: string): void {
    this.idsBySurname.set(surname, (this.idsBySurname.get(surname) ?? new Set()).add(id));
  }

  /** Person ids a surname may stand for. */
  idsFor(surname: string): string[] {
    return [...(this.idsBySurname.get(surname) ?? [])];
  }

  /** The person a printed name stands for in a roster (`where` is the roster id), or an error naming the missing decision. */
  resolve(written: string, where: string): string {
    const v = this.variantOf.get(written);
    if (v) return v;
    const n = nameOf(written);
    if (n.initials) {
      const id = this.idOfKey.get(`${n.surname}|${n.initials}`);
      if (id) return id;
    }
    const ids = this.idsFor(n.surname);
    if (ids.length === 1) return ids[0] as string;
    const decided = this.rec.bare.find((b) => b.surname === n.surname && b.where.includes(where));
    if (decided) return decided.person;
    throw new Error(`people: "${written}" in ${where} could be ${ids.join(' or ') || 'nobody'}; record a decision in content/people/reconciliations.json`);
  }
}

/** Every printed name in the rosters (members, the people they replace, the people changes name). */
export function rosterNames(rosters: readonly Roster[]): { written: string; where: string }[] {
  return rosters.flatMap((r) => r.entries.flatMap((e) => [...(e.written ? [{ written: e.written, where: r.id }] : []), ...(e.flags.replaces ? [{ written: e.flags.replaces, where: r.id }] : [])]));
}

/** Build the people of Appendix 1 from its rosters. */
export function buildPeople(rosters: readonly Roster[], rec: Reconciliations = RECONCILIATIONS): { people: Person[]; resolver: NameResolver } {
  const resolver = new NameResolver(rosterNames(rosters).map((x) => nameOf(x.written)), rec);
  const byId = new Map<string, Person>();
  const get = (id: string, written: string): Person => {
    const n = nameOf(written);
    let p = byId.get(id);
    if (!p) {
      p = { id, name: written, surname: n.surname, initials: n.initials, spellings: [], surnames: [], posts: [], decisions: [] };
      byId.set(id, p);
    }
    if (!p.spellings.includes(written)) p.spellings.push(written);
    if (!p.surnames.includes(n.surname)) p.surnames.push(n.surname);
    return p;
  };
  const held = (r: Roster, e: RosterEntry): PostHeld => ({
    roster: r.id,
    rosterTitle: r.title,
    date: r.date,
    after: r.after,
    dateLabel: r.dateLabel,
    body: r.body,
    group: e.group,
    candidateOf: e.candidateOf,
    post: e.post,
    flags: e.flags,
    replacesPerson: e.flags.replaces ? resolver.resolve(e.flags.replaces, r.id) : null,
    replacedByPerson: e.flags.replacedBy ? resolver.resolve(e.flags.replacedBy, r.id) : null,
    written: e.written,
    printedAs: e.printedAs,
    emendations: e.emendations,
    text: e.text,
    remark: e.remark,
    noteId: e.noteId,
    note: e.note,
    href: `/appendices/#${e.anchor}`,
    sourceLine: e.sourceLine,
  });
  for (const r of rosters) {
    // A departure printed only in the successor's line ("Replaces Belen'kii") is a change for the person who left.
    const departures = r.entries.map(departureOf).filter((d): d is RosterEntry => d !== null);
    for (const e of [...r.entries, ...departures]) {
      if (!e.written) continue;
      const p = get(resolver.resolve(e.written, r.id), e.written);
      if (e.printedAs) get(p.id, e.printedAs);
      p.posts.push(held(r, e));
    }
  }
  const variants = new Set(rec.variants.map((v) => v.written));
  // The rosters named by their title and date as the appendix gives them, not by the edition's ids.
  const rosterTitles = new Map(rosters.map((r) => [r.id, `${r.body}, ${r.dateLabel}`]));
  const rosterName = (id: string): string => rosterTitles.get(id) ?? id;
  for (const p of byId.values()) {
    // The display name: the form with initials printed most often, never a recorded variant.
    const counts = new Map<string, number>();
    for (const w of p.posts.map((x) => x.written)) if (!variants.has(w) && w.includes(',')) counts.set(w, (counts.get(w) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const plainSurname = p.surnames.find((s) => !rec.variants.some((v) => v.person === p.id && nameOf(v.written).surname === s && !p.posts.some((x) => x.written === s))) ?? p.surname;
    const n = nameOf(best ?? plainSurname);
    p.name = n.written;
    p.surname = n.surname;
    p.initials = n.initials;
    p.decisions.push(...rec.variants.filter((v) => v.person === p.id).map((v) => `“${v.written}” is taken as this person: ${v.reason}`));
    p.decisions.push(...rec.bare.filter((b) => b.person === p.id).map((b) => `“${b.surname}” without initials (${b.where.map(rosterName).join('; ')}) is taken as this person: ${b.reason}`));
    p.decisions.push(...rec.distinct.filter((d) => d.written.some((w) => p.spellings.includes(w))).map((d) => `Not the same person as ${d.written.filter((w) => !p.spellings.includes(w)).join(', ')}: ${d.reason}`));
    p.decisions.push(...rec.extra.filter((x) => x.id === p.id).map((x) => x.reason));
    p.decisions.push(...mentionDecisions(p, rec));
    p.posts.sort((a, b) => placedAt(a).localeCompare(placedAt(b)) || a.sourceLine - b.sourceLine);
  }
  // A recorded identification must name a person of that surname: a slip in the file is an error, not a silent no-op.
  for (const x of rec.mentions.identify) {
    const p = byId.get(x.person);
    if (!p || !p.surnames.includes(x.surname)) throw new Error(`content/people/reconciliations.json: mentions.identify "${x.surname}" names ${p ? `${x.person}, whose surnames are ${p.surnames.join(', ')}` : `no person "${x.person}"`}`);
  }
  const people = [...byId.values()].sort((a, b) => a.surname.localeCompare(b.surname, 'en') || a.id.localeCompare(b.id));
  return { people, resolver };
}

const sectionName = (id: string): string => id.replace(/^chapter-(\d+)$/u, 'Chapter $1').replace(/^[a-z]/u, (c) => c.toUpperCase());

/** The recorded decisions on mentions in the text that concern a person: namesakes left unlinked, mentions settled by context. */
export function mentionDecisions(p: Pick<Person, 'id' | 'surnames'>, rec: Reconciliations): string[] {
  const { excludeAfter, exclude, assign, identify } = rec.mentions;
  return [
    ...excludeAfter.filter((x) => p.surnames.includes(x.surname)).map((x) => `“${x.surname}” is not linked to this person where it names something else: ${x.reason}`),
    ...exclude.filter((x) => p.surnames.includes(x.surname)).map((x) => `“${x.surname}” in ${sectionName(x.section)} (“${x.contains}”) is not linked to this person: ${x.reason}`),
    ...assign.filter((x) => x.person === p.id).map((x) => `“${x.contains}” is linked to this person: ${x.reason}`),
    ...identify.filter((x) => x.person === p.id).map((x) => `“${x.surname}” in the chapters, without initials, is taken as this person: ${x.reason}`),
  ];
}

/**
 * What the appendix prints about a seat beyond its post and flags ("Was secretary of Sokol'niki
 * raikom", "Replaces Drozhzhin, who was promoted to post of TsK instructor"), or null when the
 * remark only says whom the person replaced, which the flags already show.
 */
export function printedRemark(p: Pick<PostHeld, 'remark' | 'flags'>): string | null {
  if (!p.remark) return null;
  const bare = (t: string): string => t.trim().replace(/\.$/u, '');
  const onlyReplaces = p.flags.replaces !== null && bare(p.remark) === bare(`Replaces ${p.flags.replaces}`);
  return onlyReplaces ? null : p.remark;
}

/** The main post of a person: the latest roster seat with a post, else the latest post named. */
export function mainPost(p: Person): string | null {
  const seats = p.posts.filter((x) => x.post && x.group !== 'changes');
  return (seats[seats.length - 1] ?? p.posts.filter((x) => x.post).pop())?.post ?? null;
}

export interface Mention {
  person: string;
  section: string;
  block: string;
  kind: 'paragraph' | 'note' | 'heading';
  /** /chapter-3/#para-12 or /chapter-3/#ch3-n59. */
  href: string;
  /** "Chapter 3, paragraph 12" or "Chapter 3, note 59". */
  label: string;
  text: string;
  start: number;
  end: number;
  excerpt: string;
}

export interface SkippedName {
  surname: string;
  /** Why the surname is not linked. */
  why: 'shared' | 'namesake' | 'excluded';
  count: number;
}

/**
 * Word-bounded, so "Bauman" does not match inside "Baumanskii". An apostrophe before the name is a
 * quotation mark ("'Kamenev's diary'") unless a letter precedes it; a name that ends in the soft
 * sign's apostrophe takes a possessive s ("Gaidul's").
 */
export function surnamePattern(surname: string): RegExp {
  const after = /['’]$/u.test(surname) ? `(?=s(?!\\p{L})|(?!\\p{L}))` : `(?!\\p{L})`;
  return new RegExp(`(?<!\\p{L})(?<!\\p{L}['’])${escapeRe(surname)}${after}`, 'gu');
}

const normInitials = (s: string): string => s.replace(/\s+/gu, '').replace(/\.?$/u, '.');

/** Initials printed next to a surname ("E. S. Kogan", "Bauman, K. Ya."), if any. */
function initialsAround(text: string, start: number, end: number): string | null {
  // An initial starts a word: the "K." ending "the MKK." is not one.
  const before = /(?<!\p{L})((?:[A-Z][a-z]?\.\s?){1,3})\s*$/u.exec(text.slice(Math.max(0, start - 16), start));
  if (before?.[1]) return normInitials(before[1]);
  const after = /^,\s((?:[A-Z][a-z]?\.\s?){1,3})/u.exec(text.slice(end, end + 14));
  return after?.[1] ? normInitials(after[1]) : null;
}

/** About 160 characters around a match, cut at spaces. */
export function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 80)));
  const toSpace = text.indexOf(' ', Math.min(text.length, end + 80));
  const to = toSpace < 0 ? text.length : toSpace;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ').trim()}${to < text.length ? '…' : ''}`;
}

function labelOf(c: TextContext, edition: Edition): string {
  const section = edition.sections.find((s) => s.id === c.section);
  if (c.noteId !== null) return `${edition.noteScopes.find((s) => s.scope === c.scope)?.label ?? section?.label ?? c.section}, note ${c.n}`;
  if (c.kind === 'heading') return `${section?.label ?? c.section}, heading “${c.flat.text.trim()}”`;
  const para = /^para-(\d+)$/u.exec(c.block);
  return `${section?.label ?? c.section}, ${para ? `paragraph ${para[1]}` : c.block}`;
}

/** Every unambiguous mention of the people in the chapters' headings, paragraphs and notes, and the surnames left unlinked. */
/** A mention left unlinked because its initials are not those of the only person with the surname (M. M. Kaganovich is not L. M.). */
export interface NamesakeByInitials {
  person: string;
  surname: string;
  /** As normalised ("M.M."). */
  initials: string;
  where: string;
}

export function findMentions(edition: Edition, people: readonly Person[], rec: Reconciliations = RECONCILIATIONS): { mentions: Mention[]; skipped: SkippedName[]; namesakes: NamesakeByInitials[] } {
  const bySurname = new Map<string, Person[]>();
  for (const p of people) for (const s of p.surnames) bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  const mentions: Mention[] = [];
  const namesakes: NamesakeByInitials[] = [];
  const skipped = new Map<string, SkippedName>();
  const skip = (surname: string, why: SkippedName['why']): void => {
    const k = `${surname}|${why}`;
    const s = skipped.get(k) ?? { surname, why, count: 0 };
    s.count++;
    skipped.set(k, s);
  };
  for (const c of textContexts(edition)) {
    // Headings too: Chapter 2's part 3 is "Bauman and the Crisis over Collectivisation".
    if (c.sectionKind !== 'chapter' || (c.kind !== 'paragraph' && c.kind !== 'note' && c.kind !== 'heading')) continue;
    const text = c.flat.text;
    for (const [surname, candidates] of bySurname) {
      for (const m of text.matchAll(surnamePattern(surname))) {
        const start = m.index;
        const end = start + surname.length;
        const inside = (needle: string): boolean => {
          for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) if (at <= start && end <= at + needle.length) return true;
          return false;
        };
        if (rec.mentions.excludeAfter.some((x) => x.surname === surname && new RegExp(x.pattern, 'u').test(text.slice(end))) || rec.mentions.exclude.some((x) => x.surname === surname && x.section === c.section && inside(x.contains))) {
          skip(surname, 'excluded');
          continue;
        }
        let chosen = candidates;
        const initials = initialsAround(text, start, end);
        // Initials that are not this person's mean a namesake (A. A. Andreev is not S.Ya. Andreev).
        if (initials) chosen = candidates.filter((p) => p.spellings.some((s) => normInitials(nameOf(s).initials ?? '-').startsWith(initials.slice(0, 2))));
        const assigned = rec.mentions.assign.find((x) => x.surname === surname && inside(x.contains));
        if (assigned) chosen = candidates.filter((p) => p.id === assigned.person);
        if (chosen.length !== 1) {
          skip(surname, candidates.length > 1 ? 'shared' : 'namesake');
          if (candidates.length === 1 && initials) namesakes.push({ person: (candidates[0] as Person).id, surname, initials, where: labelOf(c, edition) });
          continue; // never guess
        }
        const person = chosen[0] as Person;
        mentions.push({ person: person.id, section: c.section, block: c.block, kind: c.kind, href: `/${c.slug}/#${c.block}`, label: labelOf(c, edition), text: surname, start, end, excerpt: excerptOf(text, start, end) });
      }
    }
  }
  return { mentions, skipped: [...skipped.values()].sort((a, b) => a.surname.localeCompare(b.surname)), namesakes };
}

export interface PeopleData {
  rosters: Roster[];
  people: Person[];
  resolver: NameResolver;
  mentions: Mention[];
  skipped: SkippedName[];
}

const cache = new WeakMap<Edition, PeopleData>();

/** Rosters, people and mentions of an edition, computed once. */
export function peopleOf(edition: Edition): PeopleData {
  const hit = cache.get(edition);
  if (hit) return hit;
  const rosters = rostersOf(edition);
  const { people, resolver } = buildPeople(rosters);
  const { mentions, skipped, namesakes } = findMentions(edition, people);
  // Each namesake the initials rule out is a decision on the page of the person it is not.
  for (const p of people) {
    const mine = namesakes.filter((n) => n.person === p.id);
    for (const initials of new Set(mine.map((n) => n.initials))) {
      const where = mine.filter((n) => n.initials === initials).map((n) => n.where);
      p.decisions.push(`“${initials} ${mine[0]?.surname}” (${[...new Set(where)].join('; ')}) is not linked to this person: the text's initials are not those the appendix gives (${p.initials ?? 'none'}).`);
    }
  }
  const built = { rosters, people, resolver, mentions, skipped };
  cache.set(edition, built);
  return built;
}

/** Mentions of one person. */
export function mentionsOf(data: PeopleData, id: string): Mention[] {
  return data.mentions.filter((m) => m.person === id);
}
