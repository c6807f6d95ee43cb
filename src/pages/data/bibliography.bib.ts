/** The thesis's bibliography as BibTeX (biblatex-friendly UTF-8). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { parseBibliography } from '../../citations/bibliography.ts';
import { bibliographyBibtex } from '../../citations/export.ts';

export const GET: APIRoute = () => {
  const edition = loadEdition();
  const { entries, fonds } = parseBibliography(edition);
  return new Response(bibliographyBibtex(entries, edition, fonds), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
