/**
 * Results as the page lists them: each note on its own; paragraphs of the same part of the text
 * gathered under its heading as sub-results (Pagefind's page/sub-result shape, built from
 * paragraph records), in the order of their best-ranked member.
 */

/** What the list needs of one Pagefind result (its fragment's data). */
export interface ResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}

export interface ResultGroup<T extends ResultData = ResultData> {
  /** Heading of the group: the note's place, or "Chapter 2 › Heading". */
  title: string;
  /** Where the title links: the note, the one paragraph, or the heading of several. */
  url: string;
  isNote: boolean;
  items: T[];
}

export function isNoteResult(d: ResultData): boolean {
  return (d.filters?.['kind'] ?? []).includes('note');
}

export function groupResults<T extends ResultData>(results: readonly T[]): ResultGroup<T>[] {
  const groups: ResultGroup<T>[] = [];
  const byKey = new Map<string, ResultGroup<T>>();
  for (const d of results) {
    const title = d.meta['title'] ?? d.url;
    if (isNoteResult(d)) {
      groups.push({ title: d.meta['place'] ?? title, url: d.url, isNote: true, items: [d] });
      continue;
    }
    const key = `${title}\u0000${d.meta['heading'] ?? ''}`;
    const group = byKey.get(key);
    if (group) {
      group.items.push(d);
      group.url = d.meta['heading'] ?? group.url;
      continue;
    }
    const fresh: ResultGroup<T> = { title, url: d.url, isNote: false, items: [d] };
    byKey.set(key, fresh);
    groups.push(fresh);
  }
  return groups;
}
