/**
 * Appendix 1 (composition of the MK Buro 1924–32) as data: each roster (date, body elected,
 * source) with its members by group (secretariat, buro, candidates), their posts as printed and
 * flags such as "new" or "replaces X"; and the changes between rosters (plenums). Names stay as
 * printed here; src/backmatter/people.ts reconciles them into people.
 */
import type { Edition, Inline, NoteList, Section } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';

export type RosterGroup = 'secretariat' | 'secretariat-candidates' | 'buro' | 'candidates';

export const GROUP_LABELS: Record<RosterGroup, string> = {
  secretariat: 'Secretariat',
  'secretariat-candidates': 'Candidate to the secretariat',
  buro: 'Buro member',
  candidates: 'Candidate member of the buro',
};

/** A name as printed: "Kamanev, L.V." → surname Kamanev, initials L.V. */
export interface WrittenName {
  written: string;
  surname: string;
  /** Initials with spaces closed up ("K.Ya."), or null when the roster gives none. */
  initials: string | null;
}

export interface RosterEntry extends WrittenName {
  group: RosterGroup;
  /** The post in brackets as printed, without the "new" flag ("secretary of Sokol'niki raikom"). */
  post: string | null;
  /** Marked "new" in the roster. */
  isNew: boolean;
  /** "Replaces X" in the roster. */
  replaces: WrittenName | null;
  /** Anything else said of the member ("Was secretary of Sokol'niki raikom"). */
  remark: string | null;
  /** The whole line(s) as printed. */
  text: string;
  /** Block (paragraph or table) where the entry is printed, and its source line. */
  block: string;
  line: number;
  /** False for an unnamed ex-officio seat ("secretary of Kaluga okruzhkom (ex-officio)"). */
  named: boolean;
}

export type Body = 'MK' | 'MOK' | 'MGK';

export interface Roster {
  id: string;
  title: string;
  /** 'YYYY-MM' or 'YYYY-MM-DD'. */
  date: string;
  dateLabel: string;
  body: Body;
  /** The citation in the roster's note ("RM 30/1/1925."), if it gives one. */
  source: string | null;
  /** The rest of the note, a comment of the author's. */
  comment: string | null;
  note: number | null;
  /** Anchor of the roster's title in /appendices/. */
  anchor: string;
  entries: RosterEntry[];
}

export interface RosterChange {
  id: string;
  title: string;
  date: string;
  dateLabel: string;
  source: string | null;
  comment: string | null;
  anchor: string;
  /** Each printed line of the change (src/backmatter/people.ts finds the people in them). */
  lines: { text: string; block: string; line: number }[];
}

export interface Appendix1 {
  rosters: Roster[];
  changes: RosterChange[];
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

function bodyOf(title: string): Body {
  if (/gorkom|MGK|City Committee/u.test(title)) return 'MGK';
  if (/MOK|Oblast' Committee/u.test(title)) return 'MOK';
  return 'MK';
}

const GROUP_LABEL = /^(Secretaries|Secretariat|Buro members|Buro|Candidates)\s*:\s*/u;
const INITIALS = /^,?\s*((?:[A-Z][a-z]?\.\s?)*[A-Z][a-z]?\.?)(?=[\s,(]|$)/u;

/** Split a printed name: surname, then initials after a comma ("Bauman, K. Ya.", "Ryabov., A.N.", "Volkov, P.Ya"). */
export function parseName(text: string): { name: WrittenName; rest: string } | null {
  const m = /^([A-Z][\p{L}'’-]+)\.?/u.exec(text);
  if (!m) return null;
  let rest = text.slice(m[0].length);
  let initials: string | null = null;
  const i = /^\s*,\s*/u.test(rest) ? INITIALS.exec(rest) : null;
  if (i && i[1]) {
    initials = i[1].replace(/\s+/gu, '').replace(/([A-Za-z])$/u, '$1.');
    rest = rest.slice(i[0].length);
  }
  rest = rest.replace(/^[\s,.]+/u, '');
  const surname = m[1] as string;
  return { name: { written: initials ? `${surname}, ${initials}` : surname, surname, initials }, rest };
}

/** The bracketed part of an entry: post, "new", "Replaces X", other remarks. */
export function parsePost(raw: string): Pick<RosterEntry, 'post' | 'isNew' | 'replaces' | 'remark'> {
  let t = tidy(raw.replace(/^\(/u, '').replace(/\)\.?$/u, ''));
  let isNew = false;
  let remark: string | null = null;
  if (/^new\b-?\s*/u.test(t)) {
    isNew = true;
    t = t.replace(/^new\b-?\s*/u, '');
  }
  const late = /^(.*?)-\s*new\.?\s*(.*)$/u.exec(t);
  if (late) {
    isNew = true;
    t = late[1] ?? '';
    remark = tidy(late[2] ?? '') || null;
  }
  let replaces: WrittenName | null = null;
  const rep = remark ? /^Replace[sd]\s+(.+?)(?:,\s+who\b.*|\s+after\b.*|\.)?$/u.exec(remark) : null;
  if (rep) {
    const parsed = parseName(rep[1] ?? '');
    if (parsed) replaces = parsed.name;
  }
  return { post: tidy(t).replace(/\.$/u, '') || null, isNew, replaces, remark };
}

function parseEntry(text: string, group: RosterGroup, block: string, line: number): RosterEntry {
  const clean = tidy(text).replace(/\.$/u, (d) => (/\)\.$/u.test(tidy(text)) ? '' : d));
  if (/^[a-z]/u.test(clean)) {
    // An unnamed seat: "secretary of Kaluga okruzhkom (ex-officio)".
    return { written: '', surname: '', initials: null, group, post: clean, isNew: false, replaces: null, remark: null, text: tidy(text), block, line, named: false };
  }
  const parsed = parseName(clean);
  if (!parsed) throw new Error(`rosters: cannot read the entry "${text}" (line ${line})`);
  const rest = parsed.rest.replace(/^\.\s*/u, '');
  const post = rest === '' ? { post: null, isNew: false, replaces: null, remark: null } : parsePost(rest);
  return { ...parsed.name, group, ...post, text: tidy(text), block, line, named: true };
}

/** The lines of Appendix 1 in order: paragraphs and the rows of the table the conversion made of one roster. */
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
    if ((n.t === 'em' || n.t === 'u') && refOf(n.c) !== null) return refOf(n.c);
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
        const text = tidy(row.map((c) => inlineText(c)).join(' '));
        out.push({ kind: 'line', text, block: b.id, line: b.lines[i] ?? 0, note: null });
      });
    }
  }
  return out;
}

