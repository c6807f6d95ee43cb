/**
 * Original pages that had no footnotes. Each block of notes ended a page, so a section whose table
 * of contents gives more pages than it has blocks of notes had pages without notes. Where such a page
 * ended in mid-sentence, the text shows its end (visiblePageEnd); elsewhere the page ends between them
 * left no trace. Those are placed here by length: a typed page held about the same
 * amount (some 300-380 words of double-spaced text, a note line about half a text line), so a stretch
 * between two blocks of notes that is much longer than its neighbours ran over more than one page
 * (Chapter 5 opens with 691 words before its first notes: two pages). The pages found are estimates,
 * and the edition marks every page number they move as approximate.
 */
import { endsSentence, plain } from './classify.ts';
import type { Draft } from './drafts.ts';
import { inlineText } from './inline.ts';
import type { Inline } from './model.ts';

/** A line of single-spaced notes takes about half the room of a line of double-spaced text. */
export const NOTE_WEIGHT = 0.45;
/** A stretch is given another page only if it would still hold this much more than a typical page. */
export const OVERFULL = 1.3;
/** ...and only if the words before its first marker could fill that much of a page for each page without notes. */
export const MARKER_FREE_SHARE = 0.6;

export const wordCount = (text: string): number => text.split(/\s+/u).filter(Boolean).length;
const words = (text: string): number => wordCount(plain(text));

/** The room a run of drafts took: its text words, and its notes' words weighted by NOTE_WEIGHT. */
export interface Stretch {
  /** Index of its first draft. */
  from: number;
  /** Index after its last draft (its closing block of notes included). */
  to: number;
  textWords: number;
  load: number;
  /**
   * Text words before its first note marker. Its pages without notes held no marker (a marker's
   * note is printed on its own page), so they all end within these words.
   */
  markerFree: number;
  /** True when a page without notes ended where it starts, in mid-sentence (see visiblePageEnd). */
  startsAtVisibleEnd: boolean;
}

/**
 * Split drafts into the stretches between page ends: each block of notes followed by more text ends
 * one; the notes after the last text belong to the last stretch. With `visibleEnds` (chapter prose),
 * a page without notes that ended in mid-sentence ends one too (see visiblePageEnd).
 */
export function stretches(drafts: readonly Draft[], opts: { visibleEnds?: boolean } = {}): Stretch[] {
  const byNotes = stretchesBetween(drafts, new Set());
  if (!opts.visibleEnds) return byNotes;
  const textWords = byNotes.map((x) => x.textWords).sort((a, b) => a - b);
  const typical = textWords[Math.floor(textWords.length / 2)] ?? 0;
  const ends = new Set<number>();
  // The text since the last page end, and whether a note marker has been seen in it.
  let since = 0;
  let marked = false;
  drafts.forEach((d, i) => {
    if (d.k === 'notes') {
      since = 0;
      marked = false;
      return;
    }
    if (visiblePageEnd(drafts[i - 1], d) && !marked && since >= MARKER_FREE_SHARE * typical) {
      ends.add(i);
      since = 0;
    }
    since += draftWords(d);
    if (wordsBeforeMarker(d) !== null) marked = true;
  });
  return ends.size === 0 ? byNotes : stretchesBetween(drafts, ends);
}

/**
 * Where a page without notes ended, when it ended in mid-sentence: the conversion of the typescript
 * broke the text there, and it resumes after a blank line in lower case ("the dullminded and the" |
 * "docile, the climbers", Introduction, p. 21). A sentence that runs into a quotation set off on
 * its own line breaks the same way ("The crisis, he said," | "is visible to anyone…", Chapter 2), so
 * stretches() takes a break for a page end only where the page it would end carried no note marker
 * (its notes would have been printed on it) and held at least MARKER_FREE_SHARE of a typical page.
 */
export function visiblePageEnd(previous: Draft | undefined, d: Draft): boolean {
  if (previous?.k !== 'text' || d.k !== 'text') return false;
  const before = previous.line.text;
  return !/^\s|^-\s/u.test(before) && !endsSentence(before) && /^[a-z]/u.test(plain(d.line.text));
}

