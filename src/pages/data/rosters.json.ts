/** Appendix 1 as data: every roster and change list with its entries (src/appendix/rosters.ts). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { peopleOf } from '../../appendix/people.ts';
import { downloadRights } from '../../data/rights.ts';

export const GET: APIRoute = () => {
  const edition = loadEdition();
  const { rosters, resolver } = peopleOf(edition);
  // Each entry names its person by the id of people.json (/people/<id>/): the surname alone is shared (two Mikhailovs) or varies (Lyubasov, Liubasov).
  const withIds = rosters.map((r) => ({ ...r, entries: r.entries.map((e) => ({ ...e, personId: e.written ? resolver.resolve(e.written, r.id) : null })) }));
  const body = { source: 'Catherine Merridale, The Communist Party in Moscow 1925-1932 (PhD thesis, Birmingham, 1987), Appendix 1', rights: downloadRights(edition.meta), rosters: withIds };
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
