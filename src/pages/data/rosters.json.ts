/** Appendix 1 as data: every roster and change list with its entries (src/appendix/rosters.ts). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { rostersOf } from '../../appendix/rosters.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify({ source: 'Catherine Merridale, The Communist Party in Moscow 1925-1932 (PhD thesis, Birmingham, 1987), Appendix 1', rosters: rostersOf(loadEdition()) }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