function notesOf(s: Section): Map<number, string> {
  const list = s.blocks.find((b): b is NoteList => b.kind === 'notes' && b.scope === 'app-1');
  return new Map((list?.notes ?? []).map((n) => [n.n, tidy(inlineText(n.content))]));
}

/** A note that cites a source, then perhaps comments: "RM 7/4/1929. These were to be the nucleus…". */
function splitNote(text: string | undefined): { source: string | null; comment: string | null } {
  if (!text) return { source: null, comment: null };
  const m = /^((?:RM|P|Pravda|Rabochaya Moskva|IV Plenum)\b.*?\d{4}(?:, resolution)?\.?)\s*(.*)$/u.exec(text);
  if (!m) return { source: null, comment: text };
  return { source: m[1] ?? null, comment: tidy(m[2] ?? '') || null };
}

/** Parse Appendix 1 of the edition. */
export function parseAppendix1(edition: Edition): Appendix1 {
  const s = edition.sections.find((x) => x.id === 'appendices');
  if (!s) throw new Error('rosters: no appendices section');
  const notes = notesOf(s);
  const rosters: Roster[] = [];
  const changes: RosterChange[] = [];
  let roster: Roster | null = null;
  let change: RosterChange | null = null;
  let group: RosterGroup | null = null;
  for (const l of appendixLines(s)) {
    if (l.kind === 'title') {
      const { date, label } = dateOf(l.text);
      const { source, comment } = splitNote(l.note !== null ? notes.get(l.note) : undefined);
      const title = l.text.replace(/[.:]$/u, '');
      if (/buro|elected/iu.test(l.text)) {
        roster = { id: `roster-${date}-${bodyOf(l.text).toLowerCase()}`, title, date, dateLabel: label, body: bodyOf(l.text), source, comment, note: l.note, anchor: l.block, entries: [] };
        rosters.push(roster);
        change = null;
      } else {
        change = { id: `change-${date}`, title, date, dateLabel: label, source, comment, anchor: l.block, lines: [] };
        changes.push(change);
        roster = null;
      }
      group = null;
      continue;
    }
    if (change) {
      change.lines.push({ text: l.text, block: l.block, line: l.line });
      continue;
    }
    if (!roster) continue;
    let text = l.text;
    const label = GROUP_LABEL.exec(text);
    if (label) {
      const word = label[1] as string;
      group = word.startsWith('Secretar') ? 'secretariat' : word.startsWith('Buro') ? 'buro' : group === 'secretariat' ? 'secretariat-candidates' : 'candidates';
      text = text.slice(label[0].length);
    }
    if (text === '') continue;
    if (!group) throw new Error(`rosters: entry before any group label in ${roster.title}: "${text}" (line ${l.line})`);
    const last = roster.entries[roster.entries.length - 1];
    // A bracket left open continues on the next line ("raikom-new." / "Replaces Yurevich, E.I.)").
    if (last && (last.text.match(/\(/gu) ?? []).length > (last.text.match(/\)/gu) ?? []).length) {
      const merged = parseEntry(`${last.text} ${text}`, last.group, last.block, last.line);
      roster.entries[roster.entries.length - 1] = merged;
      continue;
    }
    roster.entries.push(parseEntry(text, group, l.block, l.line));
  }
  // A roster's source is its own note, or else the change it completes (November 1928).
  rosters.forEach((r) => {
    if (r.source) return;
    const before = changes.filter((c) => c.date <= r.date && c.source).pop();
    if (before) r.source = before.source;
  });
  return { rosters, changes };
}

/** Members of a roster by group. */
export function groupCounts(r: Roster): Record<RosterGroup, number> {
  const counts: Record<RosterGroup, number> = { secretariat: 0, 'secretariat-candidates': 0, buro: 0, candidates: 0 };
  for (const e of r.entries) counts[e.group]++;
  return counts;
}
