/**
 * Links from the text to the maps: for the first mention of each place in each section, an
 * annotation wrapping the place's name with a link to its marker on the map page.
 */
import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { textContexts } from '../citations/contexts.ts';
import { annotationFor } from '../citations/text.ts';
import { findMentions } from './mentions.ts';
import { placeHref, type Place } from './places.ts';
import { loadGeodata } from './geodata.ts';

/**
 * Pure core: annotations for the given places. A mention the renderer cannot wrap (inside an
 * emended reading, such as the corrected 'Elektroavod') is skipped in favour of the next one.
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
    const a = annotationFor(flat, { section: m.section, block: m.block }, m.start, m.end, {
      href: placeHref(place),
      title: `${place.name}: on the map${place.position === 'approximate' ? ' (approximate position)' : ''}`,
      className: 'place',
    });
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
