/**
 * The thesis's tables as data: Tables 1–5 of the back matter (Table 4's two printed halves made
 * one table) and the tables printed in the chapters and their notes. Pure functions of the Edition;
 * the arithmetic of every table is checked (src/backmatter/arithmetic.ts).
 */
import type { Edition, Inline, Note, NoteList, Paragraph, Section, TableBlock } from '../pipeline/model.ts';
import { inlineText, isEmphasis } from '../pipeline/inline.ts';
import { slugify } from '../pipeline/classify.ts';
import { numberToSuperscript } from '../pipeline/superscript.ts';
import type { DataCell, DataColumn, DataRow, DataTable, TableNote, TableNoteEmendation } from './table-model.ts';
import { normalisePrinted, parsePrinted } from './numbers.ts';
import { applyChecks, type Check } from './arithmetic.ts';

export type { DataCell, DataColumn, DataRow, DataTable, TableNote, ArithmeticFlag } from './table-model.ts';

const tidy = (s: string): string => s.replace(/\s+/gu, ' ').replace(/\s+([.,;:)])/gu, '$1').trim();

/** Text of a cell in one reading, note markers left out. */
function textOf(cell: readonly Inline[] | undefined, reading: 'original' | 'corrected' = 'corrected'): string {
  return tidy(inlineText(cell ?? [], reading));
}

function makeCell(cell: readonly Inline[] | undefined, line: number): DataCell {
  const printed = tidy(inlineText(cell ?? [], 'original'));
  const n = parsePrinted(printed);
  return { printed, display: normalisePrinted(textOf(cell)), value: n.value, percent: n.percent, decimals: n.decimals, line, flag: null };
}

/** A cell split in two (Table 4's first half prints "2 1.6": count and percentage in one cell). */
function splitCell(cell: readonly Inline[] | undefined, line: number): [DataCell, DataCell] {
  const printed = tidy(inlineText(cell ?? [], 'original')).split(' ');
  const shown = textOf(cell).split(' ');
  const make = (p: string, d: string): DataCell => {
    const n = parsePrinted(p);
    return { printed: p, display: normalisePrinted(d), value: n.value, percent: n.percent, decimals: n.decimals, line, flag: null };
  };
  if (printed.length === 1) return [make(printed[0] ?? '', shown[0] ?? ''), make(printed[0] ?? '', shown[0] ?? '')];
  return [make(printed[0] ?? '', shown[0] ?? ''), make(printed[1] ?? '', shown[1] ?? '')];
}

function section(edition: Edition, id: string): Section {
  const s = edition.sections.find((x) => x.id === id);
  if (!s) throw new Error(`backmatter tables: no section ${id}`);
  return s;
}

function tableBlocks(s: Section, scope: string): TableBlock[] {
  return s.blocks.filter((b): b is TableBlock => b.kind === 'table' && b.scope === scope);
}

function notesOf(s: Section, scope: string): TableNote[] {
  const list = s.blocks.find((b): b is NoteList => b.kind === 'notes' && b.scope === scope);
  return (list?.notes ?? []).map(asTableNote);
}

/** A note of the thesis as a table's note, with its marker as printed ("²"). */
function asTableNote(n: Note): TableNote {
  return tableNote(numberToSuperscript(n.n), n.content);
}

/** A table's note from its text, with the emendations made in it, so a page can mark them. */
function tableNote(marker: string, content: readonly Inline[], text = textOf(content)): TableNote {
  const emendations = emendationsIn(content);
  return emendations.length > 0 ? { marker, text, emendations } : { marker, text };
}

/** The emendations made in some text of the thesis, in reading order. */
function emendationsIn(content: readonly Inline[]): TableNoteEmendation[] {
  return content.flatMap((x): TableNoteEmendation[] => (x.t === 'emend' ? [{ id: x.id, original: x.original, corrected: x.corrected }] : isEmphasis(x) ? emendationsIn(x.c) : []));
}

function headingText(s: Section, id: string): string {
  const h = s.blocks.find((b) => b.kind === 'heading' && b.id === id);
  return h && h.kind === 'heading' ? textOf(h.content) : id;
}

/** Row lines: a table block's lines are its head rows then its body rows, one line each. */
function rowLine(t: TableBlock, bodyIndex: number): number {
  return t.lines[t.headRows.length + bodyIndex] ?? t.lines[0] ?? 0;
}

function expectHeader(t: TableBlock, row: number, expected: readonly string[], label: string): void {
  const got = (t.headRows[row] ?? []).map((c) => textOf(c));
  expected.forEach((e, i) => {
    if (!(got[i] ?? '').includes(e)) throw new Error(`backmatter tables: ${label} header cell ${i} should contain "${e}", found "${got[i] ?? ''}"`);
  });
}

