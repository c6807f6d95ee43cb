import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';

/** The reconstructed original pagination: page → section and anchor (approximate where marked). */
export const GET: APIRoute = () => {
  const { pageMap } = loadEdition();
  return new Response(`${JSON.stringify(pageMap.map((p) => ({ ...p, url: `/${p.slug}/#${p.anchor}` })), null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
