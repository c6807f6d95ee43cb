/**
 * Where the thesis mentions each place: a pure function of the Edition, so the lists on the map
 * pages (and the links from the text to the maps) follow the text when it changes.
 */
import type { Edition } from '../pipeline/model.ts';
import { textContexts, type TextContext } from '../citations/contexts.ts';
import type { Place } from './places.ts';

export interface Mention {
  place: string;
  section: string;
  slug: string;
  /** Id of the block on the section page (paragraph, note, heading or table). */
  block: string;
  kind: TextContext['kind'];
  /** The note the block belongs to, if any. */
  noteId: string | null;
  /** Link to the passage: /chapter-4/#para-29 or /chapter-2/#ch2.3-n20. */
  href: string;
  /** Reader's label: "Chapter 4, para. 29 (p. 141)", "Chapter 2, part 3, note 20". */
  label: string;
  /** The spelling found (one of the place's variants, in the corrected reading). */
  variant: string;
  /** Offsets of the match in the block's flat text. */
  start: number;
  end: number;
  /** A little of the text around the match, for popups and lists. */
  before: string;
  after: string;
}

const LETTER = /\p{L}/u;

/** Offsets of whole-word occurrences of `needle` in `text` (no letter directly before or after). */
export function wholeWordMatches(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = at > 0 ? (text[at - 1] as string) : '';
    const after = text[at + needle.length] ?? '';
    // An apostrophe ending a variant ("Tver'") may be followed by anything; a letter after a letter may not.
    const endsWord = needle.endsWith("'") || !LETTER.test(after);
    if (!LETTER.test(before) && endsWord) out.push(at);
  }
  return out;
}

/** "Chapter 4, para. 29 (p. 141)" or "Chapter 2, part 3, note 20 (p. 187)". */
export function mentionLabel(c: TextContext, edition: Edition): string {
  const section = edition.sections.find((s) => s.id === c.section);
  const page = c.page !== null ? ` (p. ${c.page})` : '';
  if (c.noteId !== null) {
    const scope = edition.noteScopes.find((s) => s.scope === c.scope);
    const extra = c.kind === 'note' ? '' : c.kind === 'table' ? ', table' : ', continued';
    return `${scope?.label ?? section?.label ?? c.section}, note ${c.n}${extra}${page}`;
  }
  const num = /^para-(\d+)$/u.exec(c.block);
  const what = num ? `para. ${num[1]}` : c.kind === 'heading' ? 'heading' : c.kind === 'table' ? 'table' : c.block;
  return `${section?.label ?? c.section}, ${what}${page}`;
}

function trimContext(s: string, fromEnd: boolean, max = 70): string {
  const flat = s.replace(/\s+/gu, ' ');
  if (flat.length <= max) return flat;
  return fromEnd ? `…${flat.slice(flat.length - max).replace(/^\S*\s/u, '')}` : `${flat.slice(0, max).replace(/\s\S*$/u, '')}…`;
}

/** Every mention of every place, in reading order (section order, then source order within a section). */
export function findMentions(edition: Edition, places: readonly Place[]): Mention[] {
  const out: Mention[] = [];
  for (const c of textContexts(edition)) {
    const text = c.flat.text;
    const found: Mention[] = [];
    for (const p of places) {
      // A variant inside a phrase the editor has recorded as meaning something else is no mention.
      const meantElsewhere = (at: number, v: string): boolean =>
        (p.notMeant ?? []).some(({ phrase }) => wholeWordMatches(text, phrase).some((from) => from <= at && at + v.length <= from + phrase.length));
      // The longest variant at a place in the text: "Glukhovskaya Manufaktura", not also its "Glukhovskaya".
      const spans: { at: number; v: string }[] = [];
      for (const v of p.variants) for (const at of wholeWordMatches(text, v)) if (!meantElsewhere(at, v)) spans.push({ at, v });
      spans.sort((a, b) => a.at - b.at || b.v.length - a.v.length);
      let coveredTo = -1;
      for (const { at, v } of spans) {
        if (at + v.length <= coveredTo) continue;
        coveredTo = at + v.length;
        found.push({
          place: p.id,
          section: c.section,
          slug: c.slug,
          block: c.block,
          kind: c.kind,
          noteId: c.noteId,
          href: `/${c.slug}/#${c.block}`,
          label: mentionLabel(c, edition),
          variant: v,
          start: at,
          end: at + v.length,
          before: trimContext(text.slice(0, at), true),
          after: trimContext(text.slice(at + v.length), false),
        });
      }
    }
    found.sort((a, b) => a.start - b.start);
    out.push(...found);
  }
  return out;
}

/** Mentions grouped by place id (every place has an entry, possibly empty). */
export function mentionsByPlace(edition: Edition, places: readonly Place[]): Map<string, Mention[]> {
  const map = new Map<string, Mention[]>(places.map((p) => [p.id, []]));
  for (const m of findMentions(edition, places)) map.get(m.place)?.push(m);
  return map;
}

/** One entry per block (a block that names a place three times is listed once), keeping the first match. */
export function passagesOf(mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.section}#${m.block}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
