/**
 * A reader's query, as Pagefind should receive it: archival references become exact "ref" filter
 * values (archival.ts), other transliterations are respelled the thesis's way (spelling.ts), and
 * the rest goes to the full-text search. Also says what to highlight on the page a result opens.
 */
import { extractReferences } from './archival.ts';
import { respell } from './spelling.ts';

export interface NormalisedQuery {
  /** Words for Pagefind's text search; null when the query is only archival references. */
  text: string | null;
  /** Values of the "ref" filter every result must carry ("7952/3/82", "T 2850"). */
  refs: string[];
  /** Strings to highlight on the landing page, as the thesis prints them. */
  highlight: string[];
  /** Words respelled: [as typed, as the thesis spells it]. */
  respelled: [string, string][];
}

/** Pagefind's own query syntax: a phrase in double quotes is searched exactly. */
export const PHRASE = /^\s*".+"\s*$/u;

export function normaliseQuery(query: string): NormalisedQuery {
  const { refs, rest } = extractReferences(query.trim());
  const { query: text, changed } = PHRASE.test(rest) ? { query: rest, changed: [] } : respell(rest);
  const words = PHRASE.test(rest)
    ? [rest.trim().slice(1, -1).trim()]
    : text
        .split(/\s+/u)
        .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
        .filter((w) => w.length > 1);
  return {
    text: text === '' ? null : text,
    refs: [...new Set(refs.map((r) => r.key))],
    highlight: [...new Set([...refs.flatMap((r) => r.highlight), ...words])],
    respelled: changed,
  };
}
