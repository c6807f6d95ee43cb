/**
 * Plain text of a block, with a map back to the text nodes the renderer will see, so that a
 * match found in the text can become an Annotation (exact text + occurrence within the block)
 * that the renderer wraps exactly where the match was found.
 */
import type { Inline } from '../pipeline/model.ts';
import { isEmphasis } from '../pipeline/inline.ts';
import type { Annotation } from '../annotations/types.ts';

/** A stretch of the flat text: from one text node (annotatable) or from elsewhere (emendation, cell break). */
export interface TextRun {
  start: number;
  end: number;
  /** Index of the text node in render order, or null when the renderer cannot wrap this text. */
  textNode: number | null;
  /** Set off by the typist (italics or underlining): a cited title, as a rule. */
  emphasis?: true;
}

export interface FlatText {
  text: string;
  runs: TextRun[];
  /** Text of every text node, in render order. */
  nodes: string[];
}

/** Flatten inline parts (a note, a paragraph, or the cells of a table) in the order the renderer visits them. */
export function flatten(parts: readonly (readonly Inline[])[]): FlatText {
  const flat: FlatText = { text: '', runs: [], nodes: [] };
  const push = (v: string, textNode: number | null, emphasis = false): void => {
    if (v === '') return;
    flat.runs.push({ start: flat.text.length, end: flat.text.length + v.length, textNode, ...(emphasis ? { emphasis: true as const } : {}) });
    flat.text += v;
  };
  const walk = (nodes: readonly Inline[], emphasis: boolean): void => {
    for (const n of nodes) {
      if (n.t === 'text') {
        flat.nodes.push(n.v);
        push(n.v, flat.nodes.length - 1, emphasis);
      } else if (isEmphasis(n)) walk(n.c, true);
      else if (n.t === 'emend') push(n.corrected, null);
    }
  };
  parts.forEach((p, i) => {
    // Cells are kept apart so that no pattern runs from one cell into the next.
    if (i > 0) push('\n', null);
    walk(p, false);
  });
  return flat;
}

/** The text and occurrence the renderer needs to wrap flat[start, end), or null if that span is not inside one text node. */
export function locate(flat: FlatText, start: number, end: number): { text: string; occurrence: number } | null {
  if (end <= start) return null;
  const run = flat.runs.find((r) => r.start <= start && end <= r.end);
  if (!run || run.textNode === null) return null;
  const text = flat.text.slice(start, end);
  const offset = start - run.start;
  let occurrence = 0;
  // Count exactly as the renderer does: non-overlapping occurrences, node by node, left to right.
  for (let k = 0; k < run.textNode; k++) occurrence += countOccurrences(flat.nodes[k] as string, text);
  const own = flat.nodes[run.textNode] as string;
  for (let at = own.indexOf(text); at >= 0; at = own.indexOf(text, at + text.length)) {
    if (at === offset) return { text, occurrence };
    if (at > offset) return null;
    occurrence++;
  }
  return null;
}

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Build an annotation for flat[start, end) of a block, or null when the span cannot be wrapped. */
export function annotationFor(
  flat: FlatText,
  where: { section: string; block: string },
  start: number,
  end: number,
  link: { href: string; title?: string; className: string },
): Annotation | null {
  // Leading/trailing spaces are never part of a link.
  while (start < end && /\s/u.test(flat.text[start] as string)) start++;
  while (end > start && /\s/u.test(flat.text[end - 1] as string)) end--;
  const at = locate(flat, start, end);
  if (!at) return null;
  const a: Annotation = { section: where.section, block: where.block, text: at.text, href: link.href, className: link.className };
  if (at.occurrence > 0) a.occurrence = at.occurrence;
  if (link.title !== undefined) a.title = link.title;
  return a;
}

/** A string as a literal inside a regular expression. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Lower-case, accent-free, punctuation-free words, for matching titles and names across spellings. */
export function normalizeWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/['’`"]/gu, '')
    .split(/[^a-z0-9]+/u)
    .filter((w) => w !== '');
}
