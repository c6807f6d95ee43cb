import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { tablesJson } from '../../backmatter/table-export.ts';

/** Every table of the thesis as structured data, with printed readings and arithmetic flags. */
export const GET: APIRoute = () => new Response(tablesJson(loadEdition()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
