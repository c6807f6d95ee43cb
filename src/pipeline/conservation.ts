import type { Block, Inline, Section, SourceLine, TableBlock } from './model.ts';
import { splitFusedLine } from './logical-lines.ts';
import { closeUpAfterEmphasis, inlineText } from './inline.ts';
import { SourceError, THESIS_FILE } from './errors.ts';

/**
 * The words of a piece of source text: markup and note markers removed, split on white space and
 * after each hyphen — so a word hyphenated across a page end ("co-" | "operative"), which the
 * edition joins into "co-operative", counts the same on both sides.
 */
export function wordsOf(text: string): string[] {
  // The parser's layout repair ("<i>gubernia</i> ." read as "gubernia."), so both sides count alike.
  return closeUpAfterEmphasis(text)
    .replace(/<\/?[iu]>/gu, '')
    .replace(/\*/gu, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, '')
    .split(/\s+|(?<=-)(?=[^\s-])/u)
    .filter((w) => w !== '');
}

/** Words with the source line each came from (parallel arrays: 100,000 words, no per-word objects). */
export interface PlacedWords {
  words: string[];
  lines: number[];
}

/** Every word of the source with its line, after fused headings are split into their pieces. */
export function sourceWords(lines: readonly SourceLine[]): PlacedWords {
  const out: PlacedWords = { words: [], lines: [] };
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    for (const piece of splitFusedLine(l)) {
      for (const word of wordsOf(piece.text)) {
        out.words.push(word);
        out.lines.push(l.n);
      }
    }
  }
  return out;
}

/**
 * Every run of inline content the model holds, in two streams, each in the source's order: the
 * notes (with the tables and lines they carry), and everything else (titles taken from the source,
 * headings, paragraphs, tables). A paragraph cut by a block of notes continues after it in the
 * source but before it in the model, so one stream would not be in the source's order.
 */
export function inlineRuns(sections: readonly Section[]): { text: (readonly Inline[])[]; notes: (readonly Inline[])[] } {
  const text: (readonly Inline[])[] = [];
  const notes: (readonly Inline[])[] = [];
  const addTable = (t: TableBlock, into: (readonly Inline[])[]): void => {
    if (t.caption) into.push(t.caption);
    for (const row of [...t.headRows, ...t.bodyRows]) into.push(...row);
  };
  for (const s of sections) {
    if (s.titleFromSource) text.push(s.title);
    s.blocks.forEach((b: Block) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          text.push(b.content);
          break;
        case 'table':
          addTable(b, text);
          break;
        case 'notes':
          b.notes.forEach((n) => {
            notes.push(n.content);
            n.extra.forEach((x) => (x.kind === 'paragraph' ? notes.push(x.content) : addTable(x, notes)));
          });
          break;
        default:
          break;
      }
    });
  }
  return { text, notes };
}

/**
 * The words a reader gets from the model, stream by stream: in the printed reading (emendations
 * reverted), to compare with the source; or as corrected, to compare with what the site displays.
 */
export function editionWordStreams(sections: readonly Section[], reading: 'original' | 'corrected' = 'original'): { text: string[]; notes: string[] } {
  const runs = inlineRuns(sections);
  const words = (rs: (readonly Inline[])[]): string[] => rs.flatMap((r) => wordsOf(inlineText(r, reading)));
  return { text: words(runs.text), notes: words(runs.notes) };
}

/** How many times each emendation is applied in the model. */
export function emendationUses(sections: readonly Section[]): Map<string, number> {
  const uses = new Map<string, number>();
  const visit = (nodes: readonly Inline[]): void => {
    for (const x of nodes) {
      if (x.t === 'emend') uses.set(x.id, (uses.get(x.id) ?? 0) + 1);
      else if (x.t === 'em' || x.t === 'u') visit(x.c);
    }
  };
  const runs = inlineRuns(sections);
  [...runs.text, ...runs.notes].forEach(visit);
  return uses;
}

/** Every word of the model, notes and the rest (for the whole-edition count, where order does not matter). */
export function editionWords(sections: readonly Section[], reading: 'original' | 'corrected' = 'original'): string[] {
  const { text, notes } = editionWordStreams(sections, reading);
  return [...text, ...notes];
}

/** The source lines the notes were printed on: each note's line to the last line of the table or lines it carries. */
export function noteLines(sections: readonly Section[]): Set<number> {
  const out = new Set<number>();
  for (const s of sections)
    for (const b of s.blocks)
      if (b.kind === 'notes')
        for (const n of b.notes) {
          // The table's caption, source and comment lines lie between its rows' lines and the note's.
          const last = Math.max(n.line, ...n.extra.flatMap((x) => x.lines));
          for (let l = n.line; l <= last; l++) out.add(l);
        }
  return out;
}

/** How far ahead two sequences may reorder the same words (the Glossary's fused rows, split, are). */
const REORDER_WINDOW = 64;
/** How many words must agree after a gap or a reordering for it to be taken as one. */
const RESYNC = 8;

