/**
 * What a download says about rights. The downloads hold the thesis's text, so each carries the
 * thesis's own statement as printed at the head of the source (not a summary of it), and the terms
 * the edition offers for what it added; the About page shows the same two.
 */
import type { Edition } from '../pipeline/model.ts';

/** The edition's terms for its own additions (also said on the About page). */
export const EDITION_ADDITIONS_TERMS =
  "The edition's own additions (identifications, reconstructions, the data's structure) are offered for scholarly reuse with attribution.";

export interface DownloadRights {
  /** The thesis's rights statement, line by line as the source prints it. */
  thesis: string[];
  edition: string;
}

export function downloadRights(meta: Edition['meta']): DownloadRights {
  return { thesis: [...meta.rights], edition: EDITION_ADDITIONS_TERMS };
}

/** The same, as comment lines for a text format (BibTeX's '%'). */
export function rightsComment(meta: Edition['meta'], prefix: string): string {
  const { thesis, edition } = downloadRights(meta);
  return [`Rights statement of the thesis, as printed:`, ...thesis.map((l) => `  ${l}`), edition].map((l) => `${prefix} ${l}\n`).join('');
}
