/** All archival references of the thesis as CSV (RFC 4180), one row per reference. */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { indexedReferences } from '../../citations/archive-index.ts';
import { archivalRow, toCsv } from '../../citations/export.ts';

export const GET: APIRoute = ({ site }) => {
  const base = site?.toString() ?? 'https://merridale-moscow.example.org/';
  const rows = indexedReferences(loadEdition()).map((r) => archivalRow(r, base));
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
