/**
 * Reads each chapter page of the built site and weighs it against its own text
 * (src/reading/page-weight.ts). Shared by `npm run bench` (which prints it) and
 * scripts/check-weight.ts (which enforces the budget in `npm test`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockText } from '../src/pipeline/block-text.ts';
import type { Edition } from '../src/pipeline/model.ts';
import { floorRatio, linkedStylesheets, pageWeight, ratio, type PageWeight } from '../src/reading/page-weight.ts';

export interface ChapterWeight {
  readonly slug: string;
  readonly weight: PageWeight;
}

export function chapterWeights(dist: string, edition: Edition): ChapterWeight[] {
  return edition.sections
    .filter((s) => s.kind === 'chapter')
    .map((s) => {
      const html = readFileSync(join(dist, s.slug, 'index.html'), 'utf8');
      const css = linkedStylesheets(html).map((href) => readFileSync(join(dist, href)));
      return { slug: s.slug, weight: pageWeight(html, css, s.blocks.map(blockText).join('\n')) };
    });
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1).padStart(6);

/** One line a page: what it transfers, its text, the ratio, the HTML alone and the no-markup floor. */
export function weightLine({ slug, weight: w }: ChapterWeight): string {
  return `  ${slug.padEnd(12)} page ${kb(w.html + w.css)} KB  text ${kb(w.text)} KB  ratio ${ratio(w).toFixed(2)} (HTML alone ${(w.html / w.text).toFixed(2)}; no markup at all ${floorRatio(w).toFixed(2)})  scripts ${w.scripts}`;
}

/** What the markup costs, and what the 1.3 would leave it. */
export function markupLine({ slug, weight: w }: ChapterWeight): string {
  const markup = w.html + w.css - w.floor;
  const left = 1.3 * w.text - w.floor;
  return `  ${slug.padEnd(12)} markup ${kb(markup)} KB for ${String(w.links).padStart(4)} links; 1.3 would leave ${kb(left)} KB (${Math.max(0, left / w.links).toFixed(1)} bytes a link)`;
}
