/**
 * Appendix 1 (composition of the MK Buro 1924–32) as data. Each roster or change list printed in
 * the appendix becomes a Roster; its members (or, for a change list, the people each change names)
 * become entries with their post and flags. Names stay as printed; ./people.ts reconciles them.
 */
import type { Edition, Inline, NoteList, Section } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';

export type RosterGroup = 'secretariat' | 'buro' | 'candidates' | 'changes';

export const GROUP_LABELS: Record<RosterGroup, string> = {
  secretariat: 'Secretariat',
  buro: 'Buro member',
  candidates: 'Candidate member',
  changes: 'Change',
};

export interface EntryFlags {
  /** Marked "new" in the roster. */
  new: boolean;
  /** The printed name of the person this one replaces, if the source says so. */
  replaces: string | null;
  /** Removed from a post or from the committee (change lists). */
  removed: boolean;
  /** Promoted (or "becomes full member"). */
  promoted: boolean;
}

export interface RosterEntry {
  /** Surname as printed, emendations applied ("Lyubasov"); '' for an unnamed ex-officio seat. */
  person: string;
  /** Surname and initials as printed, emendations applied ("Giber, V.V."). */
  written: string;
  /** Initials with spaces closed up ("K.Ya."), or null. */
  initials: string | null;
  /** The post as printed, without flags ("secretary of Sokol'niki raikom"). */
  post: string | null;
  group: RosterGroup;
  /** Candidates listed under the secretariat (September 1929) are candidates to the secretariat. */
  candidateOf: 'secretariat' | 'buro' | null;
  flags: EntryFlags;
  /** Anything else printed in the brackets ("Was secretary of Sokol'niki raikom"). */
  remark: string | null;
  /** The entry's printed line(s), tidied. */
  text: string;
  /** Block on /appendices/ where it is printed ('para-N' or 'tbl-N'). */
  block: string;
  sourceLine: number;
}

