/**
 * Where the thesis names the people of Appendix 1: every mention in the chapters and their notes
 * (and the lines of Appendix 1 itself), found by surname. A surname shared by two people is
 * linked only where initials or a recorded decision settle which; recorded exclusions keep out
 * namesakes (the Bauman raion, another Kulikov).
 */
import type { Edition } from '../pipeline/model.ts';
import { textContexts, type TextContext } from '../citations/contexts.ts';
import { appendix1People, RECONCILIATIONS, surnamePattern, type Person, type Reconciliations } from './people.ts';

export interface Mention {
  person: string;
  section: string;
  block: string;
  kind: TextContext['kind'];
  /** Link to the place: /chapter-3/#para-12 or /chapter-3/#ch3-n59. */
  href: string;
  /** "Chapter 3, paragraph 12" or "Chapter 3, note 59". */
  label: string;
  /** The surname as printed. */
  text: string;
  start: number;
  end: number;
  /** The sentence around the mention, shortened. */
  excerpt: string;
  /** How the person was identified: by surname alone, by initials, or by a recorded decision. */
  basis: 'surname' | 'initials' | 'decision' | 'roster';
}

const normInitials = (s: string): string => s.replace(/\s+/gu, '').replace(/\.?$/u, '.');

/** Initials printed next to a surname: "E. S. Kogan" or "Bauman, K. Ya.". */
function initialsAround(text: string, start: number, end: number): string | null {
  const before = /((?:[A-Z][a-z]?\.\s?){1,3})\s*$/u.exec(text.slice(Math.max(0, start - 12), start));
  if (before?.[1]) return normInitials(before[1]);
  const after = /^,\s((?:[A-Z][a-z]?\.\s?){1,3})/u.exec(text.slice(end, end + 14));
  return after?.[1] ? normInitials(after[1]) : null;
}

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 80)));
  const toSpace = text.indexOf(' ', Math.min(text.length, end + 80));
  const to = toSpace < 0 ? text.length : toSpace;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ').trim()}${to < text.length ? '…' : ''}`;
}

function labelOf(c: TextContext, edition: Edition): string {
  const section = edition.sections.find((s) => s.id === c.section);
  if (c.noteId !== null) {
    const scope = edition.noteScopes.find((s) => s.scope === c.scope);
    return `${scope?.label ?? section?.label ?? c.section}, note ${c.n}`;
  }
  const para = /^para-(\d+)$/u.exec(c.block);
  return `${section?.label ?? c.section}, ${para ? `paragraph ${para[1]}` : c.block}`;
}

/** Ids of the people each block of Appendix 1 names (rosters and changes), to settle shared surnames there. */
function appendixBlocks(people: readonly Person[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of people) {
    for (const h of [...p.posts.map((x) => x.href), ...p.changes.map((x) => x.href)]) {
      const block = h.split('#')[1] as string;
      out.set(block, (out.get(block) ?? new Set()).add(p.id));
    }
  }
  return out;
}

/** Every mention of the people of Appendix 1 in the chapters and notes and in Appendix 1. */
export function findMentions(edition: Edition, people: readonly Person[], rec: Reconciliations = RECONCILIATIONS): Mention[] {
  const bySurname = new Map<string, Person[]>();
  for (const p of people) for (const s of p.surnames) bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  const inAppendix = appendixBlocks(people);
  const out: Mention[] = [];
  for (const c of textContexts(edition)) {
    const appendix = c.section === 'appendices' && c.scope === 'app-1';
    if (c.sectionKind !== 'chapter' && !appendix) continue;
    if (c.kind === 'heading' || (c.kind === 'table' && !appendix)) continue;
    const text = c.flat.text;
    for (const [surname, candidates] of bySurname) {
      for (const m of text.matchAll(surnamePattern(surname))) {
        const start = m.index;
        const end = start + surname.length;
        if (rec.mentions.excludeAfter.some((x) => x.surname === surname && new RegExp(x.pattern, 'u').test(text.slice(end)))) continue;
        const inside = (needle: string): boolean => {
          for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) if (at <= start && end <= at + needle.length) return true;
          return false;
        };
        if (rec.mentions.exclude.some((x) => x.surname === surname && x.section === c.section && inside(x.contains))) continue;
        let chosen: Person[] = candidates;
        let basis: Mention['basis'] = 'surname';
        if (appendix) {
          const named = inAppendix.get(c.block);
          chosen = candidates.filter((p) => named?.has(p.id));
          basis = 'roster';
        } else {
          const initials = initialsAround(text, start, end);
          if (initials) {
            // Initials that are not this person's mean a namesake (A. A. Andreev is not S.Ya. Andreev).
            chosen = candidates.filter((p) => p.spellings.some((s) => s.includes(',') && normInitials(s.split(', ')[1] ?? '').startsWith(initials.slice(0, 2))));
            basis = 'initials';
          }
          const assigned = rec.mentions.assign.find((x) => x.surname === surname && inside(x.contains));
          if (assigned) {
            chosen = candidates.filter((p) => p.id === assigned.person);
            basis = 'decision';
          }
        }
        if (chosen.length !== 1) continue; // unknown or ambiguous: never guess
        const person = chosen[0] as Person;
        out.push({ person: person.id, section: c.section, block: c.block, kind: c.kind, href: `/${c.slug}/#${c.block}`, label: labelOf(c, edition), text: surname, start, end, excerpt: excerptOf(text, start, end), basis });
      }
    }
  }
  return out;
}

const cache = new WeakMap<Edition, Mention[]>();

/** Mentions of the people of Appendix 1, computed once per edition. */
export function peopleMentions(edition: Edition): Mention[] {
  const hit = cache.get(edition);
  if (hit) return hit;
  const found = findMentions(edition, appendix1People(edition).people);
  cache.set(edition, found);
  return found;
}
