import type { Edition } from '../pipeline/model.ts';
import type { Annotation } from './types.ts';

let cached: Annotation[] | null = null;

/** Every annotation of every feature (places, citations, cross-references…), computed once per build. */
export function allAnnotations(edition: Edition): Annotation[] {
  if (cached) return cached;
  const providers: ((e: Edition) => Annotation[])[] = [];
  cached = providers.flatMap((p) => p(edition));
  return cached;
}
