/**
 * Links from the text to the People pages: the first mention of each person of Appendix 1 in each
 * paragraph or note of the chapters (and each line of Appendix 1) links to /people/<id>/.
 * Only unambiguous identifications are linked (src/backmatter/mentions.ts).
 */
import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { textContexts } from '../citations/contexts.ts';
import { annotationFor } from '../citations/text.ts';
import { appendix1People } from './people.ts';
import { peopleMentions, type Mention } from './mentions.ts';

/** Where a person's page is. */
export function personHref(id: string): string {
  return `/people/${id}/`;
}

/** Person links for the renderer, one per person per block (its first mention there). */
export function peopleAnnotations(edition: Edition): Annotation[] {
  const { people } = appendix1People(edition);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const first = new Map<string, Mention>();
  for (const m of peopleMentions(edition)) {
    const k = `${m.section}\u0000${m.block}\u0000${m.person}`;
    const seen = first.get(k);
    if (!seen || m.start < seen.start) first.set(k, m);
  }
  const flats = new Map(textContexts(edition).map((c) => [`${c.section}\u0000${c.block}`, c.flat]));
  const out: Annotation[] = [];
  for (const m of first.values()) {
    const flat = flats.get(`${m.section}\u0000${m.block}`);
    if (!flat) continue;
    const a = annotationFor(flat, { section: m.section, block: m.block }, m.start, m.end, { href: personHref(m.person), title: `${names.get(m.person) ?? m.person}: posts and mentions`, className: 'person' });
    if (a) out.push(a);
  }
  return out;
}
