/**
 * A section's contents, for the sidebar: its headings (levels 1-3) and each list of notes where it
 * stands, in page order (Chapter 2's notes after each part). A figure heading that is only a number
 * ("Map 1", "Diagram 4") takes the title the thesis prints on the line below it, so the contents
 * read "Map 1: Moscow in 1925-Raion Boundaries." rather than a bare number; the page keeps the title
 * where the thesis has it.
 */
import type { Block, Inline, Section } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';

export type ContentsEntry = { id: string; level: number; text: Inline[] } | { id: string; notes: { label: string; count: number } };

const BARE_FIGURE = /^(?:Map|Diagram) ?\d+\.?$/u;

/** The title line under a bare figure heading: the next block, if it is a short line of text. */
function titleBelow(blocks: readonly Block[], at: number): Inline[] | null {
  const next = blocks.slice(at + 1).find((b) => b.kind !== 'pagebreak');
  if (next?.kind !== 'paragraph') return null;
  const text = inlineText(next.content).trim();
  return text.length > 0 && text.length <= 120 && !/^(?:Key|Source)\b/u.test(text) ? next.content : null;
}

export function sectionContents(section: Pick<Section, 'blocks'>): ContentsEntry[] {
  return section.blocks.flatMap((b, i): ContentsEntry[] => {
    if (b.kind === 'notes') return [{ id: `notes-${b.scope}`, notes: { label: b.scopeLabel, count: b.notes.length } }];
    if (b.kind !== 'heading' || b.level > 3) return [];
    const title = BARE_FIGURE.test(inlineText(b.content).trim()) ? titleBelow(section.blocks, i) : null;
    return [{ id: b.id, level: b.level, text: title ? [...b.content, { t: 'text', v: ': ' }, ...title] : b.content }];
  });
}
