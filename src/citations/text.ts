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
  /** Which list of inline nodes the run's node sits in: runs with the same parent are siblings. */
  parent: number;
  /** The emendation whose corrected reading the run is (its id), for an emended word. */
  emend?: string;
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
  let lists = 0;
  const push = (v: string, textNode: number | null, parent: number, extra: Partial<TextRun> = {}): void => {
    if (v === '') return;
    flat.runs.push({ start: flat.text.length, end: flat.text.length + v.length, textNode, parent, ...extra });
    flat.text += v;
  };
  const walk = (nodes: readonly Inline[], emphasis: boolean): void => {
    let parent = lists++;
    for (const n of nodes) {
      if (n.t === 'text') {
        flat.nodes.push(n.v);
        push(n.v, flat.nodes.length - 1, parent, emphasis ? { emphasis: true } : {});
      } else if (isEmphasis(n)) walk(n.c, true);
      else if (n.t === 'emend') push(n.corrected, null, parent, { emend: n.id });
      // A note marker is no text of the block, but a link must not run across it.
      else if (n.t === 'ref') parent = lists++;
    }
  };
  parts.forEach((p, i) => {
    // Cells are kept apart so that no pattern runs from one cell into the next.
    if (i > 0) push('\n', null, -1);
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

/** Where an annotation is (its section and block), and what it links to: Annotation's own fields. */
type AnnotatedBlock = Pick<Annotation, 'section' | 'block'>;
type AnnotationLink = Pick<Annotation, 'href' | 'title' | 'className'>;

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Build an annotation for flat[start, end) of a block, or null when the span cannot be wrapped. */
export function annotationFor(
  flat: FlatText,
  where: AnnotatedBlock,
  start: number,
  end: number,
  link: AnnotationLink,
): Annotation | null {
  [start, end] = withoutSpaces(flat.text, start, end);
  const at = locate(flat, start, end);
  if (!at) return null;
  const a = linkAnnotation(where, at.text, link);
  if (at.occurrence > 0) a.occurrence = at.occurrence;
  return a;
}

/** Leading/trailing spaces are never part of a link. */
function withoutSpaces(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return [start, end];
}

function linkAnnotation(where: AnnotatedBlock, text: string, link: AnnotationLink): Annotation {
  return { section: where.section, block: where.block, text, href: link.href, className: link.className, ...(link.title !== undefined ? { title: link.title } : {}) };
}

/**
 * An annotation for flat[start, end) where emended words stand inside it (so it is not inside one
 * text node): siblings only, text and emendations, no note marker, emphasis or cell edge between;
 * null where the span is not of that kind.
 */
export function annotationAround(
  flat: FlatText,
  where: AnnotatedBlock,
  start: number,
  end: number,
  link: AnnotationLink,
): Annotation | null {
  [start, end] = withoutSpaces(flat.text, start, end);
  const runs = flat.runs.filter((r) => r.start < end && start < r.end);
  const emends = runs.filter((r) => r.emend !== undefined);
  if (emends.length === 0 || runs.some((r) => r.parent !== (runs[0] as TextRun).parent || (r.textNode === null && r.emend === undefined))) return null;
  const first = runs[0] as TextRun;
  const last = runs.at(-1) as TextRun;
  // The link begins in the text before the first emendation or with it, and ends with the last or in the text after it.
  if ((first.emend === undefined && first !== runs[runs.indexOf(emends[0] as TextRun) - 1]) || (last.emend === undefined && last !== runs[runs.indexOf(emends.at(-1) as TextRun) + 1])) return null;
  if (first.emend !== undefined && start !== first.start) return null;
  if (last.emend !== undefined && end !== last.end) return null;
  const before = first.emend === undefined ? flat.text.slice(start, first.end) : '';
  const after = last.emend === undefined ? flat.text.slice(last.start, end) : '';
  return { ...linkAnnotation(where, flat.text.slice(start, end), link), around: { emends: emends.map((r) => r.emend as string), before, after } };
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