function stretchesBetween(drafts: readonly Draft[], visibleEnds: ReadonlySet<number>): Stretch[] {
  let lastContent = -1;
  drafts.forEach((d, i) => {
    if (d.k !== 'notes') lastContent = i;
  });
  const out: Stretch[] = [];
  const fresh = (from: number): Stretch => ({ from, to: from, textWords: 0, load: 0, markerFree: -1, startsAtVisibleEnd: visibleEnds.has(from) });
  let current = fresh(0);
  const close = (): void => {
    if (current.markerFree < 0) current.markerFree = current.textWords;
    out.push(current);
  };
  drafts.forEach((d, i) => {
    if (d.k === 'notes') {
      current.load += NOTE_WEIGHT * d.notes.reduce((sum, n) => sum + words(n.text) + n.extra.reduce((s, x) => s + draftWords(x), 0), 0);
      current.to = i + 1;
      if (i < lastContent) {
        close();
        current = fresh(i + 1);
      }
      return;
    }
    if (visibleEnds.has(i)) {
      close();
      current = fresh(i);
    }
    const marker = current.markerFree < 0 ? wordsBeforeMarker(d) : null;
    if (marker !== null) current.markerFree = current.textWords + marker;
    const w = draftWords(d);
    current.textWords += w;
    current.load += w;
    current.to = i + 1;
  });
  if (current.to > current.from) close();
  return out;
}

/** Words wholly before the first note marker of a text or table draft, or null if it has none. */
function wordsBeforeMarker(d: Draft): number | null {
  const texts = d.k === 'text' ? [d.line.text] : d.k === 'rows' ? d.lines.map((l) => l.text) : [];
  let before = 0;
  for (const text of texts) {
    const t = plain(text);
    const at = t.search(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u);
    if (at >= 0) return before + wordCount(t.slice(0, at)) - (/\S$/u.test(t.slice(0, at)) ? 1 : 0);
    before += words(text);
  }
  return null;
}

/** Words of a text or table draft (notes are counted by stretches). */
export function draftWords(d: Draft): number {
  if (d.k === 'text') return words(d.line.text);
  if (d.k === 'rows') return d.lines.reduce((sum, l) => sum + words(l.text), 0);
  return 0;
}

/**
 * How many pages each stretch ran over, given the pages missing from the count: one more at a time
 * to the stretch with the most per page (the D'Hondt rule), while that is well over a typical page
 * (OVERFULL times the median stretch). Pages it cannot justify stay unplaced, as before.
 */
export function pagesPerStretch(loads: readonly number[], missing: number, markerFree: readonly number[] = loads): number[] {
  const pages = loads.map(() => 1);
  if (missing <= 0 || loads.length < 3) return pages;
  const sorted = [...loads].sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] as number;
  // Another page without notes needs room before the stretch's first marker: some 60% of a page
  // each (the last page of a part can be short, Chapter 2's part 1 ends 238 words into a stretch).
  const roomFor = (i: number): boolean => (markerFree[i] as number) >= MARKER_FREE_SHARE * typical * (pages[i] as number);
  for (let k = 0; k < missing; k++) {
    let best = -1;
    loads.forEach((load, i) => {
      if (!roomFor(i)) return;
      if (best < 0 || load / (pages[i] as number) > (loads[best] as number) / (pages[best] as number)) best = i;
    });
    if (best < 0 || (loads[best] as number) / (pages[best] as number) < OVERFULL * typical) break;
    pages[best] = (pages[best] as number) + 1;
  }
  return pages;
}

/**
 * Where a stretch of `pages` pages broke: text-word offsets from its start, sharing its load evenly,
 * but never after its first marker (the pages before the last had none). `newPageAt` are offsets
 * where a page is known to have started (a part with its own notes, see scopeStartOffsets): the
 * break nearest each is moved there, and the others share the load on either side of it evenly.
 */