/**
 * The source line where two sequences of words first differ, or null if they do not. At the first
 * difference: a word lost or added there (the rest agreeing once it is skipped) is reported there;
 * else a stretch that holds the same words in another order (within REORDER_WINDOW, the words after
 * it agreeing again) is a reordering and is passed over; anything else is reported there.
 */
export function firstDeparture(source: PlacedWords, edition: readonly string[]): number | null {
  const n = Math.min(source.words.length, edition.length);
  /** source[a…] and edition[b…] agree for `count` words (or to the end of either). */
  const agree = (a: number, b: number, count: number): boolean => {
    for (let j = 0; j < count && a + j < source.words.length && b + j < edition.length; j++) if (source.words[a + j] !== edition[b + j]) return false;
    return true;
  };
  for (let i = 0; i < n; i++) {
    if (source.words[i] === edition[i]) continue;
    if (agree(i + 1, i, RESYNC) || agree(i, i + 1, RESYNC)) return source.lines[i] as number;
    const balance = new Map<string, number>();
    let unbalanced = 0;
    const shift = (word: string, by: number): void => {
      const was = balance.get(word) ?? 0;
      balance.set(word, was + by);
      unbalanced += (was + by === 0 ? -1 : 0) + (was === 0 ? 1 : 0);
    };
    let k = 0;
    for (; k < REORDER_WINDOW && i + k < n; k++) {
      shift(source.words[i + k] as string, 1);
      shift(edition[i + k] as string, -1);
      if (unbalanced === 0 && agree(i + k + 1, i + k + 1, RESYNC)) break;
    }
    if (unbalanced !== 0 || k === REORDER_WINDOW) return source.lines[i] as number;
    i += k;
  }
  if (source.words.length > edition.length) return source.lines[n] as number;
  if (edition.length > source.words.length) return source.lines[n - 1] ?? null;
  return null;
}

/**
 * Where the model first departs from the source: the first difference in either stream (notes, the
 * rest), as a source line. A lost or added word is found where it happened, not at some other
 * occurrence of the same word.
 */
export function firstDepartureInModel(source: PlacedWords, sections: readonly Section[]): number | null {
  const inNotes = noteLines(sections);
  const split: Record<'text' | 'notes', PlacedWords> = { text: { words: [], lines: [] }, notes: { words: [], lines: [] } };
  source.words.forEach((w, i) => {
    const line = source.lines[i] as number;
    const into = split[inNotes.has(line) ? 'notes' : 'text'];
    into.words.push(w);
    into.lines.push(line);
  });
  const streams = editionWordStreams(sections);
  const found = [firstDeparture(split.text, streams.text), firstDeparture(split.notes, streams.notes)].filter((l): l is number => l !== null);
  return found.length === 0 ? null : Math.min(...found);
}

export interface ConservationReport {
  sourceWords: number;
  editionWords: number;
  missing: { word: string; lines: number[]; count: number }[];
  extra: { word: string; count: number }[];
}

/** Compare two multisets of words: every source word must appear in the edition exactly as often. */
export function compareWords(source: PlacedWords, edition: readonly string[]): ConservationReport {
  const counts = new Map<string, number>();
  for (const word of source.words) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const w of edition) counts.set(w, (counts.get(w) ?? 0) - 1);
  // Lines are looked up only for the words that differ (rare), not kept for all 100,000.
  const lines = new Map<string, number[]>();
  for (const [word, c] of counts) if (c > 0) lines.set(word, []);
  if (lines.size > 0) source.words.forEach((w, i) => lines.get(w)?.push(source.lines[i] as number));
  const missing: ConservationReport['missing'] = [];
  const extra: ConservationReport['extra'] = [];
  for (const [word, c] of counts) {
    if (c > 0) missing.push({ word, lines: lines.get(word) ?? [], count: c });
    else if (c < 0) extra.push({ word, count: -c });
  }
  missing.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { sourceWords: source.words.length, editionWords: edition.length, missing, extra };
}

/**
 * Throw a SourceError naming the line where the edition lost or duplicated words: `departure`, where
 * the words first depart from the source's order, when the caller can tell; otherwise the first
 * source line of the first word lost.
 */
export function assertConserved(report: ConservationReport, where: string, departure: () => number | null = () => null): void {
  if (report.missing.length === 0 && report.extra.length === 0) return;
  const first = report.missing[0];
  const at = departure();
  const detail = [
    ...report.missing.slice(0, 5).map((m) => `"${m.word}" missing ${m.count}× (it is on source line${m.lines.length > 1 ? 's' : ''} ${m.lines.slice(0, 5).join(', ')}${m.lines.length > 5 ? ', …' : ''})`),
    ...report.extra.slice(0, 5).map((e) => `"${e.word}" appears ${e.count}× more than in the source`),
  ].join('; ');
  throw new SourceError(
    THESIS_FILE,
    at ?? first?.lines[0] ?? null,
    `conservation check failed in ${where}: ${report.missing.length} word(s) lost, ${report.extra.length} word(s) added or duplicated${at === null ? '' : `; the words first depart from the source on this line`} — ${detail}`,
  );
}
