/**
 * Results as the page lists them: each note on its own, titled with its place; paragraphs of the
 * same part of the text gathered under its heading as sub-results (Pagefind's page/sub-result
 * shape, built from paragraph records), in the order of their best-ranked member. Titles are
 * built here from the record's URL and numbers and the outline (see records.ts: SearchOutline),
 * so that no title words are indexed.
 */
import { scopeLabel } from '../pipeline/structure.ts';
import { pagesLabel } from '../citations/cite.ts';
import type { SearchOutline } from './records.ts';

/** What the list needs of one Pagefind result (its fragment's data). */
export interface ResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

export interface DescribedResult<T extends ResultData = ResultData> {
  data: T;
  isNote: boolean;
  /** "Chapter 2, part 3, note 15", "Chapter 2 › The 'New Opposition' of 1925.", "Glossary: raikom". */
  title: string;
  /** Title with the thesis page: "Chapter 2, part 3, note 15 (thesis p. 102)". */
  place: string;
  /** The heading the result falls under (or its section), for grouping. */
  headingUrl: string;
}

export interface ResultGroup<T extends ResultData = ResultData> {
  /** The note's place, a single paragraph's place, or the heading of several. */
  title: string;
  /** Where the title links: the note, the one paragraph, or the heading of several. */
  url: string;
  isNote: boolean;
  items: DescribedResult<T>[];
}

/** "Chapter 2, part 3, note 15" from a note id ("ch2.3-n15"). */
export function noteTitle(noteId: string): string | null {
  const m = /^(.+)-n(\d+)$/u.exec(noteId);
  return m ? `${scopeLabel(m[1] as string)}, note ${m[2]}` : null;
}

export function describeResult<T extends ResultData>(d: T, outline: SearchOutline): DescribedResult<T> {
  // The first path segment names the section ("/chapter-2/#para-3"; "/people/uglanov/": People).
  const m = /^\/([^/]+)\/[^#]*(?:#(.*))?$/u.exec(d.url);
  const slug = m?.[1] ?? '';
  const anchor = decodeURIComponent(m?.[2] ?? '');
  const label = outline.sections[slug] ?? slug;
  const page = d.meta['page'];
  // A paragraph that runs over a page break has a range ("84–85"): pp.
  const withPage = (t: string): string => (page ? `${t} (thesis ${pagesLabel(page)})` : t);
  const isNote = (d.filters?.['kind'] ?? []).includes('note');
  if (isNote) {
    const title = noteTitle(anchor) ?? label;
    return { data: d, isNote, title, place: withPage(title), headingUrl: d.url };
  }
  const heading = d.meta['h'] !== undefined ? outline.headings[slug]?.[Number(d.meta['h'])] : undefined;
  const headingUrl = heading ? `/${slug}/#${heading[0]}` : `/${slug}/`;
  const title = d.meta['title'] ? `${label}: ${d.meta['title']}` : heading ? `${label} › ${heading[1]}` : label;
  return { data: d, isNote, title, place: withPage(title), headingUrl };
}

export function groupResults<T extends ResultData>(results: readonly DescribedResult<T>[]): ResultGroup<T>[] {
  const groups: ResultGroup<T>[] = [];
  const byKey = new Map<string, ResultGroup<T>>();
  for (const r of results) {
    if (r.isNote) {
      groups.push({ title: r.place, url: r.data.url, isNote: true, items: [r] });
      continue;
    }
    const key = `${r.title}\u0000${r.headingUrl}`;
    const group = byKey.get(key);
    if (group) {
      // Several paragraphs: the group is titled by (and links to) their heading.
      group.items.push(r);
      group.title = r.title;
      group.url = r.headingUrl;
      continue;
    }
    const fresh: ResultGroup<T> = { title: r.place, url: r.data.url, isNote: false, items: [r] };
    byKey.set(key, fresh);
    groups.push(fresh);
  }
  return groups;
}
