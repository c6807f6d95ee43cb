/**
 * Result excerpts as plain segments (text, or marked text) that the page turns into text nodes
 * and <mark> elements — never into HTML, so no markup from the index reaches the page.
 */
import { escapeRe } from '../citations/text.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the few entities Pagefind's excerpts contain (it escapes the record's text). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (all, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Pagefind's excerpt HTML (text with <mark> around matches) as segments; any other tag is dropped. */
export function excerptSegments(html: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  for (const part of html.split(/(<mark>|<\/mark>)/u)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else {
      const text = decodeEntities(part.replace(/<[^>]*>/gu, ''));
      if (text) out.push({ text, mark });
    }
  }
  return out;
}

/**
 * An excerpt of about `words` words around the first of the needles found in a text, with every
 * needle marked — for results found by an archival reference, which Pagefind cannot excerpt
 * (no words were searched). Without a needle in the text, the text's beginning.
 */
export function excerptAround(text: string, needles: readonly string[], words = 30): Segment[] {
  const wanted = needles.filter((n) => n.length > 0);
  const hits = wanted.map((n) => text.search(new RegExp(needlePattern(n), 'iu'))).filter((i) => i >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  // Start a third of the window before the first hit, at a word boundary.
  const before = text.slice(0, first).split(/\s+/u);
  const lead = Math.floor(words / 3);
  const startWord = Math.max(0, before.length - 1 - lead);
  const start = startWord === 0 ? 0 : before.slice(0, startWord).join(' ').length + 1;
  const tail = text.slice(start).split(/\s+/u);
  const window = tail.slice(0, words).join(' ');
  const body = `${start > 0 ? '… ' : ''}${window}${tail.length > words ? ' …' : ''}`;
  return markAll(body, wanted);
}

/**
 * A needle as a pattern: after each "/" of a reference a space may stand, as the typescript prints
 * some of them ("7952/ 3/267" for 7952/3/267).
 */
const needlePattern = (needle: string): string => escapeRe(needle).replace(/\//gu, '/\\s?');

/**
 * The needles as the text prints them, where that differs ("7952/ 3/267"): the landing page's
 * highlighter matches exactly, so it is given these too.
 */
export function printedForms(text: string, needles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of needles.filter((x) => x.includes('/'))) {
    for (const m of text.matchAll(new RegExp(needlePattern(n), 'giu'))) if (m[0] !== n) out.add(m[0]);
  }
  return [...out];
}

/** Split a text into segments with every occurrence of the needles marked (case-insensitive). */
export function markAll(text: string, needles: readonly string[]): Segment[] {
  const wanted = [...new Set(needles.filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return text ? [{ text, mark: false }] : [];
  const re = new RegExp(wanted.map(needlePattern).join('|'), 'giu');
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ text: text.slice(at, i), mark: false });
    out.push({ text: m[0], mark: true });
    at = i + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
