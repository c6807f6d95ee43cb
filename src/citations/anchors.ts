/** Anchors for the bibliography's entries, which the renderer adds to their paragraphs on /bibliography/. */
import type { Edition } from '../pipeline/model.ts';
import { parseBibliography, type BibEntry } from './bibliography.ts';

export interface BibliographyAnchor {
  section: 'bibliography';
  /** Paragraph id ('para-106'). */
  block: string;
  /** Stable id of the entry ('bib-chase-1987'). */
  id: string;
}

/** One anchor per entry that has a paragraph of its own (the table of congresses has none). */
export function bibliographyAnchors(edition: Edition): BibliographyAnchor[] {
  return parseBibliography(edition)
    .entries.filter((e) => e.block.startsWith('para-'))
    .map((e) => ({ section: 'bibliography', block: e.block, id: e.id }));
}

/** Anchors for the entries printed as cells of a table (Section 3's congresses): "table:row:col" → id. */
export function bibliographyCellAnchors(edition: Edition): Map<string, string> {
  return new Map(parseBibliography(edition).entries.flatMap((e) => (e.cell ? [[`${e.block}:${e.cell.row}:${e.cell.col}`, e.id] as const] : [])));
}

/** Where an entry is on /bibliography/: its own anchor (a paragraph's or a table cell's), else its section's heading. */
export function bibliographyHref(e: BibEntry): string {
  return e.block.startsWith('para-') || e.cell ? `/bibliography/#${e.id}` : `/bibliography/#section-${e.bibSection}`;
}
