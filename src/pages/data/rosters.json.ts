/** Appendix 1 as data: every roster and change list with its entries (src/appendix/rosters.ts). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { rostersOf } from '../../appendix/rosters.ts';
import { downloadRights } from '../../data/rights.ts';

export const GET: APIRoute = () => {
  const edition = loadEdition();
  const body = { source: 'Catherine Merridale, The Communist Party in Moscow 1925-1932 (PhD thesis, Birmingham, 1987), Appendix 1', rights: downloadRights(edition.meta), rosters: rostersOf(edition) };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
