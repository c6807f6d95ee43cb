/**
 * Links from the text to the People pages: the first unambiguous mention of each person in each
 * paragraph or note of the chapters links to /people/<id>/.
 */
import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { textContexts } from '../citations/contexts.ts';
import { annotationFor } from '../citations/text.ts';
import { mainPost, peopleOf, type Mention } from './people.ts';

/** Where a person's page is. */
export function personHref(id: string): string {
  return `/people/${id}/`;
}

/** Person links for the renderer: one per person per block, at its first mention there. */
export function peopleAnnotations(edition: Edition): Annotation[] {
  const { people, mentions } = peopleOf(edition);
  const byId = new Map(people.map((p) => [p.id, p]));
  const first = new Map<string, Mention>();
  for (const m of mentions) {
    const k = `${m.section}\u0000${m.block}\u0000${m.person}`;
    const seen = first.get(k);
    if (!seen || m.start < seen.start) first.set(k, m);
  }
  const flats = new Map(textContexts(edition).map((c) => [`${c.section}\u0000${c.block}`, c.flat]));
  const out: Annotation[] = [];
  for (const m of first.values()) {
    const flat = flats.get(`${m.section}\u0000${m.block}`);
    const p = byId.get(m.person);
    if (!flat || !p) continue;
    const post = mainPost(p);
    const a = annotationFor(flat, { section: m.section, block: m.block }, m.start, m.end, { href: personHref(p.id), title: post ? `${p.name} (${post})` : p.name, className: 'person' });
    if (a) out.push(a);
  }
  return out;
}
