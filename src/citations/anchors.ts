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

/** Where an entry is on /bibliography/: its own anchor, or its section's heading for entries in a table. */
export function bibliographyHref(e: BibEntry): string {
  return e.block.startsWith('para-') ? `/bibliography/#${e.id}` : `/bibliography/#section-${e.bibSection}`;
}