export function breakOffsets(stretch: Stretch, pages: number, newPageAt: readonly number[] = []): number[] {
  const cap = (x: number): number => Math.min(stretch.markerFree, stretch.textWords - 1, Math.round(x));
  // Boundaries as load offsets; fixed ones are pinned, the rest share the room between pins evenly.
  const even = Array.from({ length: pages - 1 }, (_, j) => (stretch.load * (j + 1)) / pages);
  const pins = new Map<number, number>();
  for (const at of newPageAt) {
    if (at <= 0 || at > stretch.markerFree || even.length === 0) continue;
    let k = 0;
    even.forEach((x, j) => {
      if (Math.abs(x - at) < Math.abs((even[k] as number) - at)) k = j;
    });
    if (!pins.has(k)) pins.set(k, at);
  }
  const bounds = [...even];
  const fixed = [...pins.keys()].sort((a, b) => a - b);
  // Segments between pins (with the stretch's start and end as pins at -1 and pages - 1).
  const edges: [number, number][] = [[-1, 0], ...fixed.map((k): [number, number] => [k, pins.get(k) as number]), [pages - 1, stretch.load]];
  for (let e = 1; e < edges.length; e++) {
    const [k0, x0] = edges[e - 1] as [number, number];
    const [k1, x1] = edges[e] as [number, number];
    for (let j = k0 + 1; j < k1; j++) bounds[j] = x0 + ((x1 - x0) * (j - k0)) / (k1 - k0);
    if (k1 < pages - 1) bounds[k1] = x1;
  }
  return bounds.map(cap);
}

/**
 * Text-word offsets, from the start of each stretch, of the headings that open a numbering scope
 * of their own (Chapter 2's parts 2-4). Such a part began a new page: where the thesis shows it,
 * the page before is short and the part's heading opens the next (Part 2 on p. 77 after a short
 * p. 76, Part 3 on p. 105 after p. 104), as it would if each part was typed as a unit with its own
 * notes. Chapter 1's parts, which share the chapter's notes, begin in mid-page (Part 2, p. 42).
 */
export function scopeStartOffsets(drafts: readonly Draft[], parts: readonly Stretch[], opensScope: (d: Draft) => boolean): number[][] {
  return parts.map((part) => {
    const out: number[] = [];
    let seen = 0;
    for (let d = part.from; d < part.to; d++) {
      const draft = drafts[d] as Draft;
      if (draft.k === 'notes') continue;
      if (d > part.from && opensScope(draft)) out.push(seen);
      seen += draftWords(draft);
    }
    return out;
  });
}

/**
 * The places in a paragraph's inline content where a page may have ended: after the end of a
 * sentence, in a top-level text node. Each is the node index and the character where the new page
 * starts, with the number of words before it.
 */
export function sentenceStarts(content: readonly Inline[]): { node: number; at: number; wordsBefore: number }[] {
  const out: { node: number; at: number; wordsBefore: number }[] = [];
  let wordsBefore = 0;
  let prevEnd = '';
  content.forEach((node, i) => {
    if (node.t !== 'text') {
      const t = inlineText([node]);
      wordsBefore += wordCount(t);
      if (t) prevEnd = t;
      return;
    }
    // A sentence ends at . ? ! (perhaps closed by a quote) and the next starts with a capital; a
    // marker between them ("change.¹⁶ The") sits in a node of its own, so the space opens this node.
    // Abbreviations ("vol. I", "op. cit.", "nos. 3-4") do not end sentences.
    const re = /(?<=[a-z]{2}[.?!]['"]?)(?<!\b(?:[Vv]ols?|[Nn]os?|pp?|[Oo]p|cit|[Ee]ds?|[Cc]f|viz|[Cc]h|[Aa]rt|[Ff]ig|etc)\.) +(?=['"]?[A-Z])|^ +(?=['"]?[A-Z])/gu;
    for (const m of node.v.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].length;
      if (m.index === 0 && !/[a-z]{2}[.?!]['"]?$/u.test(prevEnd)) continue;
      out.push({ node: i, at, wordsBefore: wordsBefore + wordCount(node.v.slice(0, at)) });
    }
    wordsBefore += wordCount(node.v);
    if (node.v.trim()) prevEnd = node.v.trimEnd();
  });
  return out;
}

/**
 * Where pages start in a paragraph, for pages estimated to end `offsets` words into it: the nearest
 * sentence start to each (or the paragraph's own start, if `fromStart`), in order and each used
 * once. Text nodes are split there (the words are unchanged); returns the inline index each page
 * starts at, 0 meaning before the paragraph.
 */
export function pageStartsIn(content: Inline[], offsets: readonly number[], fromStart: boolean): number[] {
  // Never after the first marker: its note was printed on the page the marker is on.
  const firstMarker = content.findIndex((n) => n.t === 'ref');
  const candidates = [...(fromStart ? [{ node: 0, at: 0, wordsBefore: 0 }] : []), ...sentenceStarts(content)].filter((c) => firstMarker < 0 || c.node < firstMarker);
  const chosen: { node: number; at: number }[] = [];
  let next = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    let best = -1;
    for (let c = next; c < candidates.length; c++) {
      if (best < 0 || Math.abs((candidates[c] as { wordsBefore: number }).wordsBefore - offset) < Math.abs((candidates[best] as { wordsBefore: number }).wordsBefore - offset)) best = c;
    }
    if (best < 0) break;
    chosen.push(candidates[best] as { node: number; at: number });
    next = best + 1;
  }
  const starts: number[] = [];
  let shift = 0;
  for (const c of chosen) {
    const node = c.node + shift;
    const n = content[node];
    if (c.at === 0 || !n || n.t !== 'text') {
      starts.push(node);
      continue;
    }
    content.splice(node, 1, { t: 'text', v: n.v.slice(0, c.at) }, { t: 'text', v: n.v.slice(c.at) });
    shift++;
    starts.push(node + 1);
  }
  return starts;
}

