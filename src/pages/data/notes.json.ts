import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { allTables } from '../../backmatter/tables.ts';
import { noteText } from '../../pipeline/block-text.ts';
import { pagesNumberedApproximately } from '../../citations/contexts.ts';

/**
 * Every footnote with its stable id, scope, number, original page (and whether that page's number
 * may be off), source line and whole text:
 * a table the note carries comes as tab-separated lines, and `tables` names it in tables.json.
 */
export const GET: APIRoute = () => {
  const edition = loadEdition();
  // A note is printed at the foot of the page its block ends: its page is approximate only where the numbers drift.
  const approximate = pagesNumberedApproximately(edition);
  const tableKey = new Map(allTables(edition).flatMap((t) => t.blockIds.map((id) => [`${t.section}#${id}`, t.key] as const)));
  const notes = edition.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'notes'
        ? b.notes.map((n) => ({
            id: n.id,
            scope: n.scope,
            scopeLabel: b.scopeLabel,
            n: n.n,
            page: n.page,
            pageApproximate: n.page !== null && approximate.has(n.page),
            line: n.line,
            url: `/${s.slug}/#${n.id}`,
            text: noteText(n),
            tables: n.extra.flatMap((x) => (x.kind === 'table' ? [tableKey.get(`${s.id}#${x.id}`) ?? x.id] : [])),
          }))
        : [],
    ),
  );
  return new Response(`${JSON.stringify(notes, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
