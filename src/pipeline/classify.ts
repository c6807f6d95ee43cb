import type { HeadingKind } from './model.ts';

const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/u;
const TAGS = /<\/?[iu]>|\*/gu;

/** Text without markup, for deciding what a line is. */
export function plain(text: string): string {
  return text.replace(TAGS, '');
}

export interface HeadingShape {
  kind: HeadingKind;
  /** "1" for a numbered part, "a" for a lettered section. */
  ordinal: string | null;
}

/**
 * Headings inside a chapter: numbered parts (`1. The Moscow Committee and the Left, 1925-7`),
 * lettered sections (`a) Moscow's Population.`) and unnumbered subheadings
 * (`The 'New Opposition' of 1925.`). A heading is short, carries no note marker, starts with a
 * capital (or a quote), and is at most twelve words: prose that happens to be short is longer
 * than that or starts in lower case (a paragraph continued after a page of notes).
 */
export function headingShape(text: string): HeadingShape | null {
  const t = plain(text).trim();
  if (t.length === 0 || t.length > 90) return null;
  if (SUPERSCRIPTS.test(t)) return null;
  if (/^(Source|Sources|Note|Notes)\b/u.test(t)) return null;
  const words = t.split(/\s+/u).length;
  if (words > 12) return null;
  const part = /^(\d)\. +['A-Z]/u.exec(t);
  if (part) return { kind: 'part', ordinal: part[1] as string };
  const lettered = /^([a-h])\) +['A-Z]/u.exec(t);
  if (lettered) return { kind: 'lettered', ordinal: lettered[1] as string };
  if (!/^['A-Z]/u.test(t)) return null;
  if (/[,;:]$/u.test(t)) return null;
  return { kind: 'subheading', ordinal: null };
}

/** Sentence-final punctuation at the end of a paragraph (ignoring markers, tags, quotes). */
export function endsSentence(text: string): boolean {
  const t = plain(text).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+$/u, '');
  return /[.!?:]['"’”)\]]*$/u.test(t) || /[.!?]['"’”)\]]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$/u.test(t);
}

/** A continuation after a page of notes starts in lower case (or with a digit or bracket). */
export function startsLikeContinuation(text: string): boolean {
  const t = plain(text).trimStart();
  return /^[a-z0-9(\-–]/u.test(t);
}

/** Numeric table cell (`1, 665, 800`, `2,025.9`, `103.5%`, `-`). */
export function isNumericCell(text: string): boolean {
  const t = plain(text).trim();
  return t !== '' && /^[\d\s,.%—–\-+()]+$/u.test(t);
}

/** URL-safe anchor from heading text. */
export function slugify(text: string): string {
  // Markers go before NFKD normalisation, which would turn '²' into '2'.
  return plain(text)
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/['’"]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60)
    .replace(/-+$/u, '')
    // Ids start with a letter (valid in every HTML and CSS context): "3/4/1926 MK plenum" → "h-3-4-1926-mk-plenum".
    .replace(/^(?=\d)/u, 'h-');
}