function finish(table: Omit<DataTable, 'flags'>, checks: readonly Check[]): DataTable {
  const t: DataTable = { ...table, flags: [] };
  t.flags = applyChecks(t, checks);
  return t;
}

function baseTable(s: Section, n: number, blocks: TableBlock[]): Pick<DataTable, 'key' | 'n' | 'title' | 'section' | 'href' | 'blockIds' | 'lines'> {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return {
    key: `table-${n}`,
    n,
    title: headingText(s, `table-${n}`),
    section: s.id,
    href: `/${s.slug}/#table-${n}`,
    blockIds: blocks.map((b) => b.id),
    lines: [first?.lines[0] ?? 0, last?.lines[last.lines.length - 1] ?? 0],
  };
}

const stripSource = (t: string): string => t.replace(/^Source:\s*/u, '');

/**
 * The notes whose markers stand in a table's caption ("Education of Party Members by Social
 * Origin⁵") or, for a table without one, at the end of the sentence that introduces it ("the
 * following figures were quoted¹⁰:"): its sources.
 */
function captionNotes(s: Section, t: TableBlock): Note[] {
  const at = s.blocks.indexOf(t);
  const before = at > 0 ? s.blocks[at - 1] : undefined;
  const leadIn = t.caption === null && before?.kind === 'paragraph' && /:\s*$/u.test(textOf(before.content)) ? before.content : [];
  // Only the markers of the lead-in's last sentence: earlier ones cite the prose.
  const lastSentence = leadIn.slice(leadIn.findLastIndex((n) => n.t === 'text' && /[.?!]\s+\S/u.test(n.v)) + 1);
  const ids = new Set([...(t.caption ?? []), ...lastSentence].flatMap((n) => (n.t === 'ref' ? [n.noteId] : [])));
  return s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes.filter((n) => ids.has(n.id)) : []));
}

/**
 * The citation in a note that also explains a table: from its first sentence that says where the
 * figures come from ("…explained by the territorial expansion of the area in 1929. Figures for
 * Moscow from …; national figures from Rigby, op. cit., p. 52." → "Figures for Moscow from …").
 */
export function sourceCitation(text: string): string | null {
  if (/^Source/u.test(text)) return stripSource(text);
  const sentences = text.split(/(?<=\.)\s+(?=[A-Z])/u);
  const at = sentences.findIndex((x) => /^(?:Percentages based|(?:[A-Z][^.]*?\s)?[Ff]igures (?:for [^.]*?)?from\b)/u.test(x));
  return at < 0 ? null : sentences.slice(at).join(' ');
}

// ── Table 1: population of Moscow ────────────────────────────────────────────────────────────

function table1(s: Section): DataTable {
  const [t] = tableBlocks(s, 'table-1');
  if (!t) throw new Error('backmatter tables: Table 1 not found');
  expectHeader(t, 0, ['Year', 'Population', 'Percentage'], 'Table 1');
  const columns: DataColumn[] = [
    { key: 'population', label: 'Population size', group: null, measure: 'count' },
    { key: 'pct-previous', label: 'Percentage of previous year', group: null, measure: 'percent' },
  ];
  const rows: DataRow[] = t.bodyRows.map((r, i) => {
    const year = textOf(r[0]);
    return { key: year, label: year, name: year, group: null, kind: 'data', cells: [makeCell(r[1], rowLine(t, i)), makeCell(r[2], rowLine(t, i))], line: rowLine(t, i) };
  });
  const notes = notesOf(s, 'table-1');
  const checks: Check[] = rows.slice(1).map((r, i) => ({
    kind: 'ratio',
    target: { row: r.key, column: 'pct-previous' },
    numerator: { row: r.key, column: 'population' },
    denominator: { row: rows[i]!.key, column: 'population' },
  }));
  return finish(
    {
      ...baseTable(s, 1, [t]),
      units: 'Persons, on 1 January of each year; percentage of the previous year’s population.',
      stub: 'Year',
      columns,
      rows,
      notes,
      sources: notes.slice(0, 1).map((n) => stripSource(n.text)),
      editorial: ['Figures printed with a space after each thousands comma (“1, 665, 800”) are shown closed up (“1,665,800”); the printed reading is kept and listed among the emendations.'],
    },
    checks,
  );
}

// ── Table 2: social composition of Moscow's population ───────────────────────────────────────

const T2_PARTS_EMPLOYED = ['workers', 'employees', 'ancillary-workers', 'domestics'];
const T2_PARTS_TOTAL = ['all-employed-workers', 'self-employed-craftsmen', 'students-receiving-stipends', 'pensioners', 'unemployed', 'not-working', 'dependants', 'others'];

