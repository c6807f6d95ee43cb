/**
 * Appendix 1 (composition of the MK Buro 1924–32) as data. Each roster or change list printed in
 * the appendix becomes a Roster; its members (or, for a change list, the people each change names)
 * become entries with their post and flags. Names stay as printed; ./people.ts reconciles them.
 */
import type { Edition, Inline, NoteList, Section } from '../pipeline/model.ts';
import { inlineText, isEmphasis } from '../pipeline/inline.ts';
import { slugify } from '../pipeline/classify.ts';
import { appendixRowAnchor } from '../render/row-anchors.ts';

export type RosterGroup = 'secretariat' | 'buro' | 'candidates' | 'changes';

export const GROUP_LABELS: Record<RosterGroup, string> = {
  secretariat: 'Secretariat',
  buro: 'Buro member',
  candidates: 'Candidate member',
  changes: 'Change',
};

/** The seat a roster entry gives: a candidate printed under the secretariat is a candidate to it, not to the buro. */
export function seatLabel(seat: { group: RosterGroup; candidateOf: 'secretariat' | 'buro' | null }): string {
  return seat.group === 'candidates' && seat.candidateOf === 'secretariat' ? 'Candidate member of the secretariat' : GROUP_LABELS[seat.group];
}

/** What the appendix says happened to a person, in its own words: each flag stands for a word it prints. */
export interface EntryFlags {
  /** Marked "new" in the roster. */
  new: boolean;
  /** The printed name of the person this one replaces, if the source says so. */
  replaces: string | null;
  /** The printed name of the person who replaces this one ("X replaced … by Y", "Y, replacing X"). */
  replacedBy: string | null;
  /** The post in which the successor replaces this one, where the change names it apart from this entry's post ("Kaminskii … replaces him as third secretary"). */
  replacedByAs?: string;
  /** "Removed" from a post or from the committee (change lists). */
  removed: boolean;
  /** "Promoted" (or "becomes full member", "becomes candidate"). */
  promoted: boolean;
  /** Where to, as printed: "promoted to TsK rural department", "promoted to work in VTsSPS", "promoted to post of TsK instructor". */
  promotedTo?: string;
  /** "Co-opted" on to the committee or its buro. */
  coopted: boolean;
}

export interface RosterEntry {
  /** Surname as printed, emendations applied ("Lyubasov"); '' for an unnamed ex-officio seat. */
  person: string;
  /** Surname and initials as printed, emendations applied ("Giber, V.V."). */
  written: string;
  /** The name as the typescript prints it, where an emendation corrects it ("Kamanev, L.V."); else null. */
  printedAs: string | null;
  /** Emendations on the entry's printed line(s) (ids: 'em-063'). */
  emendations: string[];
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
  /** The appendix note the printed line calls, if any (a change's own source: notes 9 and 10). */
  noteId: string | null;
  note: string | null;
  /** Block on /appendices/ where it is printed ('para-N' or 'tbl-N'). */
  block: string;
  /** Where a link to its printed line lands: the block, or a table's row ('tbl-1-row-3'). */
  anchor: string;
  sourceLine: number;
}

