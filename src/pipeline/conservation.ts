import type { Block, Inline, Section, SourceLine } from './model.ts';
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

/** The words a reader gets from the model, in the printed reading (emendations reverted). */
export function editionWords(sections: readonly Section[]): string[] {
  const out: string[] = [];
  const add = (nodes: readonly Inline[]): void => {
    out.push(...wordsOf(inlineText(nodes, 'original')));
  };
  for (const s of sections) {
    if (s.titleFromSource) add(s.title);
    s.blocks.forEach((b: Block) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          add(b.content);
          break;
        case 'table':
          if (b.caption) add(b.caption);
          for (const row of [...b.headRows, ...b.bodyRows]) row.forEach(add);
          break;
        case 'notes':
          b.notes.forEach((n) => {
            add(n.content);
            n.extra.forEach((x) => {
              if (x.kind === 'paragraph') add(x.content);
              else {
                if (x.caption) add(x.caption);
                for (const row of [...x.headRows, ...x.bodyRows]) row.forEach(add);
              }
            });
          });
          break;
        default:
          break;
      }
    });
  }
  return out;
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

/** Throw a SourceError naming the first line whose words the edition lost or duplicated. */
export function assertConserved(report: ConservationReport, where: string): void {
  if (report.missing.length === 0 && report.extra.length === 0) return;
  const first = report.missing[0];
  const detail = [
    ...report.missing.slice(0, 5).map((m) => `"${m.word}" missing ${m.count}× (source lines ${m.lines.slice(0, 5).join(', ')})`),
    ...report.extra.slice(0, 5).map((e) => `"${e.word}" appears ${e.count}× more than in the source`),
  ].join('; ');
  throw new SourceError(
    THESIS_FILE,
    first ? (first.lines[first.lines.length - 1] ?? null) : null,
    `conservation check failed in ${where}: ${report.missing.length} word(s) lost, ${report.extra.length} word(s) added or duplicated — ${detail}`,
  );
}