function table2(s: Section): DataTable {
  const [t] = tableBlocks(s, 'table-2');
  if (!t) throw new Error('backmatter tables: Table 2 not found');
  expectHeader(t, 0, ['', '1926', '1931', '1933', '1933 as a % of 1926'], 'Table 2');
  const columns: DataColumn[] = [
    { key: '1926', label: '1926', group: null, measure: 'value' },
    { key: '1931', label: '1931', group: null, measure: 'value' },
    { key: '1933', label: '1933', group: null, measure: 'value' },
    { key: 'pct-1933-1926', label: '1933 as a % of 1926', group: null, measure: 'percent' },
  ];
  const rows: DataRow[] = t.bodyRows.map((r, i) => {
    const label = textOf(r[0]);
    const key = slugify(label);
    const kind = key === 'total-population' ? 'total' : key === 'all-employed-workers' ? 'subtotal' : 'data';
    return { key, label, name: label, group: null, kind, cells: [1, 2, 3, 4].map((c) => makeCell(r[c], rowLine(t, i))), line: rowLine(t, i) };
  });
  const checks: Check[] = [];
  for (const col of ['1926', '1931', '1933']) {
    checks.push({ kind: 'sum', target: { row: 'all-employed-workers', column: col }, parts: T2_PARTS_EMPLOYED.map((row) => ({ row, column: col })) });
    checks.push({ kind: 'sum', target: { row: 'total-population', column: col }, parts: T2_PARTS_TOTAL.map((row) => ({ row, column: col })) });
  }
  for (const r of rows) checks.push({ kind: 'ratio', target: { row: r.key, column: 'pct-1933-1926' }, numerator: { row: r.key, column: '1933' }, denominator: { row: r.key, column: '1926' } });
  const notes = notesOf(s, 'table-2');
  return finish(
    {
      ...baseTable(s, 2, [t]),
      units: 'Thousands of persons on 17 December 1926, 1 April 1931 and 1 July 1933; the last column gives 1933 as a percentage of 1926.',
      stub: 'Social group (thousands)',
      columns,
      rows,
      notes,
      sources: notes.slice(0, 1).map((n) => stripSource(n.text)),
      editorial: ['“All employed workers” is the sum of the four rows above it; the total population is the sum of “All employed workers” and the rows below it.'],
    },
    checks,
  );
}

// ── Table 3: capital investment ──────────────────────────────────────────────────────────────

const T3_NAMES: Record<string, string> = {
  'of-which-group-a': 'Group A',
  'group-b': 'Group B',
  'of-which-machine-building': 'of which machine-building',
};

function table3(s: Section): DataTable {
  const [t] = tableBlocks(s, 'table-3');
  if (!t) throw new Error('backmatter tables: Table 3 not found');
  expectHeader(t, 1, ['', '1927/28', '1928/29', '1932', '1928-1/1/33'], 'Table 3');
  const columns: DataColumn[] = ['1927/28', '1928/29', '1932', '1928-1/1/33'].map((label) => ({ key: slugify(label), label, group: 'Investment (thousands of rubles)', measure: 'value' }));
  let group: string | null = null;
  const rows: DataRow[] = [];
  t.bodyRows.forEach((r, i) => {
    const label = textOf(r[0]);
    if (r.slice(1).every((c) => textOf(c) === '')) {
      group = label; // "Main branches": a heading row, not data
      return;
    }
    const key = label.startsWith('"') ? 'group-b' : slugify(label.replace(/- /gu, '-'));
    rows.push({ key, label, name: T3_NAMES[key] ?? label, group, kind: key === 'total-in-moscow' ? 'total' : 'data', cells: [1, 2, 3, 4].map((c) => makeCell(r[c], rowLine(t, i))), line: rowLine(t, i) });
  });
  const checks: Check[] = columns.map((c) => ({ kind: 'sum', target: { row: 'total-in-moscow', column: c.key }, parts: [{ row: 'of-which-group-a', column: c.key }, { row: 'group-b', column: c.key }] }));
  const notes = notesOf(s, 'table-3');
  return finish(
    {
      ...baseTable(s, 3, [t]),
      units: 'Thousands of rubles at current prices; the last column is the total for 1928 to 1 January 1933.',
      stub: 'Branch of Industry', // as printed
      columns,
      rows,
      notes,
      sources: notes.slice(0, 1).map((n) => stripSource(n.text)),
      editorial: [
        'The total is the sum of group A (producer goods) and group B (consumer goods). The main branches are a selection and do not add up to the total; machine-building is part of metalworking.',
      ],
    },
    checks,
  );
}

// ── Table 4: delegates to Moscow Party conferences ───────────────────────────────────────────

export interface Conference {
  key: string;
  /** Column heading as printed ("XV 1/27", "III 1/32 MOK"). */
  label: string;
  /** Who met: the gubernia, oblast' or city conference. */
  name: string;
  /** Year and month, for ordering and charts. */
  date: string;
}

