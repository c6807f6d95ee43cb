/** The people of Appendix 1 with their posts and mentions in the text (src/appendix/people.ts). */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { mentionsOf, peopleOf } from '../../appendix/people.ts';
import { downloadRights } from '../../data/rights.ts';

export const GET: APIRoute = () => {
  const edition = loadEdition();
  const data = peopleOf(edition);
  const people = data.people.map((p) => ({ ...p, mentions: mentionsOf(data, p.id).map(({ section, block, href, label, text, excerpt }) => ({ section, block, href, label, text, excerpt })) }));
  return new Response(`${JSON.stringify({ source: 'Catherine Merridale, The Communist Party in Moscow 1925-1932 (PhD thesis, Birmingham, 1987), Appendix 1', rights: downloadRights(edition.meta), people, skipped: data.skipped }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
