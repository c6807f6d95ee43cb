/** All archival references of the thesis as JSON (a static endpoint built with the site). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { indexedReferences } from '../../citations/archive-index.ts';
import { archivalRow, ARCHIVAL_COLUMNS } from '../../citations/export.ts';
import { ARCHIVE_SUCCESSORS } from '../../citations/successors.ts';
import { downloadRights } from '../../data/rights.ts';

export const GET: APIRoute = ({ site }) => {
  const edition = loadEdition();
  const base = site?.toString() ?? 'https://merridale-moscow.example.org/';
  const body = {
    source: `${edition.meta.author}, ${edition.meta.title} (${edition.meta.degree}, ${edition.meta.institution}, ${edition.meta.date})`,
    sourceSha256: edition.meta.sourceSha256,
    rights: downloadRights(edition.meta),
    description: "Every archival reference in the notes, one row per reference; continuations (ibid., loc. cit.) name the reference they continue. successor_editorial (and archives) name the archive that holds the material today: the editor's identification, not the thesis's, sourced in content/archives/successors.json; fond-level mappings are unverified.",
    columns: ARCHIVAL_COLUMNS,
    archives: ARCHIVE_SUCCESSORS,
    references: indexedReferences(edition).map((r) => archivalRow(r, base)),
  };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
