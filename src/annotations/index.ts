import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from './types.ts';
import { citationAnnotations } from '../citations/annotations.ts';
import { placeAnnotations } from '../maps/annotations.ts';
import { peopleAnnotations } from '../appendix/annotations.ts';

const cache = new WeakMap<Edition, Annotation[]>();

/** Every annotation of every feature (citations, cross-references, places, people…), computed once per edition. */
export function allAnnotations(edition: Edition): Annotation[] {
  const known = cache.get(edition);
  if (known) return known;
  // Order matters only for overlaps: an earlier provider's link wins over a later one's.
  const providers: ((e: Edition) => Annotation[])[] = [citationAnnotations, placeAnnotations, peopleAnnotations];
  const all = providers.flatMap((p) => p(edition));
  cache.set(edition, all);
  return all;
}
