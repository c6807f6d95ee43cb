/**
 * The thesis's references to itself by original page and item: "See Table 1, p. 257", "see map 1",
 * "see below, p. 108", "see Chapter 3, pp. 131-2", "the glossary of Russian terms, pp. 277-8",
 * "appendix 1". Each becomes a link to its target: the item, the section, or the page anchor
 * reconstructed by the pipeline (edition.pageMap).
 */
import type { Edition } from '../pipeline/model.ts';
import { textContexts, type TextContext } from './contexts.ts';

export type XrefKind = 'page' | 'chapter' | 'introduction' | 'conclusion' | 'table' | 'map' | 'diagram' | 'appendix' | 'glossary' | 'note';

export interface CrossReference {
  context: TextContext;
  kind: XrefKind;
  /** Span to link. */
  start: number;
  end: number;
  text: string;
  /** Item number (table 4, chapter 3) and first page cited, when given. */
  item: number | null;
  page: number | null;
  href: string | null;
  /** What the link points to, or why it could not be resolved. */
  note: string;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const ITEM_SECTION: Readonly<Record<string, string>> = { table: 'tables', map: 'maps', diagram: 'diagrams', appendix: 'appendices' };
const PAGES = String.raw`pp?\.?\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:,|and)\s*\d+(?:\s*[-–]\s*\d+)?)*`;

/** Ids present on each section's page (blocks, notes, page anchors), to check every link's fragment. */
export function sectionIds(edition: Edition): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of edition.sections) {
    const ids = new Set<string>(['top']);
    for (const b of s.blocks) {
      if (b.kind === 'notes') b.notes.forEach((n) => ids.add(n.id));
      else ids.add(b.id);
      if (b.kind === 'paragraph') b.pageBreaksInside.forEach((p) => ids.add(`page-${p.page}`));
      if (b.kind === 'table') b.pageBreaksInside?.forEach((p) => ids.add(`page-${p.page}`));
    }
    out.set(s.id, ids);
  }
  for (const p of edition.pageMap) out.get(p.section)?.add(p.anchor);
  return out;
}

/** The page items of "pp. 48, 142, 172-3 and 202": each item's span and first page. */
export function pageItems(text: string, offset: number): { start: number; end: number; page: number }[] {
  const out: { start: number; end: number; page: number }[] = [];
  const prefix = /^pp?\.?\s*/u.exec(text)?.[0] ?? '';
  for (const m of text.matchAll(/\d+(?:\s*[-–]\s*\d+)?/gu)) {
    const at = m.index ?? 0;
    // The first item's link includes "p." / "pp.", as the reader sees "p. 108".
    const start = out.length === 0 ? 0 : at;
    out.push({ start: offset + start, end: offset + at + m[0].length, page: Number(/\d+/u.exec(m[0])?.[0]) });
  }
  return prefix || out.length ? out : [];
}

/**
 * A ", " directly before a designation belongs to a bibliographic reference ("op. cit., introduction";
 * "Chase, op. cit., esp. Chapter 5": Chase's chapter) unless a see-word precedes it.
 */
function citedFromBook(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 30), at).replace(/(?:esp\.|especially)\s*$/u, '');
  if (!/,\s*$/u.test(before)) return false;
  return !/\b(?:see|See|below|above|and|also)\s*,\s*$/u.test(before);
}

const cache = new WeakMap<Edition, CrossReference[]>();

