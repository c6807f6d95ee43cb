import type { APIRoute } from 'astro';
import { loadEdition } from '../../data/edition-data.ts';
import { inlineText } from '../../pipeline/inline.ts';

/** Every footnote with its stable id, scope, number, original page, source line and text. */
export const GET: APIRoute = () => {
  const edition = loadEdition();
  const notes = edition.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'notes'
        ? b.notes.map((n) => ({ id: n.id, scope: n.scope, scopeLabel: b.scopeLabel, n: n.n, page: n.page, line: n.line, url: `/${s.slug}/#${n.id}`, text: inlineText(n.content) }))
        : [],
    ),
  );
  return new Response(`${JSON.stringify(notes, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