/** The nine columns of Table 4, named from the table's own list of sources. */
export const CONFERENCES: readonly Conference[] = [
  { key: 'xiii-1925', label: 'XIII 1/25', name: 'XIII Moscow Gubernia Conference', date: '1925-01' },
  { key: 'xv-1927', label: 'XV 1/27', name: 'XV Moscow Gubernia Conference', date: '1927-01' },
  { key: 'xvi-1927', label: 'XVI 11/27', name: 'XVI Moscow Gubernia Conference', date: '1927-11' },
  { key: 'xvii-1929', label: 'XVII 3/29', name: 'XVII Moscow Gubernia Conference', date: '1929-03' },
  { key: 'i-1929', label: 'I 9/29', name: "I Moscow Oblast' Conference", date: '1929-09' },
  { key: 'iii-1932-mok', label: 'III 1/32 MOK', name: "III Moscow Oblast' Conference (MOK)", date: '1932-01' },
  { key: 'iii-1932-mgk', label: 'III 1/32 MGK', name: 'II Moscow City Conference (MGK)', date: '1932-01' },
  { key: 'iv-1934-mok', label: 'IV 1/34 MOK', name: "IV Moscow Oblast' Conference (MOK)", date: '1934-01' },
  { key: 'iv-1934-mgk', label: 'IV 1/34 MGK', name: 'III Moscow City Conference (MGK)', date: '1934-01' },
];

/** Table 4's rows, recognised by the start of their printed label, with short keys and names. */
const T4_ROWS: readonly { key: string; name: string; label: RegExp }[] = [
  { key: 'tsk', name: 'TsK', label: /^Representatives of the TsK/u },
  { key: 'mk', name: 'MK (including heads of otdely)', label: /^Representatives of the MK/u },
  { key: 'raikoms', name: 'Raikoms (RKs)', label: /^Representatives of the RKs/u },
  { key: 'local', name: 'Local organisations outside Moscow', label: /^Representatives of local organisations/u },
  { key: 'soviet', name: 'Soviet organisations', label: /^Representatives of Soviet/u },
  { key: 'trade-unions', name: 'Trade unions', label: /^Representatives of trade union/u },
  { key: 'managers', name: 'Heads of trusts, directors of factories', label: /^Heads of trusts/u },
  { key: 'komsomol', name: 'Komsomol', label: /^Representatives of Komsomol/u },
  { key: 'military', name: 'Military', label: /^Representatives of military/u },
  { key: 'press', name: 'Press', label: /^Representatives of the press/u },
  { key: 'gpu', name: 'GPU', label: /^Representatives of the GPU/u },
  { key: 'education', name: 'Educational establishments', label: /^Representatives of educational/u },
  { key: 'cell-secretaries', name: 'Cell secretaries', label: /^Secretaries of local/u },
  { key: 'workers', name: 'Workers', label: /^Workers/u },
  { key: 'others', name: 'Others', label: /^Others/u },
  { key: 'women', name: 'Women', label: /^Women/u },
  { key: 'members', name: 'Members', label: /^Total members/u },
  { key: 'candidates', name: 'Candidates', label: /^candidates/u },
  { key: 'total', name: 'Total', label: /^Total$/u },
];

/** Rows of Table 4 that divide the delegates by organisation (they should add up to the total). */
export const T4_CATEGORY_ROWS: readonly string[] = T4_ROWS.slice(0, 15).map((r) => r.key);

