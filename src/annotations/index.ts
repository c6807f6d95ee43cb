import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from './types.ts';
import { citationAnnotations } from '../citations/annotations.ts';
import { placeAnnotations } from '../maps/annotations.ts';
import { peopleAnnotations } from '../appendix/annotations.ts';

let cached: Annotation[] | null = null;

/** Every annotation of every feature (citations, cross-references, places, people…), computed once per build. */
export function allAnnotations(edition: Edition): Annotation[] {
  if (cached) return cached;
  // Order matters only for overlaps: an earlier provider's link wins over a later one's.
  const providers: ((e: Edition) => Annotation[])[] = [citationAnnotations, placeAnnotations, peopleAnnotations];
  cached = providers.flatMap((p) => p(edition));
  return cached;
}