/** Every cross-reference in the text (chapters, notes, back matter), resolved where possible. */
export function crossReferences(edition: Edition): CrossReference[] {
  const hit = cache.get(edition);
  if (hit) return hit;
  const ids = sectionIds(edition);
  const slugOf = new Map(edition.sections.map((s) => [s.id, s.slug]));
  const pageAt = new Map(edition.pageMap.map((p) => [p.page, p]));
  // The thesis's chapters in reading order, the Introduction and the Conclusion included ("the next chapter").
  const order = edition.sections.filter((x) => x.kind === 'chapter' || x.id === 'introduction' || x.id === 'conclusion').map((x) => x.id);
  const out: CrossReference[] = [];

  const pageLink = (page: number): { href: string | null; note: string } => {
    const p = pageAt.get(page);
    if (p) return { href: `/${p.slug}/#${p.anchor}`, note: `original page ${page}${p.approximate ? ' (reconstructed position)' : ''}, in ${p.section}` };
    // A page with no marker of its own lies after the last marked page of the section that prints it.
    const holder = edition.sections.find((x) => x.kind !== 'front' && x.firstPage !== null && x.firstPage <= page && page <= (x.lastPage ?? x.firstPage));
    const before = holder ? edition.pageMap.filter((x) => x.section === holder.id && x.page < page).at(-1) : undefined;
    if (holder && before) return { href: `/${before.slug}/#${before.anchor}`, note: `original page ${page} has no marker; it follows page ${before.page}, in ${holder.id}` };
    if (holder) return { href: `/${holder.slug}/`, note: `original page ${page}, in ${holder.id} (no page marker)` };
    return { href: null, note: `page ${page} is not in the page map` };
  };
  const sectionLink = (section: string, fragment?: string): string | null => {
    const slug = slugOf.get(section);
    if (!slug) return null;
    return fragment && ids.get(section)?.has(fragment) ? `/${slug}/#${fragment}` : `/${slug}/`;
  };

  for (const c of textContexts(edition)) {
    if (c.kind === 'heading' || c.section === 'bibliography' || c.section === 'abbreviations') continue;
    const text = c.flat.text;
    const taken: { start: number; end: number }[] = [];
    const add = (x: Omit<CrossReference, 'context' | 'text'>): void => {
      if (taken.some((t) => x.start < t.end && t.start < x.end)) return;
      taken.push({ start: x.start, end: x.end });
      out.push({ context: c, text: text.slice(x.start, x.end), ...x });
    };
    /** `item`: the map, diagram or table the pages print, the better target for a page with no marker of its own. */
    const addPages = (pagesText: string, at: number, kind: XrefKind, expectSection: string | null, item?: { href: string; note: string }): void => {
      for (const pageItem of pageItems(pagesText, at)) {
        const marked = pageAt.has(pageItem.page);
        const link = !marked && item ? { href: item.href, note: `original page ${pageItem.page} has no marker; it prints ${item.note}` } : pageLink(pageItem.page);
        const where = pageAt.get(pageItem.page)?.section;
        const note = expectSection && where && where !== expectSection ? `${link.note} (the reference names ${expectSection})` : link.note;
        add({ kind: 'page', start: pageItem.start, end: pageItem.end, item: null, page: pageItem.page, href: link.href, note: kind === 'page' ? note : `${note}, via ${kind}` });
      }
    };

    // Tables, maps, diagrams and appendices, with or without pages.
    for (const m of text.matchAll(new RegExp(String.raw`\b([Tt]able|[Mm]ap|[Dd]iagram|[Aa]ppendix)\s*(\d+)(\s*,?\s*\(?\s*(${PAGES}))?`, 'gu'))) {
      const at = m.index ?? 0;
      const kind = (m[1] as string).toLowerCase() as 'table' | 'map' | 'diagram' | 'appendix';
      const n = Number(m[2]);
      const section = ITEM_SECTION[kind] as string;
      const pagesText = m[4];
      const firstPage = pagesText ? Number(/\d+/u.exec(pagesText)?.[0]) : null;
      // "table 15, p. 158" of a statistical handbook is not one of the thesis's tables.
      if (citedFromBook(text, at)) continue;
      const pageSection = firstPage !== null ? pageAt.get(firstPage)?.section : undefined;
      if (pageSection !== undefined && pageSection !== section) continue;
      const designation = { start: at, end: at + (m[1] as string).length + (m[0].slice((m[1] as string).length).match(/^\s*\d+/u)?.[0].length ?? 0) };
      const own = `${kind}-${n}`;
      let href: string | null = null;
      let note = '';
      if (ids.get(section)?.has(own)) {
        href = sectionLink(section, own);
        note = `${kind} ${n}`;
      } else if (n === 1 && slugOf.has(section)) {
        // The first item opens its section: its title is the section's title.
        href = firstPage !== null ? pageLink(firstPage).href : sectionLink(section);
        note = `${kind} 1, at the head of ${section}`;
      } else if (firstPage !== null && pageLink(firstPage).href) {
        href = pageLink(firstPage).href;
        note = `${kind} ${n}, by its page`;
      } else note = `there is no ${kind} ${n} in the thesis`;
      add({ kind, ...designation, item: n, page: firstPage, href, note });
      const itemTarget = href !== null && href.includes(`#${own}`) ? { href, note: `${kind} ${n}` } : undefined;
      if (pagesText && m[3]) addPages(pagesText, at + m[0].length - pagesText.length, kind, section, itemTarget);
    }

    // Chapters, the introduction and the conclusion.
    for (const m of text.matchAll(new RegExp(String.raw`\b([Cc]hapters?)\s+(\d+|one|two|three|four|five|six)\b(?:\s+and\s+(\d|one|two|three|four|five|six)\b)?(?:\s*,\s*(?:especially\s+|esp\.?\s+)?(${PAGES}))?`, 'gu'))) {
      const at = m.index ?? 0;
      const n = WORD_NUMBERS[m[2] as string] ?? Number(m[2]);
      if (n < 1 || n > 6 || citedFromBook(text, at)) continue;
      const end = at + (m[1] as string).length + 1 + (m[2] as string).length;
      add({ kind: 'chapter', start: at, end, item: n, page: null, href: sectionLink(`chapter-${n}`), note: `chapter ${n}` });
      if (m[3]) {
        const second = at + m[0].indexOf(` and ${m[3]}`) + 5;
        const n2 = WORD_NUMBERS[m[3]] ?? Number(m[3]);
        add({ kind: 'chapter', start: second, end: second + m[3].length, item: n2, page: null, href: sectionLink(`chapter-${n2}`), note: `chapter ${n2}` });
      }
      if (m[4]) addPages(m[4], at + m[0].length - (m[4] as string).length, 'chapter', `chapter-${n}`);
    }
    for (const m of text.matchAll(new RegExp(String.raw`\b([Ii]ntroduction|[Cc]onclusion)\s*,\s*(${PAGES})`, 'gu'))) {
      const at = m.index ?? 0;
      if (citedFromBook(text, at)) continue;
      const section = (m[1] as string).toLowerCase();
      add({ kind: section as XrefKind, start: at, end: at + (m[1] as string).length, item: null, page: null, href: sectionLink(section), note: section });
      addPages(m[2] as string, at + m[0].length - (m[2] as string).length, 'page', section);
    }

    // "See introduction.", "As we saw in the introduction", "In the introductory chapter": the thesis's own.
    for (const m of text.matchAll(/\b(?:[Ss]ee(?: the)?|[Ss]aw in the|[Ii]n the)\s+(introduction|conclusion|introductory chapter)\b(?!\s+(?:to|of)\b)/gu)) {
      const at = (m.index ?? 0) + m[0].length - (m[1] as string).length;
      if (citedFromBook(text, m.index ?? 0)) continue;
      const section = (m[1] as string).startsWith('conclusion') ? 'conclusion' : 'introduction';
      add({ kind: section, start: at, end: at + (m[1] as string).length, item: null, page: null, href: sectionLink(section), note: section });
    }

    // "In the next chapter": the chapter after the one the sentence is in (the Introduction's next is Chapter 1).
    for (const m of text.matchAll(/\bthe (next|previous) chapter\b/gu)) {
      const here = order.indexOf(c.section);
      const there = here < 0 ? undefined : order[here + (m[1] === 'next' ? 1 : -1)];
      if (!there) continue;
      const at = (m.index ?? 0) + 4;
      add({ kind: there === 'introduction' || there === 'conclusion' ? there : 'chapter', start: at, end: at + m[0].length - 4, item: /^chapter-(\d)$/u.test(there) ? Number(there.slice(8)) : null, page: null, href: sectionLink(there), note: `${m[1]} chapter: ${there}` });
    }

    // "See footnote 1" (Table 4's notes): a note of the same numbering scope.
    if (c.kind === 'note') {
      for (const m of text.matchAll(/\b[Ss]ee (?:foot)?note (\d+)\b/gu)) {
        const id = `${c.scope}-n${m[1]}`;
        const at = (m.index ?? 0) + 4;
        const found = ids.get(c.section)?.has(id) ?? false;
        add({ kind: 'note', start: at, end: at + m[0].length - 4, item: Number(m[1]), page: null, href: found ? `/${c.slug}/#${id}` : null, note: found ? `note ${m[1]} of the same numbering` : `there is no note ${m[1]} in this numbering` });
      }
    }

    // The glossary.
    for (const m of text.matchAll(/\b(glossary(?: of Russian terms)?)(?:\s*,\s*(pp?\.\s*\d+(?:\s*[-–]\s*\d+)?))?/giu)) {
      const at = m.index ?? 0;
      add({ kind: 'glossary', start: at, end: at + m[0].length, item: null, page: m[2] ? Number(/\d+/u.exec(m[2])?.[0]) : null, href: sectionLink('glossary'), note: 'the glossary of Russian terms' });
    }

    // "see above, pp. 70-1", "cited below, p. 108", and a bare "See pp. 223-4." (a book's pages follow its title).
    for (const m of text.matchAll(new RegExp(String.raw`\b(?:above|below)\s*,?\s*(${PAGES})|(?<![,\w]\s*)\b[Ss]ee\s+(${PAGES})`, 'gu'))) {
      const pagesText = (m[1] ?? m[2]) as string;
      addPages(pagesText, (m.index ?? 0) + m[0].length - pagesText.length, 'page', null);
    }
  }
  out.sort((a, b) => a.context.line - b.context.line || a.start - b.start);
  cache.set(edition, out);
  return out;
}

/** Resolved and unresolved cross-references, for the build to print. */
export function crossReferenceReport(edition: Edition): { total: number; resolved: number; unresolved: { where: string; text: string; note: string }[] } {
  const all = crossReferences(edition);
  const unresolved = all.filter((x) => x.href === null).map((x) => ({ where: `${x.context.slug}#${x.context.block}`, text: x.text, note: x.note }));
  return { total: all.length, resolved: all.length - unresolved.length, unresolved };
}
