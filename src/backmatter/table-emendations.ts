/**
 * The emendations the tables need, derived from the tables themselves: figures typed with a space
 * after a thousands comma (`1, 665, 800` → `1,665,800`), and an editorial note (printed value kept)
 * on every figure whose arithmetic fails, giving the computed value. content/emendations/tables.json
 * is written from this (src/backmatter/tools/write-table-emendations.ts) and a unit test keeps the two in step.
 */
import type { Edition, Emendation, SourceLine } from '../pipeline/model.ts';
import { allTables, type ArithmeticFlag, type DataTable } from './tables.ts';
import { normalisePrinted } from './numbers.ts';

/** What the figures suggest went wrong, where the editor can say (keyed by flag id). */
const EXPLANATIONS: Record<string, string> = {
  'table-2-all-employed-workers-1931': 'The four groups above it add up to 1,315.5, exactly 10.0 less than printed.',
  'table-2-total-population-1931': 'The groups listed add up to 32.2 thousand less than the printed total, 42.2 less if All employed workers is taken as the sum of its four groups (1,315.5; see the check on that row); the table may leave out a group (no unemployed are given for 1931).',
  'table-2-total-population-1933': 'The groups listed add up to 25.4 thousand less than the printed total; the table may leave out a group (no unemployed are given for 1933).',
  'table-4-others-xiii-1925-pct': 'The printed 38.6% is 49 of 127 delegates, and 127 − 78 = 49: the printed count 78 is the sum of the other categories, and seems to stand where 49 was meant.',
  'table-4-total-xiii-1925-n': 'With “Others” as 49 (38.6% of 127) rather than the printed 78, the categories add up to 127, as do members and candidates (101 + 26).',
  'table-4-raikoms-xv-1927-pct': 'A leading digit seems to have been lost (10.7).',
  'table-5-1926-moscow-total': 'The printed figure repeats the 1925 total in the row above.',
  'table-5-1927-moscow-total': 'The printed figure is the sum with two digits transposed (97,458 → 97,548).',
  'table-4-workers-xvi-1927-pct': '19.6% of 195 would be 38 delegates.',
  'chapter-3-tbl-2-baku-row': 'Each row gives a whole Party organisation by social origin, so should make 100%.',
};

function occurrences(haystack: string, needle: string): number {
  return needle === '' ? 0 : haystack.split(needle).length - 1;
}

/** The shortest printed text that names the flagged figure exactly once on its line. */
function anchorText(line: string, f: ArithmeticFlag, table: DataTable): string | null {
  if (occurrences(line, f.printed) === 1) return f.printed;
  const row = table.rows.find((r) => r.key === f.row);
  const cell = row?.cells.find((c) => c?.flag === f.id);
  return cell && occurrences(line, cell.printed) === 1 ? cell.printed : null;
}

/** The reason shown with a flagged figure: printed, computed, how, and what the editor makes of it. */
export function flagReason(f: ArithmeticFlag, table: DataTable): string {
  const where = table.n !== null ? `Table ${table.n}` : table.title;
  const explanation = EXPLANATIONS[f.id];
  return `Arithmetic check (${where}): ${f.message} The printed figure is kept.${explanation ? ` ${explanation}` : ''}`;
}

export interface TableEmendationDraft extends Omit<Emendation, 'id'> {
  /** The flag this note records, if it is one. */
  flag: string | null;
}

/** Every emendation the tables call for, in source-line order (ids are assigned by the writer). */
export function tableEmendationDrafts(edition: Edition, lines: readonly SourceLine[]): TableEmendationDraft[] {
  const out: TableEmendationDraft[] = [];
  const flagged = new Set<string>();
  for (const t of allTables(edition)) {
    for (const f of t.flags) {
      const text = lines[f.line - 1]?.text ?? '';
      const original = anchorText(text, f, t);
      if (!original) throw new Error(`table emendations: cannot place the flag ${f.id} on line ${f.line} ("${f.printed}" is not unique there)`);
      flagged.add(`${f.line}\u0000${original}`);
      // A flagged figure typed with a spaced thousands comma is closed up like the others, and says so.
      const corrected = normalisePrinted(original);
      const closedUp = corrected === original ? '' : ` Typed “${original}”, with a space after the thousands comma; shown closed up.`;
      out.push({ line: f.line, original, corrected, reason: `${flagReason(f, t)}${closedUp}`, count: 1, kind: 'editorial-note', flag: f.id });
    }
  }
  for (const t of allTables(edition)) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        if (!c || normalisePrinted(c.printed) === c.printed || flagged.has(`${c.line}\u0000${c.printed}`)) continue;
        flagged.add(`${c.line}\u0000${c.printed}`);
        out.push({ line: c.line, original: c.printed, corrected: normalisePrinted(c.printed), reason: 'Figure typed with a space after each thousands comma; shown closed up (this record keeps the printed reading).', count: occurrences(lines[c.line - 1]?.text ?? '', c.printed), kind: 'emendation', flag: null });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.original.localeCompare(b.original));
}
