import type { Inline, TableBlock } from './model.ts';
import { inlineText, isEmphasis } from './inline.ts';

const blank = (n: Inline): boolean => n.t === 'text' && n.v.trim() === '';

/** A part of a cell without the white space at its edges (the space between two fused parts). */
function trimEdges(part: Inline[]): Inline[] {
  const out = part.filter((n, i) => !(blank(n) && (i === 0 || i === part.length - 1)));
  const first = out[0];
  if (first?.t === 'text') out[0] = { ...first, v: first.v.trimStart() };
  const last = out[out.length - 1];
  if (last?.t === 'text') out[out.length - 1] = { ...last, v: last.v.trimEnd() };
  return out;
}

/** Split a fused definition at each italic that begins a new term's part (after ")" or "."). */
function definitionParts(def: readonly Inline[], terms: number): Inline[][] {
  const parts: Inline[][] = [[]];
  def.forEach((n, i) => {
    const before = inlineText(parts[parts.length - 1] ?? []).trimEnd();
    if (i > 0 && isEmphasis(n) && /[).]$/u.test(before) && parts.length < terms) parts.push([]);
    parts[parts.length - 1]?.push(n);
  });
  return parts.map(trimEdges);
}

/**
 * Glossary rows the conversion fused: two terms typed in one row and their definitions run together
 * ("sovnarkhoz Sovnarkom" | "sovet narodnogo khozyastva (economic council) Sovet Narodnykh
 * Kommissarov (Council of People's Commissars)."; "troika TsK"). Each term gets its own row, with its
 * part of the definition: a new part begins at an italic after ")" or "." (the next term's Russian).
 * Every word stays, in its row; a row that does not split into as many parts as it has terms is kept
 * as printed. Returns the table and the rows split.
 */
export function splitFusedTermRows(table: TableBlock): { table: TableBlock; split: number[] } {
  const split: number[] = [];
  const headCount = table.headRows.length;
  const rows: { cells: Inline[][]; line: number; head: boolean }[] = [];
  [...table.headRows, ...table.bodyRows].forEach((cells, i) => {
    const line = table.lines[i] ?? 0;
    const head = i < headCount;
    const first = cells[0] ?? [];
    const terms = first.filter(isEmphasis);
    const onlyTerms = first.every((n) => isEmphasis(n) || blank(n));
    const parts = terms.length > 1 && onlyTerms && cells.length === 2 ? definitionParts(cells[1] ?? [], terms.length) : [];
    if (parts.length !== terms.length || terms.length < 2) {
      rows.push({ cells, line, head });
      return;
    }
    split.push(line);
    terms.forEach((term, k) => rows.push({ cells: [[term], parts[k] ?? []], line, head }));
  });
  if (split.length === 0) return { table, split };
  return {
    table: {
      ...table,
      headRows: rows.filter((r) => r.head).map((r) => r.cells),
      bodyRows: rows.filter((r) => !r.head).map((r) => r.cells),
      lines: rows.map((r) => r.line),
    },
    split,
  };
}