export interface Roster {
  /** Stable id: 'roster-1925-01-mk' for a buro, 'change-1928-11' for a change list. */
  id: string;
  kind: 'roster' | 'changes';
  title: string;
  /** ISO date: 'YYYY-MM-DD' or 'YYYY-MM'; null when the appendix gives none. */
  date: string | null;
  /** For an undated list, the date of the list it follows ("At subsequent plenums…" after 18/10/1928). */
  after: string | null;
  /** "13 August 1924", "January 1925", "after 18 October 1928". */
  dateLabel: string;
  /** The body as printed in the title: 'MK Buro', 'MOK Buro', 'MGK Buro', 'MK plenum', … */
  body: string;
  /** Id of the appendix note that gives the source (app-1-nN), or null. */
  sourceNoteId: string | null;
  /** The note's text: its citation ("RM 30/1/1925.") and any comment. */
  sourceNote: string | null;
  /** A note on the title that cites nothing, only comments (note 12, "Small size of MK buro…"). */
  commentNoteId: string | null;
  comment: string | null;
  /** Anchor of the title on /appendices/. */
  anchor: string;
  entries: RosterEntry[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const tidy = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** "13/8/1924" → 1924-08-13; "January 1925" → 1925-01. */
export function dateOf(title: string, line: number): { date: string; label: string } {
  const dmy = /(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(title);
  if (dmy) return { date: `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`, label: `${Number(dmy[1])} ${MONTHS[Number(dmy[2]) - 1]} ${dmy[3]}` };
  const my = new RegExp(`(${MONTHS.join('|')}) (\\d{4})`, 'u').exec(title);
  if (my) return { date: `${my[2]}-${String(MONTHS.indexOf(my[1]!) + 1).padStart(2, '0')}`, label: `${my[1]} ${my[2]}` };
  throw new Error(`rosters: no date in the title "${title}" (line ${line})`);
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

const NO_FLAGS: EntryFlags = { new: false, replaces: null, replacedBy: null, removed: false, promoted: false, coopted: false };

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
  // "Replaces X", or "Promoted when X moved to TsK" (Leonov, second secretary in 1930, took Polonskii's post).
  const rep = remark ? (/^Replace[sd]\s+(.+?)(?:,\s+who\b.*|\s+after\b.*|\.)?$/u.exec(remark) ?? /^Promoted when (\S+) moved to\b/u.exec(remark)) : null;
  const replaces = rep ? (parseName(rep[1] ?? '')?.name.written ?? null) : null;
  const promoted = remark !== null && /\bpromoted\b/iu.test(remark) && !/^Replace/u.test(remark);
  return { post: tidy(t).replace(/\.$/u, '') || null, flags: { ...NO_FLAGS, new: isNew, replaces, promoted }, remark };
}

/** A printed line (or lines read together) of Appendix 1, with what the typescript printed before emendation. */
interface Printed {
  text: string;
  /** The same line in the original reading (emendations undone). */
  original: string;
  emendations: string[];
  block: string;
  /** The block, or for a table's row its own anchor (appendixRowAnchors). */
  anchor: string;
  line: number;
  note: { id: string; text: string } | null;
}

function rosterEntry(p: Printed, group: RosterGroup, candidateOf: RosterEntry['candidateOf']): RosterEntry {
  const clean = tidy(p.text);
  const where = { text: clean, block: p.block, anchor: p.anchor, sourceLine: p.line, emendations: p.emendations, noteId: p.note?.id ?? null, note: p.note?.text ?? null };
  if (/^[a-z]/u.test(clean)) {
    // An unnamed seat: "secretary of Kaluga okruzhkom (ex-officio)".
    return { person: '', written: '', printedAs: null, initials: null, post: clean, group, candidateOf, flags: NO_FLAGS, remark: null, ...where };
  }
  const parsed = parseName(clean);
  if (!parsed) throw new Error(`rosters: cannot read the entry "${p.text}" (line ${p.line})`);
  const rest = parsed.rest.replace(/^\.\s*/u, '');
  const post = rest === '' ? { post: null, flags: NO_FLAGS, remark: null } : parsePost(rest);
  const printed = parseName(tidy(p.original))?.name.written ?? parsed.name.written;
  return { person: parsed.name.surname, written: parsed.name.written, printedAs: printed !== parsed.name.written ? printed : null, initials: parsed.name.initials, ...post, group, candidateOf, ...where };
}

/** A line of Appendix 1 in reading order: a title, or a printed line (a paragraph or a table row). */
interface AppLine extends Printed {
  kind: 'title' | 'line';
}

function refOf(nodes: readonly Inline[]): number | null {
  for (const n of nodes) {
    if (n.t === 'ref') return n.n;
    if (isEmphasis(n)) {
      const inner = refOf(n.c);
      if (inner !== null) return inner;
    }
  }
  return null;
}

function emendationsIn(nodes: readonly Inline[]): string[] {
  return nodes.flatMap((n) => (n.t === 'emend' ? [n.id] : isEmphasis(n) ? emendationsIn(n.c) : []));
}

// Titles the conversion left as paragraphs ("MOK plenum, July 1930.¹⁸").
const TITLE_PARAGRAPH = /^(MOK|MK|MGK)\b[^:]*\b(19\d\d)\.?$/u;

function appendixLines(s: Section, notes: ReadonlyMap<number, { id: string; text: string }>): AppLine[] {
  const out: AppLine[] = [];
  const noteOf = (nodes: readonly Inline[]) => notes.get(refOf(nodes) ?? -1) ?? null;
  for (const b of s.blocks) {
    if (b.kind === 'pagebreak' || b.kind === 'notes' || b.scope !== 'app-1') continue;
    const line = b.lines[0] ?? 0;
    if (b.kind === 'heading' && b.level === 3) {
      out.push({ kind: 'title', text: tidy(inlineText(b.content)), original: tidy(inlineText(b.content, 'original')), emendations: emendationsIn(b.content), block: b.id, anchor: b.id, line, note: noteOf(b.content) });
    }
    if (b.kind === 'paragraph') {
      const read = (reading: 'corrected' | 'original') => tidy(inlineText(b.content, reading).replace(/^-\s+/u, ''));
      const text = read('corrected');
      const note = noteOf(b.content);
      const title = TITLE_PARAGRAPH.test(text) && note !== null;
      out.push({ kind: title ? 'title' : 'line', text, original: read('original'), emendations: emendationsIn(b.content), block: b.id, anchor: b.id, line, note });
    }
    if (b.kind === 'table') {
      [...b.headRows, ...b.bodyRows].forEach((row, i) => {
        const read = (reading: 'corrected' | 'original') => tidy(row.map((c) => inlineText(c, reading)).join(' '));
        out.push({ kind: 'line', text: read('corrected'), original: read('original'), emendations: row.flatMap((c) => emendationsIn(c)), block: b.id, anchor: appendixRowAnchor(b.id, i), line: b.lines[i] ?? 0, note: null });
      });
    }
  }
  return out;
}

function appendixNotes(s: Section): Map<number, { id: string; text: string }> {
  const list = s.blocks.find((b): b is NoteList => b.kind === 'notes' && b.scope === 'app-1');
  return new Map((list?.notes ?? []).map((n) => [n.n, { id: n.id, text: tidy(inlineText(n.content)) }]));
}

/** A note that names no year cites no source: it comments ("Small size of MK buro indicates…"). */
export function citesSource(note: string): boolean {
  return /\b1[89]\d\d\b/u.test(note);
}

/** A name in a change line, with where it starts and ends and any post printed in brackets after it ("Volodin (PUOKR)"). */
export interface NameInChange {
  surname: string;
  written: string;
  start: number;
  end: number;
  bracketed: string | null;
}

/** Surnames in a change line: names with initials, and surnames already known from the rosters. */
export function namesInChange(text: string, known: ReadonlySet<string>): NameInChange[] {
  const out: NameInChange[] = [];
  for (const m of text.matchAll(/(?<![\p{L}'’])([A-Z][\p{L}'’-]+)\.?(?:,\s*((?:[A-Z][a-z]?\.\s?)*[A-Z][a-z]?\.))?/gu)) {
    const surname = m[1] as string;
    const initials = m[2] ? m[2].replace(/\s+/gu, '') : null;
    if (!known.has(surname) && !initials) continue;
    const end = m.index + m[0].length;
    out.push({ surname, written: initials ? `${surname}, ${initials}` : surname, start: m.index, end, bracketed: /^\s*\(([^)]+)\)/u.exec(text.slice(end))?.[1] ?? null });
  }
  return out;
}

// A post is named after "as", "to", "post of": "as second MK secretary", "to head rural department",
// "post of chairman of MGSPS". It runs to "by", "for", a comma or full stop, or an "and" that begins
// another verb ("… first secretary and replaced by"), but not one that joins two posts
// ("third secretary and head of orgotdel").
const POST_IN_CHANGE = /\b(?:as|post of|to)\s+((?:(?:first|second|third)\s+)?(?:[A-Z][A-Za-z]+\s+)?(?:secretary|head|chairman)\b.*?)(?=\s+by\b|\s+for\b|[,.;]|\s+and\s+(?!head\b|chairman\b|secretary\b)|$)/u;
const APPOINTED_TO = /\bappointed to ([A-Z][^\s,.;]*)/u;

/** The first post a stretch of a change line names, or null; "to head rural department" names the post "head of rural department". */
export function postIn(text: string): string | null {
  const post = POST_IN_CHANGE.exec(text)?.[1]?.trim() ?? APPOINTED_TO.exec(text)?.[1] ?? null;
  return post?.replace(/^head (?!of\b)/u, 'head of ') ?? null;
}

/** Where a change line says someone was promoted to, as printed, or null. */
export function promotedTo(text: string): string | null {
  return /\bpromoted to (?:work in |(?:the )?post of )?([^,.;()]+?)\s*(?:[,.;)]|\band\b|$)/u.exec(text)?.[1]?.trim() ?? null;
}

/** Sentences of a change line, split at full stops that do not end a name's initials ("Ryndin, K.V., hitherto …"). */
function sentencesOf(text: string, names: readonly NameInChange[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/\.\s+(?=[A-Z(])/gu)) {
    // "Ryabov., A.N.": a full stop inside a name, before its initials, ends no sentence.
    if (names.some((n) => m.index >= n.start && m.index < n.end - 1)) continue;
    out.push({ start, end: m.index + 1 });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/**
 * The people one printed change names, with what happens to each, sentence by sentence. The people
 * a sentence opens with are its subject ("Kulikov, Yakovlev, … and Uglanov removed from MK"), and what
 * the sentence says applies to them; a sentence without one ("Replaced by Strievskii, K.K., …")
 * continues the subject of the one before. "X replaced … by Y": Y replaces X, in the post named;
 * "X replaces [the promoted] Z" and "replacing Z": X replaces Z; "replaces him": the person last named.
 * Words said of the person replacing ("by Kronberg, who is co-opted") or of the person replaced
 * ("the promoted Leonov") are theirs, not the subject's.
 */
export function changeEntries(text: string, known: ReadonlySet<string>, where: (offset: number) => Printed): RosterEntry[] {
  const names = namesInChange(text, known);
  const entries = new Map<number, RosterEntry>(); // by where the name starts
  const entry = (n: NameInChange): RosterEntry => {
    let e = entries.get(n.start);
    if (!e) {
      const at = where(n.start);
      e = { person: n.surname, written: n.written, printedAs: null, initials: n.written.split(', ')[1] ?? null, post: n.bracketed, group: 'changes', candidateOf: null, flags: { ...NO_FLAGS }, remark: null, text: tidy(text), block: at.block, anchor: at.anchor, sourceLine: at.line, emendations: at.emendations, noteId: at.note?.id ?? null, note: at.note?.text ?? null };
      entries.set(n.start, e);
    }
    return e;
  };
  let subjects: NameInChange[] = [];
  let lastNamed: NameInChange | null = null;
  for (const s of sentencesOf(text, names)) {
    // "(Bauman promoted to TsK rural department.)": the bracket is no part of the sentence.
    const sentence = text.slice(s.start, s.end).replace(/^\(/u, '');
    const begins = s.end - sentence.length;
    // The names in the sentence, with where they stand in it (at … to).
    const inside = names.filter((n) => n.start >= s.start && n.end <= s.end).map((n) => ({ ...n, at: n.start - begins, to: n.end - begins }));
    // The subject: the names the sentence opens with, joined by commas, "and" or a bracketed post.
    const opening: typeof inside = [];
    for (const n of inside) {
      const previous = opening.at(-1);
      const gap = sentence.slice(previous?.to ?? 0, n.at);
      if (previous ? /^(?:\s*\([^)]*\))?\s*(?:,\s*)?(?:and\s+)?$/u.test(gap) : gap.trim() === '') opening.push(n);
      else break;
    }
    if (opening.length > 0) subjects = opening;
    const from = opening.at(-1)?.to ?? 0;
    // "… replaced [as P] by Y": Y and all that follows are said of Y.
    const agent = inside.find((n) => n.at >= from && /\bby\s*$/u.test(sentence.slice(0, n.at)) && /\b[Rr]eplaced\b/u.test(sentence.slice(from, n.at)));
    const said = sentence.slice(from, agent ? agent.at : sentence.length);
    const replaced = inside.find((n) => n.at >= from && n !== agent && /\b(?:replaces|replacing)\s+(?:the promoted\s+)?$/u.test(sentence.slice(0, n.at)));
    const him = !replaced && /\b(?:replaces|replacing)\s+(?:him|her)\b/u.test(said) ? lastNamed : null;
    // What the sentence says of its subject, without the remarks on the people it names.
    const own = said.replace(/\bthe promoted\s+\S+/gu, '').replace(/,?\s*hitherto [^,.]*/gu, '');
    const subjectPost = postIn(own);
    const subject = subjects[0];
    for (const n of subjects) {
      const e = entry(n);
      if (/\bremoved\b/u.test(own)) e.flags.removed = true;
      if (/\bpromoted\b|\bbecomes (?:full member|a member|candidate)\b/u.test(own)) e.flags.promoted = true;
      const to = promotedTo(own);
      if (to && !e.flags.promotedTo) e.flags.promotedTo = to;
      if (/\bco-opted\b/u.test(own)) e.flags.coopted = true;
      e.post ??= subjectPost;
      e.remark ??= /\bhitherto ([^,.]*)/u.exec(said)?.[1]?.trim() ?? null;
      if (replaced) e.flags.replaces = replaced.written;
      if (him) e.flags.replaces = him.written;
      if (agent) e.flags.replacedBy = agent.written;
    }
    if (replaced && subject) {
      const e = entry(replaced);
      e.flags.replacedBy = subject.written;
      e.post ??= subjectPost;
      if (/\bthe promoted\s+$/u.test(sentence.slice(0, replaced.at))) e.flags.promoted = true;
    }
    if (him && subject) {
      const e = entry(him);
      e.flags.replacedBy = subject.written;
      const as = /\b(?:replaces|replacing)\s+(?:him|her)\s+as\s+([^,.]+)/u.exec(said)?.[1]?.trim();
      if (as && as !== e.post) e.flags.replacedByAs = as;
    }
    if (agent && subject) {
      const e = entry(agent);
      const rest = sentence.slice(agent.to);
      e.flags.replaces = subject.written;
      // The post named in "replaced as P by", else the subject's ("Replaced by Strievskii" takes the post of the sentence before).
      e.post ??= postIn(/\breplaced\s+(as\s+.*?)\s+by\s*$/u.exec(sentence.slice(from, agent.at))?.[1] ?? '') ?? subjectPost ?? entry(subject).post;
      e.remark = /^,?\s*hitherto (.*?)\.?$/u.exec(rest)?.[1] ?? null;
      if (/\bwho is co-opted\b/u.test(rest)) e.flags.coopted = true;
    }
    for (const n of inside) entry(n); // anyone else named: an entry without flags
    lastNamed = inside.at(-1) ?? lastNamed;
  }
  return [...entries].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

// A change list goes on with changes made later at other meetings, which the appendix leaves undated.
const SUBSEQUENT = /^At subsequent (plenums? of [^;:]+)[;:]?$/u;

/** The change list a "subsequent" line opens, dated only as after the list it follows. */
function subsequentList(l: AppLine, previous: Roster): Roster {
  const meetings = (SUBSEQUENT.exec(l.text)?.[1] ?? '').trim();
  const after = placedAt(previous);
  return { id: `change-after-${after}-${slugify(meetings)}`, kind: 'changes', title: l.text.replace(/[;:.]$/u, ''), date: null, after, dateLabel: previous.date ? `after ${previous.dateLabel}` : previous.dateLabel, body: `subsequent ${meetings}`, sourceNoteId: null, sourceNote: null, commentNoteId: null, comment: null, anchor: l.block, entries: [] };
}

/** Where a list stands in time: its date, or the date of the list an undated one follows. */
export function placedAt(r: { date: string | null; after: string | null }): string {
  return r.date ?? r.after ?? '';
}

/** Parse every roster and change list of Appendix 1. */
export function parseRosters(edition: Edition): Roster[] {
  const s = edition.sections.find((x) => x.id === 'appendices');
  if (!s) throw new Error('rosters: no appendices section');
  const notes = appendixNotes(s);
  const lines = appendixLines(s, notes);
  const rosters: Roster[] = [];
  const pendingChanges: { roster: Roster; lines: AppLine[] }[] = [];
  let roster: Roster | null = null;
  let group: RosterGroup | null = null;
  let candidateOf: RosterEntry['candidateOf'] = null;
  let lastPrinted: Printed | null = null;
  for (const l of lines) {
    if (l.kind === 'title') {
      const { date, label } = dateOf(l.text, l.line);
      const kind: Roster['kind'] = /buro|elected/iu.test(l.text) ? 'roster' : 'changes';
      const source = l.note && citesSource(l.note.text) ? l.note : null;
      const comment = l.note && !source ? l.note : null;
      const id = kind === 'roster' ? `roster-${date}-${committeeOf(l.text).toLowerCase()}` : `change-${date}`;
      roster = { id, kind, title: l.text.replace(/[.:]$/u, ''), date, after: null, dateLabel: label, body: bodyOf(l.text, kind), sourceNoteId: source?.id ?? null, sourceNote: source?.text ?? null, commentNoteId: comment?.id ?? null, comment: comment?.text ?? null, anchor: l.block, entries: [] };
      rosters.push(roster);
      group = null;
      candidateOf = null;
      continue;
    }
    if (!roster) continue;
    if (roster.kind === 'changes') {
      if (SUBSEQUENT.test(l.text)) {
        roster = subsequentList(l, roster);
        rosters.push(roster);
        continue;
      }
      const last = pendingChanges[pendingChanges.length - 1];
      // "Replaced by Strievskii, K.K., …" continues the line above ("Mikhailov removed from post of …").
      if (/^Replaced by\b/u.test(l.text) && last?.roster === roster) last.lines.push(l);
      else pendingChanges.push({ roster, lines: [l] });
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
    const printed: Printed = { ...l, text, original: label ? l.original.replace(GROUP_LABEL, '') : l.original };
    const last = roster.entries[roster.entries.length - 1];
    // A bracket left open continues on the next line ("raikom-new." / "Replaces Yurevich, E.I.)").
    if (last && lastPrinted && (last.text.match(/\(/gu) ?? []).length > (last.text.match(/\)/gu) ?? []).length) {
      const before: Printed = lastPrinted;
      const joined: Printed = { ...before, text: `${before.text} ${printed.text}`, original: `${before.original} ${printed.original}`, emendations: [...before.emendations, ...printed.emendations] };
      roster.entries[roster.entries.length - 1] = rosterEntry(joined, last.group, last.candidateOf);
      lastPrinted = joined;
      continue;
    }
    lastPrinted = printed;
    roster.entries.push(rosterEntry(printed, group, candidateOf));
  }
  // Change lists name people by surname: the rosters (and names with initials) say which words are names.
  const known = new Set(rosters.flatMap((r) => r.entries.flatMap((e) => [e.person, ...(e.flags.replaces ? [e.flags.replaces.split(',')[0] as string] : [])])).filter((x) => x !== ''));
  for (const extra of EXTRA_SURNAMES) known.add(extra);
  for (const { roster: r, lines: read } of pendingChanges) {
    const text = read.map((l) => l.text).join(' ');
    // Each name keeps the printed line it stands on (its block, source line and note).
    const starts = read.map((_, i) => read.slice(0, i).reduce((n, l) => n + l.text.length + 1, 0));
    const where = (offset: number) => read[starts.filter((st) => st <= offset).length - 1] as AppLine;
    r.entries.push(...changeEntries(text, known, where));
  }
  // A roster without a source of its own takes the source of the change list it completes (November 1928).
  rosters.forEach((r, i) => {
    if (r.sourceNoteId || !r.date) return;
    const before = rosters.slice(0, i).reverse().find((x) => x.sourceNoteId);
    if (before?.date && before.date.slice(0, 7) === r.date.slice(0, 7)) {
      r.sourceNoteId = before.sourceNoteId;
      r.sourceNote = before.sourceNote;
    }
  });
  return rosters;
}

/**
 * The departure a roster line records only inside its successor's brackets ("Riutin … (… Replaces
 * Belen'kii)", "Replaces Drozhzhin, who was promoted to post of TsK instructor"), as a change for the
 * person who left: the post they left, and who replaced them.
 */
export function departureOf(e: RosterEntry): RosterEntry | null {
  if (e.group === 'changes' || !e.flags.replaces) return null;
  const written = e.flags.replaces;
  const promoted = /\bwho was promoted\b/u.test(e.remark ?? '');
  const to = promoted ? promotedTo(e.remark ?? '') : null;
  return { ...e, person: written.split(', ')[0] as string, written, printedAs: null, initials: written.split(', ')[1] ?? null, group: 'changes', candidateOf: null, flags: { ...NO_FLAGS, replacedBy: e.written, promoted, ...(to ? { promotedTo: to } : {}) }, remark: null };
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
