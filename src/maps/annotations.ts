/**
 * Links from the text to the maps: for the first mention of each place in each section, an
 * annotation wrapping the place's name with a link to its marker on the map page.
 */
import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { textContexts } from '../citations/contexts.ts';
import { annotationAround, annotationFor } from '../citations/text.ts';
import { findMentions } from './mentions.ts';
import { placeHref, type Place } from './places.ts';
import { loadGeodata } from './geodata.ts';

/**
 * Pure core: annotations for the given places. A mention the renderer cannot wrap (across emphasis
 * or a note marker) is skipped in favour of the next one; an emended one (the corrected
 * 'Elektroavod') is a link around its marked emendation.
 */
export function placeAnnotationsFor(edition: Edition, places: readonly Place[]): Annotation[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const flatOf = new Map(textContexts(edition).map((c) => [`${c.section}#${c.block}`, c.flat]));
  const done = new Set<string>();
  const out: Annotation[] = [];
  for (const m of findMentions(edition, places)) {
    const key = `${m.section}|${m.place}`;
    if (done.has(key)) continue;
    const place = byId.get(m.place);
    const flat = flatOf.get(`${m.section}#${m.block}`);
    if (!place || !flat) continue;
    const link = { href: placeHref(place), title: `${place.name}: on the map${place.position === 'approximate' ? ' (approximate position)' : ''}`, className: 'place' };
    const where = { section: m.section, block: m.block };
    // An emended name ("Elektroavod" corrected) is a link holding the marked emendation.
    const a = annotationFor(flat, where, m.start, m.end, link) ?? annotationAround(flat, where, m.start, m.end, link);
    if (!a) continue;
    out.push(a);
    done.add(key);
  }
  return out;
}

/** Every place annotation, for the renderer (reads content/geodata/places.json at build time). */
export function placeAnnotations(edition: Edition): Annotation[] {
  return placeAnnotationsFor(edition, loadGeodata().places);
}