function table4(s: Section): DataTable {
  const [first, second] = tableBlocks(s, 'table-4');
  if (!first || !second) throw new Error('backmatter tables: Table 4 (two halves) not found');
  expectHeader(first, 1, ['', 'XIII 1/25', 'XV 1/27', 'XVI 11/27', 'XVII 3/29', 'I 9/29', 'III 1/32', 'IV 1/34'], 'Table 4');
  expectHeader(second, 2, ['Delegates', '', '', '', '', '', 'MOK', 'MGK', 'MOK', 'MGK'], 'Table 4 (second half)');
  const columns: DataColumn[] = CONFERENCES.flatMap((c) => [
    { key: `${c.key}-n`, label: 'Delegates', group: c.label, measure: 'count' as const },
    { key: `${c.key}-pct`, label: '%', group: c.label, measure: 'percent' as const },
  ]);
  const rows: DataRow[] = [];
  const editorial: string[] = [
    'The thesis prints this table in two halves on two pages. In the first half each cell holds the number of delegates and their percentage (“2 1.6”); in the second a row of numbers is followed by a row of percentages. Here both are one table, with numbers and percentages in separate columns.',
    'The first half prints the column headings “III 1/32 MOK MGK” and “IV 1/34 MOK MGK” over nine columns of figures; as in the second half, the MOK (oblast’ conference) and MGK (city conference) figures are separate columns.',
  ];
  const push = (label: string, cells: (DataCell | null)[], line: number): void => {
    const clean = tidy(label.replace(/\s*%$/u, ''));
    const spec = T4_ROWS.find((r) => r.label.test(clean));
    if (!spec) throw new Error(`backmatter tables: unexpected Table 4 row "${clean}" (line ${line})`);
    // Women cut across the organisations (counting them with those would break every total): a group of their own.
    const group = T4_CATEGORY_ROWS.includes(spec.key) ? 'By organisation' : spec.key === 'women' ? 'Of all delegates' : 'By status';
    rows.push({ key: spec.key, label: clean, name: spec.name, group, kind: spec.key === 'total' ? 'total' : 'data', cells, line });
  };
  // First half: one row per category, each cell "count percentage".
  first.bodyRows.forEach((r, i) => {
    const line = rowLine(first, i);
    push(textOf(r[0]), r.slice(1, 10).flatMap((c) => splitCell(c, line)), line);
  });
  // Second half: a row of counts, then a row "%" of percentages.
  second.bodyRows.forEach((r, i) => {
    const line = rowLine(second, i);
    const label = textOf(r[0]);
    const last = rows[rows.length - 1];
    if (label === '%' && last) {
      r.slice(1, 10).forEach((c, k) => (last.cells[2 * k + 1] = makeCell(c, line)));
      return;
    }
    if (label.startsWith('Party cells') && last) {
      // The label's second line, printed with a copy of the percentages of the row below it.
      last.label = tidy(`${last.label} ${label}`);
      editorial.push(`The row label “Secretaries of local (factory or office level) Party cells” runs over two lines (source lines ${last.line}–${line}); its second line repeats the figures of the percentage row below it (${r.slice(1, 10).map((c) => textOf(c)).join(' ')}). They are read as percentages once.`);
      return;
    }
    push(label, r.slice(1, 10).flatMap((c) => [makeCell(c, line), null]), line);
  });
  const checks: Check[] = [];
  for (const c of CONFERENCES) {
    const n = `${c.key}-n`;
    const pct = `${c.key}-pct`;
    checks.push({ kind: 'sum', target: { row: 'total', column: n }, parts: ['members', 'candidates'].map((row) => ({ row, column: n })) });
    for (const r of rows) if (r.key !== 'total') checks.push({ kind: 'ratio', target: { row: r.key, column: pct }, numerator: { row: r.key, column: n }, denominator: { row: 'total', column: n }, exact: true });
    checks.push({ kind: 'sum', target: { row: 'total', column: n }, parts: T4_CATEGORY_ROWS.map((row) => ({ row, column: n })) });
  }
  const notes: TableNote[] = [
    ...notesOf(s, 'table-4'),
    ...s.blocks
      .filter((b): b is Paragraph => b.kind === 'paragraph' && b.scope === 'table-4' && /^\d\.\s/u.test(textOf(b.content)))
      .map((b) => {
        const text = textOf(b.content);
        return tableNote(text.slice(0, 2), b.content, text.slice(2).trim());
      }),
  ];
  const sourceParagraphs = s.blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && b.scope === 'table-4' && !/^\d\.\s/u.test(textOf(b.content)));
  const sources = sourceParagraphs.map((b) => textOf(b.content));
  const sourceEmendations = sourceParagraphs.map((b) => emendationsIn(b.content));
  return finish(
    {
      ...baseTable(s, 4, [first, second]),
      units: 'Delegates (full and candidate members with a vote at the conference), and their percentage of all delegates to that conference.',
      stub: 'Delegates',
      columns,
      rows,
      notes,
      sources,
      sourceEmendations,
      editorial,
    },
    checks,
  );
}

// ── Table 5: party membership ────────────────────────────────────────────────────────────────

