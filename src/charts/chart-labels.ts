/**
 * The words around a chart: its accessible name, and its axis labels laid out to fit the drawing
 * (kept inside the svg, broken into lines where a phone is too narrow for them). Pure: the
 * browser passes in how wide a piece of text is drawn.
 */
import type { ChartSpec } from './spec.ts';

/** Lower-case a label's first letter to run on in a sentence, unless its first word is an abbreviation ("MOK", "TsK"). */
export function runOn(label: string): string {
  const firstWord = /^\S+/u.exec(label)?.[0] ?? '';
  return /^\p{Lu}\p{L}*\p{Lu}/u.test(firstWord) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The chart's accessible name: the title, then what is measured by what it is measured for. */
export function chartAriaLabel(spec: ChartSpec): string {
  // Horizontal bars measure along x and list their categories down y; the other charts the reverse.
  const [measured, category] = spec.kind === 'grouped-bar' ? [spec.xLabel, spec.yLabel] : [spec.yLabel, spec.xLabel];
  return `${spec.title}. ${measured} by ${runOn(category)}. Tab to the chart, then use the arrow keys to read each value.`;
}

/** A label's words in lines no wider than `maxWidth`; a word wider than that has a line of its own. */
export function wrapLabel(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Where to centre something `length` long so that it stays within [lo, hi]: at `preferred` if it fits there. */
export function centreWithin(preferred: number, length: number, lo: number, hi: number): number {
  if (hi - lo <= length) return (lo + hi) / 2;
  return Math.min(Math.max(preferred, lo + length / 2), hi - length / 2);
}
