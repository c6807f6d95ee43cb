/**
 * Every block of the edition whose text may hold a citation or a cross-reference, as flat text,
 * in reading order, with where it lives (section, block id) and its note-numbering scope.
 */
import type { Edition, Section } from '../pipeline/model.ts';
import { flatten, type FlatText } from './text.ts';

export interface TextContext {
  section: string;
  slug: string;
  sectionKind: Section['kind'];
  /** Block id the renderer annotates (note id, paragraph id, heading id, table id). */
  block: string;
  kind: 'note' | 'paragraph' | 'heading' | 'table';
  /** Note-numbering scope ('ch2.1', 'intro'…), or the section id for blocks outside any scope. */
  scope: string;
  line: number;
  page: number | null;
  /** The block's page is uncertain (pagesOfUncertainText, or for a note pagesNumberedApproximately): cited as approximate. */
  pageApproximate: boolean;
  /** The note's own number (notes and the paragraphs or tables a note carries). */
  n: number | null;
  /** The note this block belongs to (itself for a note; the note for a note's extra paragraph or table). */
  noteId: string | null;
  flat: FlatText;
}

const cache = new WeakMap<Edition, TextContext[]>();

/**
 * Pages whose number may be off: a part whose pages could not all be placed (the numbers after its
 * first drift). A note is printed at the foot of the page its block ends, so only this makes a
 * note's page, or a reference in it, approximate.
 */
export function pagesNumberedApproximately(edition: Edition): Set<number> {
  return new Set(edition.pageMap.filter((a) => a.numberApproximate).map((a) => a.page));
}

/**
 * Pages whose text may belong to a neighbouring page: each page whose start was placed by length
 * (marked "≈") and the page before it, whose end was, and any page whose number may be off. A
 * paragraph on them is cited as approximate.
 */
export function pagesOfUncertainText(edition: Edition): Set<number> {
  const out = pagesNumberedApproximately(edition);
  for (const a of edition.pageMap.filter((x) => x.approximate)) {
    out.add(a.page);
    if (edition.pageMap.some((x) => x.page === a.page - 1 && x.section === a.section)) out.add(a.page - 1);
  }
  return out;
}

/** All text blocks of every non-front section, each section's blocks in source-line order. */
export function textContexts(edition: Edition): TextContext[] {
  const hit = cache.get(edition);
  if (hit) return hit;
  const out: TextContext[] = [];
  const noteUncertain = pagesNumberedApproximately(edition);
  const textUncertain = pagesOfUncertainText(edition);
  const pageOf = (page: number | null, of: 'note' | 'text' = 'text'): { page: number | null; pageApproximate: boolean } => ({ page, pageApproximate: page !== null && (of === 'note' ? noteUncertain : textUncertain).has(page) });
  for (const s of edition.sections) {
    if (s.kind === 'front') continue;
    const base = { section: s.id, slug: s.slug, sectionKind: s.kind };
    const mine: TextContext[] = [];
    for (const b of s.blocks) {
      if (b.kind === 'notes') {
        for (const n of b.notes) {
          mine.push({ ...base, block: n.id, kind: 'note', scope: n.scope, line: n.line, ...pageOf(n.page, 'note'), n: n.n, noteId: n.id, flat: flatten([n.content]) });
          // A note may carry its own table and paragraphs (caption, source, comment).
          for (const x of n.extra ?? []) {
            const flat = x.kind === 'table' ? flatten([...(x.caption ? [x.caption] : []), ...x.headRows.flat(), ...x.bodyRows.flat()]) : flatten([x.content]);
            mine.push({ ...base, block: x.id, kind: x.kind, scope: n.scope, line: x.lines[0] ?? n.line, ...pageOf(n.page, 'note'), n: n.n, noteId: n.id, flat });
          }
        }
      } else if (b.kind === 'paragraph') {
        mine.push({ ...base, block: b.id, kind: 'paragraph', scope: b.scope ?? s.id, line: b.lines[0] ?? s.titleLine, ...pageOf(b.pages[0] ?? null), n: null, noteId: null, flat: flatten([b.content]) });
      } else if (b.kind === 'heading') {
        mine.push({ ...base, block: b.id, kind: 'heading', scope: b.scope ?? s.id, line: b.lines[0] ?? s.titleLine, ...pageOf(null), n: null, noteId: null, flat: flatten([b.content]) });
      } else if (b.kind === 'table') {
        const cells = [...(b.caption ? [b.caption] : []), ...b.headRows.flat(), ...b.bodyRows.flat()];
        mine.push({ ...base, block: b.id, kind: 'table', scope: b.scope ?? s.id, line: b.lines[0] ?? s.titleLine, ...pageOf(null), n: null, noteId: null, flat: flatten(cells) });
      }
    }
    // Notes sit at the foot of their pages in the source, so line order is reading order.
    mine.sort((a, b) => a.line - b.line);
    out.push(...mine);
  }
  cache.set(edition, out);
  return out;
}

/** URL of a block on its section page. */
export function contextHref(c: Pick<TextContext, 'slug' | 'block'>): string {
  return `/${c.slug}/#${c.block}`;
}

/** A reader's label for a block: "Chapter 3, note 59" or "Tables, para-10". */
export function contextLabel(c: TextContext, edition: Edition): string {
  const scope = edition.noteScopes.find((s) => s.scope === c.scope);
  if (c.noteId !== null) return `${scope?.label ?? c.section}, note ${c.n}`;
  const section = edition.sections.find((s) => s.id === c.section);
  return `${section?.label ?? c.section}, ${c.block}`;
}