function table5(s: Section): DataTable {
  const [t] = tableBlocks(s, 'table-5');
  if (!t) throw new Error('backmatter tables: Table 5 not found');
  expectHeader(t, 1, ['', 'Members', 'Candidates', 'Total', 'Members', 'Candidates', 'Total'], 'Table 5');
  const columns: DataColumn[] = (['moscow', 'province'] as const).flatMap((where) =>
    ['members', 'candidates', 'total'].map((m) => ({
      key: `${where}-${m}`,
      label: m[0]!.toUpperCase() + m.slice(1),
      group: where === 'moscow' ? 'In Moscow' : 'In the Moscow province as a whole',
      measure: 'count' as const,
    })),
  );
  const rows: DataRow[] = t.bodyRows.map((r, i) => {
    const label = textOf(r[0]);
    const key = label.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
    return { key, label, name: label, group: null, kind: 'data', cells: [1, 2, 3, 4, 5, 6].map((c) => makeCell(r[c], rowLine(t, i))), line: rowLine(t, i) };
  });
  const checks: Check[] = rows.flatMap((r) =>
    (['moscow', 'province'] as const).map((w): Check => ({ kind: 'sum', target: { row: r.key, column: `${w}-total` }, parts: [{ row: r.key, column: `${w}-members` }, { row: r.key, column: `${w}-candidates` }] })),
  );
  const notes = notesOf(s, 'table-5');
  return finish(
    {
      ...baseTable(s, 5, [t]),
      units: 'Party members and candidate members on 1 January of each year (and in July 1929), in the city of Moscow and in the Moscow province (gubernia, from 1929 oblast’) as a whole, which includes the city.',
      stub: 'Year',
      columns,
      rows,
      notes,
      sources: notes.slice(0, 1).map((n) => stripSource(n.text)),
      editorial: [],
    },
    checks,
  );
}

// ── Tables in the chapters and their notes ───────────────────────────────────────────────────

interface InlineSpec {
  title: string;
  units: string;
  /** Which sums to check: each data row's cells add up to about 100 (percentages by row), or each column's. */
  sums?: 'rows-100' | 'columns-100';
  /** Column keys that take part in the sum (default: all). */
  sumColumns?: string[];
  /** Header of the row labels, where the table prints none. */
  stub?: string;
}

/** Editorial titles of the untitled tables (keyed '<section>/<block>'). */
const INLINE_SPECS: Record<string, InlineSpec> = {
  'chapter-2/ch2.1-n30-tbl-1': { title: 'Moscow and Leningrad Party organisations by social origin, 1925', units: 'Percentage of members by social origin.', sums: 'columns-100' },
  'chapter-3/tbl-1': { title: "Social origin of Party members in Moscow oblast' and city, 1931 and 1932", units: 'Percentage of members by social origin.', sums: 'rows-100' },
  'chapter-3/tbl-2': { title: 'Social composition of the Moscow, Leningrad and Baku Party organisations compared, 1 January 1928', units: 'Percentage of workers, peasants and employees by social origin.', sums: 'rows-100' },
  'chapter-3/ch3-n20-tbl-1': { title: 'Recruitment: percentage increase in membership, 1928–30 and 1930–32', units: 'Percentage increase.' },
  'chapter-3/ch3-n31-tbl-2': { title: 'Social composition of the VKP(b) by social origin, 1927', units: 'Percentage of members, candidates and all.', sums: 'rows-100', sumColumns: ['workers', 'peasants', 'white-collar', 'other'] },
  'chapter-3/ch3-n47-tbl-2': { title: 'Literacy rates among textile and metal workers in Moscow, 1929', units: "Percentage 'illiterate'." },
  'chapter-3/ch3-n53-tbl-1': { title: 'Party membership by size of factory in Moscow, 1928', units: 'Percentage of communists among the workforce, by number employed.' },
  'chapter-5/tbl-1': { title: 'Education of Party members by social origin', units: 'Percentage of each social group.', sums: 'rows-100' },
  'chapter-6/tbl-1': { title: 'Promotion into the state apparatus, 1924–1929', units: 'Numbers of people.' },
  'chapter-6/tbl-2': { title: 'Composition of cell buros in selected Moscow factories by social origin and Party stazh', units: 'Percentages.' },
};

/** Column keys and labels from a table's header rows; a spanning header becomes the group. */
function inlineColumns(t: TableBlock): DataColumn[] {
  const width = Math.max(...[...t.headRows, ...t.bodyRows].map((r) => r.length));
  const heads = t.headRows.filter((r) => r.slice(1).some((c) => textOf(c) !== ''));
  const cols: DataColumn[] = [];
  for (let i = 1; i < width; i++) {
    const parts = heads.map((r) => textOf(r[i]));
    // A header cell followed by empty cells spans them when a lower header row fills them in.
    let group: string | null = null;
    heads.forEach((r, k) => {
      if (k === heads.length - 1) return;
      for (let j = i; j >= 1; j--) {
        const v = textOf(r[j]);
        if (v !== '') {
          const lower = heads.slice(k + 1).some((h) => textOf(h[i]) !== '');
          if (j < i || lower) group = v;
          if (j < i) parts[k] = '';
          break;
        }
      }
    });
    const label = tidy(parts.filter((p) => p !== '' && p !== group).join(' ')) || group || `Column ${i}`;
    const percentish = t.bodyRows.some((r) => /%$/u.test(textOf(r[i])));
    cols.push({ key: slugify(`${group && label !== group ? `${group} ` : ''}${label}`) || `c${i}`, label, group: group === label ? null : group, measure: percentish ? 'percent' : 'value' });
  }
  // Keys must be unique within a table.
  const seen = new Map<string, number>();
  for (const c of cols) {
    const k = seen.get(c.key) ?? 0;
    seen.set(c.key, k + 1);
    if (k > 0) c.key = `${c.key}-${k + 1}`;
  }
  return cols;
}

