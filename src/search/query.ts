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

/**
 * Forms a reader types that the thesis prints otherwise, rewritten before anything else:
 * the archive's present name (GARF, GA RF: the TsGAOR of the notes), a page without its space
 * ("p.108": the notes print "p. 108" and "p.108", and each record carries both, records.ts), and
 * a date's two-digit year ("10/4/26": each note carries its dates with the year in full).
 */
/** A day/month/two-digit-year date ("10/4/26"), not part of a longer figure or an archival reference. */
export const SHORT_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/])/gu;

/** The date with its year in full ("10/4/1926"), or null when the day or month cannot be one. */
export function fullYearDate(day: string, month: string, year: string): string | null {
  return Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12 ? `${day}/${month}/19${year}` : null;
}

export function standardForms(query: string): { query: string; changed: [string, string][] } {
  const changed: [string, string][] = [];
  const out = query
    .replace(/\bGA\s?RF\b/gu, (m) => {
      changed.push([m, 'TsGAOR']);
      return 'TsGAOR';
    })
    .replace(/\b(pp?)\.(?=\d)/gu, '$1. ')
    .replace(SHORT_DATE, (m, d: string, mo: string, y: string) => fullYearDate(d, mo, y) ?? m);
  return { query: out, changed };
}

/** `ia`: the edition's "ia"/"iu" respellings (spelling.ts iaSpellings), once the page has loaded them. */
export function normaliseQuery(query: string, ia: Readonly<Record<string, string>> = {}): NormalisedQuery {
  const standard = standardForms(query.trim());
  const extracted = extractReferences(standard.query);
  // A reference typed in quotes ("7952/3/253") leaves its quotes behind: nothing to search as a phrase.
  const rest = extracted.rest.replace(/"\s*"/gu, ' ').trim();
  const refs = extracted.refs;
  const { query: text, changed } = PHRASE.test(rest) ? { query: rest, changed: [] } : respell(rest, ia);
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
    respelled: [...standard.changed, ...changed],
  };
}
