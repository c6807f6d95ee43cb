import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEdition } from '../../../data/edition-data.ts';
import { allTables } from '../../../backmatter/tables.ts';
import { tableCsv } from '../../../backmatter/table-export.ts';

/** One CSV per table of the thesis (table-1 … table-5, and the chapters' tables), as the edition shows it. */
export const getStaticPaths: GetStaticPaths = () => allTables(loadEdition()).map((t) => ({ params: { key: t.key } }));

export const GET: APIRoute = ({ params }) => {
  const table = allTables(loadEdition()).find((t) => t.key === params['key']);
  if (!table) return new Response('Not found', { status: 404 });
  return new Response(tableCsv(table), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