function inlineTable(s: Section, t: TableBlock, note: Note | null): DataTable {
  const specKey = `${s.id}/${t.id}`;
  const spec = INLINE_SPECS[specKey] ?? { title: t.caption ? textOf(t.caption) : `Table in ${s.label}`, units: '' };
  const columns = inlineColumns(t);
  // Header rows with only a first cell ("In oblast'") head a group of body rows, like body rows with empty figures.
  const all = [...t.headRows.map((r, i) => ({ r, line: t.lines[i] ?? 0, head: true })), ...t.bodyRows.map((r, i) => ({ r, line: rowLine(t, i), head: false }))];
  let stub = '';
  let group: string | null = null;
  const rows: DataRow[] = [];
  // A label-only row heads a group of rows when the body has such rows too ("In city of Moscow"); else it labels the stub.
  const bodyGroups = t.bodyRows.some((r) => textOf(r[0]) !== '' && r.slice(1).every((c) => textOf(c) === ''));
  for (const { r, line, head } of all) {
    const label = textOf(r[0]);
    const empty = r.slice(1).every((c) => textOf(c) === '');
    if (head && (!empty || !bodyGroups)) {
      stub ||= label;
      continue;
    }
    if (empty) {
      if (label !== '') group = label;
      continue;
    }
    const key = slugify(`${group ? `${group} ` : ''}${label}`) || `r${rows.length + 1}`;
    rows.push({ key, label, name: group ? `${label} (${group})` : label, group, kind: /^total$/iu.test(label) ? 'total' : 'data', cells: columns.map((_, i) => makeCell(r[i + 1], line)), line });
  }
  const checks: Check[] = [];
  const sumCols = spec.sumColumns ?? columns.map((c) => c.key);
  if (spec.sums === 'rows-100') {
    for (const r of rows) checks.push({ kind: 'sum', target: { row: r.key, column: '__100' }, parts: sumCols.map((column) => ({ row: r.key, column })) });
  }
  if (spec.sums === 'columns-100') {
    for (const c of sumCols) checks.push({ kind: 'sum', target: { row: '__100', column: c }, parts: rows.map((r) => ({ row: r.key, column: c })) });
  }
  const key = slugify(`${s.id}-${t.id}`);
  const caption = t.caption ? textOf(t.caption) : null;
  // Notes printed under a table inside a note, and the notes its caption's markers call (its source).
  const notes: TableNote[] = [
    ...captionNotes(s, t).map(asTableNote),
    ...(note ? note.extra.filter((x): x is Paragraph => x.kind === 'paragraph').map((p) => tableNote('', p.content)) : []),
  ];
  const table: DataTable = {
    key,
    n: null,
    title: spec.title,
    section: s.id,
    href: `/${s.slug}/#${t.id}`,
    blockIds: [t.id],
    lines: [t.lines[0] ?? 0, t.lines[t.lines.length - 1] ?? 0],
    units: spec.units,
    stub: stub || spec.stub || '',
    columns,
    rows,
    notes,
    sources: notes.flatMap((n) => {
      const cited = sourceCitation(n.text);
      // A caption's note is the table's source even when it is a bare citation ("Iz TsK, 20/6/1928.").
      return cited !== null ? [cited] : n.marker !== '' ? [n.text] : [];
    }),
    editorial: [caption ? `Printed caption: “${caption}”${/[.?!]$/u.test(caption) ? '' : '.'}` : 'The thesis prints this table without a caption; the title is the editor’s.', ...(note ? [`Printed in note ${note.n}: “${textOf(note.content)}”`] : [])],
    flags: [],
  };
  // A row of percentages that should make 100 has no printed total: the flag goes on its label.
  table.flags = applyChecks(withHundred(table), checks).map((f) => {
    const row = table.rows.find((r) => r.key === f.row);
    if (f.column !== '__100' || !row) return f;
    const message = `${row.name}: the percentages of this row add up to ${f.computedText}%, not 100% (${f.rule.replace(/ = .*$/u, '')}).`;
    const id = `${table.key}-${row.key}-row`;
    for (const c of row.cells) if (c?.flag === f.id) c.flag = null;
    return { ...f, id, column: 'row', printed: row.label, line: row.line, message };
  });
  return table;
}