/**
 * The heading of a figure or of a table of the back matter, as typed: "Map 1", "Map2", "Diagram 1
 * (Continued)", "Diagram 3: Party Structure …", "Table 5: Membership …". Each began a page: Tables
 * 1-4 each open just after a block of notes ended the page before.
 */
export const FIGURE_START = /^\s*(?:Map|Diagram|Table)\s*\d+\b/u;

export const isFigureHeading = (d: Draft): boolean => d.k === 'text' && FIGURE_START.test(d.line.text);

/**
 * Where pages start in a part made of figures (Maps, Diagrams), which has no notes to end its pages:
 * each figure, and each continuation of one ("Diagram 1 (Continued)"), was drawn on a page of its
 * own, so each heading after the first starts the next page. Pages the contents give beyond those
 * (Diagrams: seven pages, six figure pages) go, one at a time, to the figure with the most words per
 * page, starting at the line nearest the middle of its words (Diagram 3's long key). Returns the
 * indexes of the drafts that start a page; empty when the part is not made of figures.
 */
export function figurePageStarts(drafts: readonly Draft[], pages: number): number[] {
  if (drafts.some((d) => d.k === 'notes')) return [];
  const heads = drafts.flatMap((d, i) => (isFigureHeading(d) ? [i] : []));
  if (heads.length < 2 || heads[0] !== drafts.findIndex((d) => d.k !== 'notes' && draftWords(d) > 0)) return [];
  const units = heads.map((from, u) => ({ from, to: heads[u + 1] ?? drafts.length, starts: [from] }));
  const wordsIn = (from: number, to: number): number => drafts.slice(from, to).reduce((s, d) => s + draftWords(d), 0);
  for (let extra = pages - units.length; extra > 0; extra--) {
    const unit = units.reduce((best, x) => (wordsIn(x.from, x.to) / x.starts.length > wordsIn(best.from, best.to) / best.starts.length ? x : best));
    // Share the unit's words evenly between its pages, each new page starting at a line of its own.
    const share = wordsIn(unit.from, unit.to) / (unit.starts.length + 1);
    const starts: number[] = [unit.from];
    let seen = 0;
    for (let d = unit.from; d < unit.to && starts.length <= unit.starts.length; d++) {
      if (d > unit.from && seen >= share * starts.length) starts.push(d);
      seen += draftWords(drafts[d] as Draft);
    }
    if (starts.length === unit.starts.length) break;
    unit.starts = starts;
  }
  return units.flatMap((x) => x.starts).slice(1);
}

/**
 * Where pages start in a run of rows with no notes to end its pages (the Glossary, pp. 277-278):
 * the rows share the words evenly, and each further page starts at the first row that would overflow
 * its share. Returns the row indexes (never the first row); `pages` is how many pages the rows fill.
 */
export function rowPageStarts(rowWords: readonly number[], pages: number): number[] {
  const total = rowWords.reduce((a, b) => a + b, 0);
  const starts: number[] = [];
  let seen = 0;
  rowWords.forEach((w, i) => {
    if (i > 0 && starts.length < pages - 1 && seen >= (total * (starts.length + 1)) / pages) starts.push(i);
    seen += w;
  });
  return starts;
}