export interface Roster {
  /** Stable id: 'roster-1925-01-mk' for a buro, 'change-1928-11' for a change list. */
  id: string;
  kind: 'roster' | 'changes';
  title: string;
  /** ISO date: 'YYYY-MM-DD' or 'YYYY-MM'. */
  date: string;
  dateLabel: string;
  /** The body as printed in the title: 'MK Buro', 'MOK Buro', 'MGK Buro', 'MK plenum', … */
  body: string;
  /** Id of the appendix note that gives the source (app-1-nN), or null. */
  sourceNoteId: string | null;
  /** The note's text: its citation ("RM 30/1/1925.") and any comment. */
  sourceNote: string | null;
  /** Anchor of the title on /appendices/. */
  anchor: string;
  entries: RosterEntry[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const tidy = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** "13/8/1924" → 1924-08-13; "January 1925" → 1925-01. */
export function dateOf(title: string): { date: string; label: string } {
  const dmy = /(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(title);
  if (dmy) return { date: `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`, label: `${Number(dmy[1])} ${MONTHS[Number(dmy[2]) - 1]} ${dmy[3]}` };
  const my = new RegExp(`(${MONTHS.join('|')}) (\\d{4})`, 'u').exec(title);
  if (my) return { date: `${my[2]}-${String(MONTHS.indexOf(my[1]!) + 1).padStart(2, '0')}`, label: `${my[1]} ${my[2]}` };
  throw new Error(`rosters: no date in "${title}"`);
}

/** The committee named in a title: the gorkom is MGK, the oblast' committee MOK, else MK. */
function committeeOf(title: string): 'MK' | 'MOK' | 'MGK' {
  if (/gorkom|MGK|City Committee/u.test(title)) return 'MGK';
  if (/MOK|Oblast' Committee/u.test(title)) return 'MOK';
  return 'MK';
}

function bodyOf(title: string, kind: Roster['kind']): string {
  if (kind === 'roster') return `${committeeOf(title)} Buro`;
  if (/MK and MKK|MOK and MKK/u.test(title)) return `joint ${/MOK/u.test(title) ? 'MOK' : 'MK'} and MKK plenum`;
  if (/plenum/iu.test(title)) return `${committeeOf(title)} plenum`;
  return 'MK decisions';
}

const GROUP_LABEL = /^(Secretaries|Secretariat|Buro members|Buro|Candidates)\s*:\s*/u;
const INITIALS = /^,?\s*((?:[A-Z][a-z]?\.\s?)*[A-Z][a-z]?\.?)(?=[\s,(]|$)/u;

export interface WrittenName {
  written: string;
  surname: string;
  initials: string | null;
}

/** Split a printed name into surname and initials ("Bauman, K. Ya.", "Ryabov., A.N.", "Volkov, P.Ya"). */
export function parseName(text: string): { name: WrittenName; rest: string } | null {
  const m = /^([A-Z][\p{L}'’-]+)\.?/u.exec(text);
  if (!m) return null;
  let rest = text.slice(m[0].length);
  let initials: string | null = null;
  const i = /^\s*,\s*/u.test(rest) ? INITIALS.exec(rest) : null;
  if (i?.[1]) {
    initials = i[1].replace(/\s+/gu, '').replace(/([A-Za-z])$/u, '$1.');
    rest = rest.slice(i[0].length);
  }
  rest = rest.replace(/^[\s,.]+/u, '');
  const surname = m[1] as string;
  return { name: { written: initials ? `${surname}, ${initials}` : surname, surname, initials }, rest };
}

const NO_FLAGS: EntryFlags = { new: false, replaces: null, removed: false, promoted: false };

/** The bracketed part of a roster entry: post, "new", "Replaces X", other remarks. */
export function parsePost(raw: string): { post: string | null; flags: EntryFlags; remark: string | null } {
  let t = tidy(raw.replace(/^\(/u, '').replace(/\)\.?$/u, ''));
  let isNew = false;
  let remark: string | null = null;
  if (/^new\b-?\s*/u.test(t)) {
    isNew = true;
    t = t.replace(/^new\b-?\s*/u, '');
  }
  // "second secretary-new. Was secretary of …": the flag comes after the post.
  const late = /^(.*?)-\s*new\.?\s*(.*)$/u.exec(t);
  if (late) {
    isNew = true;
    t = late[1] ?? '';
    remark = tidy(late[2] ?? '') || null;
  }
  const rep = remark ? /^Replace[sd]\s+(.+?)(?:,\s+who\b.*|\s+after\b.*|\.)?$/u.exec(remark) : null;
  const replaces = rep ? (parseName(rep[1] ?? '')?.name.written ?? null) : null;
  const promoted = remark !== null && /\bpromoted\b/iu.test(remark) && !/^Replace/u.test(remark);
  return { post: tidy(t).replace(/\.$/u, '') || null, flags: { ...NO_FLAGS, new: isNew, replaces, promoted }, remark };
}

function rosterEntry(text: string, group: RosterGroup, candidateOf: RosterEntry['candidateOf'], block: string, line: number): RosterEntry {
  const clean = tidy(text);
  if (/^[a-z]/u.test(clean)) {
    // An unnamed seat: "secretary of Kaluga okruzhkom (ex-officio)".
    return { person: '', written: '', initials: null, post: clean, group, candidateOf, flags: NO_FLAGS, remark: null, text: clean, block, sourceLine: line };
  }
  const parsed = parseName(clean);
  if (!parsed) throw new Error(`rosters: cannot read the entry "${text}" (line ${line})`);
  const rest = parsed.rest.replace(/^\.\s*/u, '');
  const post = rest === '' ? { post: null, flags: NO_FLAGS, remark: null } : parsePost(rest);
  return { person: parsed.name.surname, written: parsed.name.written, initials: parsed.name.initials, ...post, group, candidateOf, text: clean, block, sourceLine: line };
}

/** A line of Appendix 1 in reading order: a title, or a printed line (a paragraph or a table row). */
interface AppLine {
  kind: 'title' | 'line';
  text: string;
  block: string;
  line: number;
  note: number | null;
}

function refOf(nodes: readonly Inline[]): number | null {
  for (const n of nodes) {
    if (n.t === 'ref') return n.n;
    if (n.t === 'em' || n.t === 'u') {
      const inner = refOf(n.c);
      if (inner !== null) return inner;
    }
  }
  return null;
}

// Titles the conversion left as paragraphs ("MOK plenum, July 1930.¹⁸").
const TITLE_PARAGRAPH = /^(MOK|MK|MGK)\b[^:]*\b(19\d\d)\.?$/u;

function appendixLines(s: Section): AppLine[] {
  const out: AppLine[] = [];
  for (const b of s.blocks) {
    if (b.kind === 'pagebreak' || b.kind === 'notes' || b.scope !== 'app-1') continue;
    if (b.kind === 'heading' && b.level === 3) out.push({ kind: 'title', text: tidy(inlineText(b.content)), block: b.id, line: b.lines[0] ?? 0, note: refOf(b.content) });
    if (b.kind === 'paragraph') {
      const text = tidy(inlineText(b.content).replace(/^-\s+/u, ''));
      const title = TITLE_PARAGRAPH.test(text) && refOf(b.content) !== null;
      out.push({ kind: title ? 'title' : 'line', text, block: b.id, line: b.lines[0] ?? 0, note: title ? refOf(b.content) : null });
    }
    if (b.kind === 'table') {
      [...b.headRows, ...b.bodyRows].forEach((row, i) => {
        out.push({ kind: 'line', text: tidy(row.map((c) => inlineText(c)).join(' ')), block: b.id, line: b.lines[i] ?? 0, note: null });
      });
    }
  }
  return out;
}

function appendixNotes(s: Section): Map<number, { id: string; text: string }> {
  const list = s.blocks.find((b): b is NoteList => b.kind === 'notes' && b.scope === 'app-1');
  return new Map((list?.notes ?? []).map((n) => [n.n, { id: n.id, text: tidy(inlineText(n.content)) }]));
}

/** Surnames in a change line: names with initials, and surnames already known from the rosters. */
export function namesInChange(text: string, known: ReadonlySet<string>): { surname: string; written: string; start: number }[] {
  const out: { surname: string; written: string; start: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}'’])([A-Z][\p{L}'’-]+)\.?(?:,\s*((?:[A-Z][a-z]?\.\s?)*[A-Z][a-z]?\.))?/gu)) {
    const surname = m[1] as string;
    const initials = m[2] ? m[2].replace(/\s+/gu, '') : null;
    if (!known.has(surname) && !initials) continue;
    out.push({ surname, written: initials ? `${surname}, ${initials}` : surname, start: m.index });
  }
  return out;
}

const POST_IN_CHANGE = /\b(?:as|post of|post as|to)\s+((?:first |second |third )?(?:secretary|head|chairman)\b[^,.;]*?|(?:first|second|third) secretary|[a-z]+ secretary)(?=\s+by\b|\s+for\b|[,.;]|\s+and\b|$)/u;

/** The people one printed change names, with what happens to each ("X replaced … by Y": Y replaces X). */
export function changeEntries(text: string, known: ReadonlySet<string>, block: string, line: number): RosterEntry[] {
  const names = namesInChange(text, known);
  const post = POST_IN_CHANGE.exec(text)?.[1]?.trim() ?? null;
  const removedAll = /\bremoved\b/u.test(text) && !/\breplaced\b|\breplaces\b|\breplacing\b/u.test(text);
  return names.map((n, i) => {
    const after = text.slice(n.start);
    const flags: EntryFlags = { ...NO_FLAGS };
    // "A replaced as … by B" / "A removed … and replaced by B": A leaves, B replaces A.
    const first = names[0];
    const by = first && first !== n && /\b[Rr]eplaced\b[^]*?\bby\s*$/u.test(text.slice(0, n.start)) ? first : undefined;
    if (by) flags.replaces = by.written;
    // "B replaces A" / "B, replacing A" / "replaces the promoted A".
    const rep = /^[\p{L}'’., -]*?\b(?:replaces|replacing)\s+(?:the promoted\s+)?([A-Z][\p{L}'’-]+)/u.exec(after);
    if (rep && !by && rep[1] !== n.surname) flags.replaces = rep[1] ?? null;
    const own = after.slice(n.written.length);
    if (removedAll || /^[^.]*?\bremoved\b/u.test(own.split(/\bby\b/u)[0] ?? '')) flags.removed = !by && !rep;
    if (/^\s*(?:,\s*)?(?:replaced|removed)\b/u.test(own) || /^,?\s*(?:[A-Z][\p{L}'’-]+,?\s*(?:and\s+)?)*removed\b/u.test(own)) flags.removed = true;
    if (/^[^.]*?\b(?:promoted|becomes full member|becomes a member|becomes candidate)\b/u.test(own) || /the promoted\s+$/u.test(text.slice(0, n.start))) flags.promoted = true;
    return { person: n.surname, written: n.written, initials: n.written.split(', ')[1] ?? null, post: i === 0 || flags.replaces ? post : null, group: 'changes', candidateOf: null, flags, remark: null, text: tidy(text), block, sourceLine: line };
  });
}

/** Parse every roster and change list of Appendix 1. */
export function parseRosters(edition: Edition): Roster[] {
  const s = edition.sections.find((x) => x.id === 'appendices');
  if (!s) throw new Error('rosters: no appendices section');
  const notes = appendixNotes(s);
  const lines = appendixLines(s);
  const rosters: Roster[] = [];
  const pendingChanges: { roster: Roster; l: AppLine }[] = [];
  let roster: Roster | null = null;
  let group: RosterGroup | null = null;
  let candidateOf: RosterEntry['candidateOf'] = null;
  for (const l of lines) {
    if (l.kind === 'title') {
      const { date, label } = dateOf(l.text);
      const kind: Roster['kind'] = /buro|elected/iu.test(l.text) ? 'roster' : 'changes';
      const note = l.note !== null ? notes.get(l.note) : undefined;
      const id = kind === 'roster' ? `roster-${date}-${committeeOf(l.text).toLowerCase()}` : `change-${date}`;
      roster = { id, kind, title: l.text.replace(/[.:]$/u, ''), date, dateLabel: label, body: bodyOf(l.text, kind), sourceNoteId: note?.id ?? null, sourceNote: note?.text ?? null, anchor: l.block, entries: [] };
      rosters.push(roster);
      group = null;
      candidateOf = null;
      continue;
    }
    if (!roster) continue;
    if (roster.kind === 'changes') {
      pendingChanges.push({ roster, l });
      continue;
    }
    let text = l.text;
    const label = GROUP_LABEL.exec(text);
    if (label) {
      const word = label[1] as string;
      const previous = group;
      group = word.startsWith('Secretar') ? 'secretariat' : word.startsWith('Buro') ? 'buro' : 'candidates';
      candidateOf = group === 'candidates' ? (previous === 'secretariat' ? 'secretariat' : 'buro') : null;
      text = text.slice(label[0].length);
    }
    if (text === '') continue;
    if (!group) throw new Error(`rosters: entry before any group label in ${roster.title}: "${text}" (line ${l.line})`);
    const last = roster.entries[roster.entries.length - 1];
    // A bracket left open continues on the next line ("raikom-new." / "Replaces Yurevich, E.I.)").
    if (last && (last.text.match(/\(/gu) ?? []).length > (last.text.match(/\)/gu) ?? []).length) {
      roster.entries[roster.entries.length - 1] = rosterEntry(`${last.text} ${text}`, last.group, last.candidateOf, last.block, last.sourceLine);
      continue;
    }
    roster.entries.push(rosterEntry(text, group, candidateOf, l.block, l.line));
  }
  // Change lists name people by surname: the rosters (and names with initials) say which words are names.
  const known = new Set(rosters.flatMap((r) => r.entries.flatMap((e) => [e.person, ...(e.flags.replaces ? [e.flags.replaces.split(',')[0] as string] : [])])).filter((x) => x !== ''));
  for (const extra of EXTRA_SURNAMES) known.add(extra);
  for (const { roster: r, l } of pendingChanges) r.entries.push(...changeEntries(l.text, known, l.block, l.line));
  // A roster without its own note takes the source of the change list it completes (November 1928).
  rosters.forEach((r, i) => {
    if (r.sourceNoteId) return;
    const before = rosters.slice(0, i).reverse().find((x) => x.sourceNoteId);
    if (before && before.date.slice(0, 7) === r.date.slice(0, 7)) {
      r.sourceNoteId = before.sourceNoteId;
      r.sourceNote = before.sourceNote;
    }
  });
  return rosters;
}

/** Names printed only in change lists, never in a roster, with no initials to show they are names. */
export const EXTRA_SURNAMES: readonly string[] = ['Palkina'];

const cache = new WeakMap<Edition, Roster[]>();

/** The rosters of an edition, parsed once. */
export function rostersOf(edition: Edition): Roster[] {
  let hit = cache.get(edition);
  if (!hit) {
    hit = parseRosters(edition);
    cache.set(edition, hit);
  }
  return hit;
}

/** Members of a roster by group. */
export function groupCounts(r: Roster): Record<RosterGroup, number> {
  const counts: Record<RosterGroup, number> = { secretariat: 0, buro: 0, candidates: 0, changes: 0 };
  for (const e of r.entries) counts[e.group]++;
  return counts;
}
