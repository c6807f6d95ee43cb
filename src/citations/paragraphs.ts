/**
 * The paragraphs of a section as things to cite: their stable anchor, the original pages they run
 * over, the heading they sit under, and their opening words so a reader can recognise them on the
 * citation page (/<section>/cite/).
 */
import type { Section } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';

export interface CiteableParagraph {
  id: string;
  /** The paragraph's number in its anchor (para-8 → 8), as the reader sees it in the URL. */
  n: number;
  pages: number[];
  /** The heading above it, as text, or null before the first. */
  heading: string | null;
  /** The first words (note markers left out), with "…" when cut. */
  opening: string;
}

const MARKERS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;

/** "The first twelve words of the text …" */
export function openingWords(text: string, words = 12): string {
  const all = text.replace(MARKERS, '').replace(/\s+/gu, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/**
 * Prose paragraphs and list items of the section, in order (Chapter 1's numbered clauses of the
 * Party rules are paragraphs of their own; the notes' own paragraphs are cited with their note).
 */
export function citeableParagraphs(section: Pick<Section, 'blocks'>): CiteableParagraph[] {
  const out: CiteableParagraph[] = [];
  let heading: string | null = null;
  for (const b of section.blocks) {
    if (b.kind === 'heading') heading = inlineText(b.content).replace(MARKERS, '').trim();
    if (b.kind !== 'paragraph' || b.style === 'line') continue;
    out.push({ id: b.id, n: Number(/\d+$/u.exec(b.id)?.[0] ?? out.length + 1), pages: [...new Set(b.pages)], heading, opening: openingWords(inlineText(b.content)) });
  }
  return out;
}
