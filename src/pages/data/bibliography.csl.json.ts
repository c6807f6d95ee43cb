/** The thesis's bibliography as CSL-JSON (for Zotero, Pandoc and citeproc). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { parseBibliography } from '../../citations/bibliography.ts';
import { toCsl } from '../../citations/export.ts';

export const GET: APIRoute = () => {
  const { entries, fonds } = parseBibliography(loadEdition());
  const items = entries.map((e) => toCsl(e, fonds));
  return new Response(`${JSON.stringify(items, null, 1)}\n`, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
