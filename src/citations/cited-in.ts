/**
 * The other way along a citation: for each bibliography entry, the notes that cite it (by title,
 * short title, op. cit., loc. cit. or Ibid.), in reading order, grouped by numbering scope, so the
 * Bibliography can say where the thesis uses each work. A pure function of the edition's links.
 */
import type { Edition } from '../pipeline/model.ts';
import { citationAnnotations } from './annotations.ts';
import { textContexts } from './contexts.ts';
import { IDENTIFICATIONS } from './identifications.ts';
import { citationStream } from './stream.ts';

export interface CitingNotes {
  /** The scope's label as the notes' headings give it ("Chapter 2, part 3"). */
  scope: string;
  notes: { n: number; href: string }[];
}

/** Entry id (bib-…) → the notes citing it, by scope in reading order. */
export function citingNotes(edition: Edition): Map<string, CitingNotes[]> {
  const contexts = new Map(textContexts(edition).map((c, order) => [`${c.section} ${c.block}`, { c, order }]));
  const labels = new Map(edition.noteScopes.map((s) => [s.scope, s.label]));
  const byEntry = new Map<string, { scope: string; n: number; href: string; order: number }[]>();
  const add = (id: string | undefined, section: string, block: string): void => {
    const at = contexts.get(`${section} ${block}`);
    // A note, or a table or paragraph a note carries (Chapter 3 n. 20's table and its source line): the note cites it.
    if (!id || !at || at.c.noteId === null || at.c.n === null) return;
    const list = byEntry.get(id) ?? [];
    const href = `/${at.c.slug}/#${at.c.noteId}`;
    if (!list.some((x) => x.href === href)) list.push({ scope: labels.get(at.c.scope) ?? at.c.scope, n: at.c.n, href, order: at.order });
    byEntry.set(id, list);
  };
  // Every link to an entry: a title, a short title, op. cit., loc. cit., Ibid.
  for (const a of citationAnnotations(edition)) if (a.className === 'bib') add(/^\/bibliography\/#(bib-[\w-]+)$/u.exec(a.href)?.[1], a.section, a.block);
  // A newspaper or journal cited by its abbreviation ("RM, 25/2/31") links to the Abbreviations, but cites the periodical's entry.
  for (const m of citationStream(edition).mentions) if (m.target.kind === 'periodical' && m.target.entry) add(m.target.entry.id, m.context.section, m.context.block);
  // Words that name two works ("the two 1927 conferences") link to the first; they cite the others too.
  const noteSections = new Map([...contexts.values()].map(({ c }) => [c.block, c.section]));
  for (const x of IDENTIFICATIONS) for (const id of x.also ?? []) add(id, noteSections.get(x.note) ?? '', x.note);
  const out = new Map<string, CitingNotes[]>();
  for (const [id, list] of byEntry) {
    const groups: CitingNotes[] = [];
    for (const x of [...list].sort((p, q) => p.order - q.order)) {
      const last = groups.at(-1);
      if (last?.scope === x.scope) last.notes.push({ n: x.n, href: x.href });
      else groups.push({ scope: x.scope, notes: [{ n: x.n, href: x.href }] });
    }
    out.set(id, groups);
  }
  return out;
}
