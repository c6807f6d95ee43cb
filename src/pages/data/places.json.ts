/**
 * The places on the reconstructed maps as data: position, how it is known (the reader's source
 * and, where there is one, the row of the compiled list it came from), the thesis's spellings, the
 * schematic raions and every passage that names the place.
 */
import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { loadGeodata } from '../../maps/geodata.ts';
import { mentionsByPlace, passagesOf } from '../../maps/mentions.ts';
import { placeHref } from '../../maps/places.ts';
import { downloadRights } from '../../data/rights.ts';

export const GET: APIRoute = () => {
  const geo = loadGeodata();
  const edition = loadEdition();
  const mentions = mentionsByPlace(edition, geo.places);
  const places = geo.places.map((p) => ({
    ...p,
    href: placeHref(p),
    passages: passagesOf(mentions.get(p.id) ?? []).map(({ href, label, variant }) => ({ href, label, variant })),
  }));
  const about =
    "Places named in Catherine Merridale, The Communist Party in Moscow 1925-1932 (PhD thesis, Birmingham, 1987), as drawn on this edition's reconstructed maps. Positions are the edition's, not the thesis's: 'sourced' where a published coordinate was found, 'approximate' where the editor placed the point (accuracyM: its likely error). compiledRow names the row of the edition's compiled list of positions the point was taken from. raion1925/raion1930 are the raions of the schematic maps in which the point falls, not historical surveys.";
  return new Response(`${JSON.stringify({ about, rights: downloadRights(edition.meta), places }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
