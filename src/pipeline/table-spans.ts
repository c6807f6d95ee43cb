import type { Inline } from './model.ts';
import { inlineText } from './inline.ts';

/**
 * How many columns each header cell of a typed table spans. The conversion kept the typist's tabs,
 * not the layout: a heading typed across several columns arrives as one cell followed by empty ones,
 * or as one cell over as many columns as it names. Two rules, each applied only where it fits:
 *
 * - A group heading ("Investment (thousands of rubles)", "In Moscow", "No. of promotees") is a cell
 *   followed by empty cells in its row, over columns that a later header row labels: it spans them.
 * - A heading that ends in two or more capitalised labels of its own ("III 1/32 MOK MGK", Table 4's
 *   first half, where the second half types "III 1/32" over "MOK" and "MGK") spans that many
 *   columns, provided the row then fits the table's width exactly.
 *
 * Returns, per header row, per cell, its span; 0 for a cell another's span covers (it is empty).
 * Null when every span is 1.
 */
export function headerSpans(headRows: readonly (readonly Inline[])[][], width: number): number[][] | null {
  const texts = headRows.map((r) => Array.from({ length: width }, (_, i) => inlineText(r[i] ?? []).trim()));
  let changed = false;
  // Bottom-up, so that a group heading spans the columns the rows below it label, after their own spans.
  const spans: number[][] = [];
  const covered: boolean[][] = [];
  for (let k = texts.length - 1; k >= 0; k--) {
    const row = texts[k] as string[];
    let out = labelSpans(row, width);
    if (out) changed = true;
    else {
      const own = row.map(() => 1);
      row.forEach((text, i) => {
        if (i === 0 || text === '' || own[i] === 0) return;
        let end = i + 1;
        while (end < width && row[end] === '' && covered.some((c) => c[end])) end++;
        if (end - i < 2) return;
        own[i] = end - i;
        for (let j = i + 1; j < end; j++) own[j] = 0;
        changed = true;
      });
      out = own;
    }
    spans.unshift(out);
    covered.unshift(coverage(row, out, width));
  }
  return changed ? spans : null;
}

/** The columns a header row's non-empty cells cover, with their spans. */
function coverage(row: readonly string[], spans: readonly number[], width: number): boolean[] {
  const out: boolean[] = Array.from({ length: width }, () => false);
  let col = 0;
  row.forEach((text, i) => {
    const span = spans[i] ?? 1;
    if (span === 0) return;
    for (let j = col; j < Math.min(width, col + span); j++) out[j] = text !== '';
    col += span;
  });
  return out;
}

/** "III 1/32 MOK MGK" → 2: the run of capitalised labels that ends a heading (two or more). */
function trailingLabels(text: string): number {
  const words = text.split(/\s+/u);
  let n = 0;
  while (n < words.length - 1 && /^[A-Z]{2,}$/u.test(words[words.length - 1 - n] as string)) n++;
  return n >= 2 ? n : 1;
}

/** Spans from trailing labels, if they make the row's cells fill the table's width exactly. */
function labelSpans(row: readonly string[], width: number): number[] | null {
  let last = row.length - 1;
  while (last > 0 && row[last] === '') last--;
  const used = row.slice(0, last + 1).map((t, i) => (i === 0 ? 1 : trailingLabels(t)));
  if (!used.some((n) => n > 1)) return null;
  if (used.reduce((a, b) => a + b, 0) !== width) return null;
  // The cells after the last heading are the columns the wider ones moved into.
  const out = [...used];
  while (out.length < width) out.push(0);
  return out;
}
