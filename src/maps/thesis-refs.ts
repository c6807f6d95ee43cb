/**
 * The passages of the thesis that the map reconstructions rest on, found by their wording so
 * that the links on the map pages follow the text.
 */
import type { Edition } from '../pipeline/model.ts';
import { textContexts } from '../citations/contexts.ts';
import { mentionLabel } from './mentions.ts';

export interface ThesisPassage {
  href: string;
  label: string;
  text: string;
}

/** The first block whose text contains `needle`, or null. */
export function findPassage(edition: Edition, needle: string): ThesisPassage | null {
  const c = textContexts(edition).find((x) => x.flat.text.includes(needle));
  return c ? { href: `/${c.slug}/#${c.block}`, label: mentionLabel(c, edition), text: c.flat.text } : null;
}

/** The raions of December 1930 as the thesis lists them ("The final raions were Bauman, Stalin, … and Zamoskvorech'e."). */
export function raionsApprovedDecember1930(edition: Edition): { names: string[]; passage: ThesisPassage } | null {
  const passage = findPassage(edition, 'The final raions were');
  if (!passage) return null;
  const m = /The final raions were ([^.]+)\./u.exec(passage.text);
  if (!m?.[1]) return null;
  const names = m[1].split(/,\s*|\s+and\s+/u).map((s) => s.trim()).filter((s) => s !== '');
  return { names, passage };
}

/** The passages cited on the map pages, by purpose. */
export function mapSources(edition: Edition): Record<'slices' | 'sizes' | 'reform' | 'proposals' | 'oblast' | 'okrugs', ThesisPassage | null> {
  return {
    slices: findPassage(edition, 'they cut the circular city into slices'),
    sizes: findPassage(edition, 'the largest raion occupied 35%'),
    reform: findPassage(edition, 'divided into ten new units'),
    proposals: findPassage(edition, 'The final raions were'),
    oblast: findPassage(edition, 'It was to absorb the former provinces'),
    okrugs: findPassage(edition, 'of which there were ten in the Moscow oblast'),
  };
}