/** A virtual 100 to check percentages that should add up to a whole; never shown or downloaded. */
function withHundred(table: DataTable): DataTable {
  const hundred = (line: number): DataCell => ({ printed: '100', display: '100', value: 100, percent: true, decimals: 1, line, flag: null });
  return {
    ...table,
    columns: [...table.columns, { key: '__100', label: '100', group: null, measure: 'percent' }],
    rows: [...table.rows.map((r) => ({ ...r, cells: [...r.cells, hundred(r.line)] })), { key: '__100', label: '100', name: 'whole', group: null, kind: 'total', cells: table.columns.map(() => hundred(0)), line: 0 }],
  };
}

/** Tables printed in chapters and in their notes, in reading order. */
export function chapterTables(edition: Edition): DataTable[] {
  const out: DataTable[] = [];
  for (const s of edition.sections) {
    if (s.kind !== 'chapter' && s.id !== 'introduction' && s.id !== 'conclusion') continue;
    const found: { line: number; t: TableBlock; note: Note | null }[] = [];
    for (const b of s.blocks) {
      if (b.kind === 'table') found.push({ line: b.lines[0] ?? 0, t: b, note: null });
      if (b.kind === 'notes') for (const n of b.notes) for (const x of n.extra) if (x.kind === 'table') found.push({ line: x.lines[0] ?? 0, t: x, note: n });
    }
    found.sort((a, b) => a.line - b.line).forEach((f) => out.push(inlineTable(s, f.t, f.note)));
  }
  return out;
}

/** Tables 1–5 of the back matter. */
export function numberedTables(edition: Edition): DataTable[] {
  const s = section(edition, 'tables');
  return [table1(s), table2(s), table3(s), table4(s), table5(s)].map((t) => withNoteMarkers(s, t));
}

/** The note markers of a printed cell, as printed ("²"). */
function markersIn(cell: readonly Inline[]): string[] {
  return cell.flatMap((n) => (n.t === 'ref' ? [numberToSuperscript(n.n)] : isEmphasis(n) ? markersIn(n.c) : []));
}

/**
 * Put the printed tables' note markers back where they stood: on the title ("1913-34¹"), a row's
 * label ("Women⁵"), a column's heading ("Population size²") or a group heading ("Investment (thousands of rubles)²"),
 * so that each note of the table says what it is about.
 */
function withNoteMarkers(s: Section, t: DataTable): DataTable {
  const heading = s.blocks.find((b) => b.kind === 'heading' && b.id === `table-${t.n}`);
  const onTitle = heading?.kind === 'heading' ? markersIn(heading.content) : [];
  if (onTitle.length > 0) t.titleNotes = onTitle;
  const blocks = t.blockIds.map((id) => s.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === id)).filter((b): b is TableBlock => b !== undefined);
  for (const b of blocks) {
    for (const row of b.headRows) {
      for (const cell of row) {
        const markers = markersIn(cell);
        if (markers.length === 0) continue;
        const text = textOf(cell);
        const column = t.columns.find((c) => c.label === text);
        const group = t.columns.find((c) => c.group === text);
        if (column) column.notes = [...(column.notes ?? []), ...markers];
        else if (group) group.groupNotes = [...(group.groupNotes ?? []), ...markers];
        else throw new Error(`backmatter tables: ${t.key}: no column for the heading "${text}" that carries note ${markers.join(' ')}`);
      }
    }
    b.bodyRows.forEach((row, i) => {
      const markers = markersIn(row[0] ?? []);
      if (markers.length === 0) return;
      const line = rowLine(b, i);
      const text = textOf(row[0]).replace(/\s*%$/u, '');
      // A label printed over two lines (Table 4's "… Party cells.³") is one row, on its first line.
      const target = t.rows.find((r) => r.line === line) ?? t.rows.find((r) => text !== '' && r.label.includes(text));
      if (!target) throw new Error(`backmatter tables: ${t.key}: no row for line ${line} ("${text}"), which carries note ${markers.join(' ')}`);
      target.notes = [...(target.notes ?? []), ...markers];
    });
  }
  return t;
}

const cache = new WeakMap<Edition, DataTable[]>();

/** Every table of the thesis as data: Tables 1–5, then the chapters' tables. */
export function allTables(edition: Edition): DataTable[] {
  const hit = cache.get(edition);
  if (hit) return hit;
  const all = [...numberedTables(edition), ...chapterTables(edition)];
  cache.set(edition, all);
  return all;
}

export function tableByNumber(edition: Edition, n: number): DataTable {
  const t = allTables(edition).find((x) => x.n === n);
  if (!t) throw new Error(`backmatter tables: no Table ${n}`);
  return t;
}

/** Number of figures (cells with a printed reading, dashes included) in a table. */
export function cellCount(table: DataTable): number {
  return table.rows.reduce((a, r) => a + r.cells.filter((c) => c !== null && c.printed !== '').length, 0);
}
