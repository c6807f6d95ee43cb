import type { Block, Inline, Note, NoteList, Section, TableBlock } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { escapeHtml } from './escape.ts';
import { BlockAnnotations, pageMarker, renderInlines } from './inline-html.ts';
import { noteLines, paragraphLines } from './line-estimate.ts';

export interface RenderContext {
  /** Annotations for this section, grouped by block id. */
  annotations: ReadonlyMap<string, Annotation[]>;
  /** Extra ids to put on blocks (e.g. bibliography entry anchors), by block id. */
  extraIds?: ReadonlyMap<string, string>;
  /** Row anchors of tables (glossary terms, abbreviations): table id → row index → ids. */
  rowIds?: ReadonlyMap<string, string[][]>;
  /** Anchors of single cells (the bibliography's congresses), by "table id:body row:column". */
  cellIds?: ReadonlyMap<string, string>;
  /** Editorial HTML to follow a paragraph (by block id) or go at the end of a cell ("table id:body row:column"): where the notes cite an entry. */
  after?: ReadonlyMap<string, string>;
}

const emptyContext: RenderContext = { annotations: new Map() };

function annotationsFor(ctx: RenderContext, blockId: string): BlockAnnotations {
  return new BlockAnnotations(ctx.annotations.get(blockId) ?? []);
}

/** Render one block of a section as HTML. */
export function renderBlock(block: Block, ctx: RenderContext = emptyContext): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${block.level}`;
      return `<${tag} id="${escapeHtml(block.id)}">${renderInlines(block.content, { annotations: annotationsFor(ctx, block.id) })}</${tag}>`;
    }
    case 'paragraph': {
      const anchor = ctx.extraIds?.get(block.id);
      const anchorHtml = anchor ? `<span class="anchor" id="${escapeHtml(anchor)}"></span>` : '';
      const cls = block.style === 'prose' ? '' : ` class="${block.style}"`;
      const body = renderInlines(block.content, { annotations: annotationsFor(ctx, block.id), pageBreaks: block.pageBreaksInside, blockQuoteFrom: block.blockQuoteFrom });
      // data-lines: the room a long chapter reserves for the paragraph until it is laid out (line-estimate.ts).
      return `<p id="${escapeHtml(block.id)}"${cls} data-lines="${paragraphLines(block)}">${anchorHtml}${body}</p>${ctx.after?.get(block.id) ?? ''}`;
    }
    case 'table':
      return renderTable(block, ctx);
    case 'pagebreak':
      return pageMarker(block.page, block.approximate, 'block');
    case 'notes':
      return renderNoteList(block, ctx);
  }
}

function renderTable(table: TableBlock, ctx: RenderContext): string {
  const ann = annotationsFor(ctx, table.id);
  const cell = (tag: 'th' | 'td', content: Inline[], scope?: string, span = 1, anchors: readonly string[] = [], trailing = ''): string =>
    `<${tag}${span > 1 ? ` colspan="${span}"` : ''}${scope ? ` scope="${scope}"` : ''}>${anchors.map((id) => `<span class="anchor" id="${escapeHtml(id)}"></span>`).join('')}${renderInlines(content, { annotations: ann })}${trailing}</${tag}>`;
  const captionId = `${table.id}-caption`;
  const caption = table.caption ? `<caption id="${escapeHtml(captionId)}">${renderInlines(table.caption, { annotations: ann })}</caption>` : '';
  // A heading typed across several columns spans them (headSpans); the cells it covers are empty.
  const headRow = (r: Inline[][], k: number): string =>
    r
      .map((c, i) => {
        const span = table.headSpans?.[k]?.[i] ?? 1;
        return span === 0 ? '' : cell('th', c, span > 1 ? 'colgroup' : 'col', span);
      })
      .join('');
  const head = table.headRows.length ? `<thead>${table.headRows.map((r, k) => `<tr>${headRow(r, k)}</tr>`).join('')}</thead>` : '';
  const rowHeaders = table.headRows.length > 0 && table.rowHeaders !== false;
  const ids = ctx.rowIds?.get(table.id) ?? [];
  // An original page that began inside the table: a row of its own before the row it starts with.
  const columns = Math.max(...table.bodyRows.map((r) => r.length), ...table.headRows.map((r) => r.length), 1);
  const pageRow = (k: number): string =>
    (table.pageBreaksInside ?? [])
      .filter((p) => p.beforeRow === k)
      .map((p) => `<tr class="pb-row"><td colspan="${columns}">${pageMarker(p.page, p.approximate, 'block')}</td></tr>`)
      .join('');
  const body = `<tbody>${table.bodyRows
    .map((r, k) => {
      const [rowId, ...more] = ids[table.headRows.length + k] ?? [];
      const cells = r.map((c, i) => {
        // Anchors inside a cell: a row's further terms (in its first cell), and an entry's own cell.
        const own = ctx.cellIds?.get(`${table.id}:${k}:${i}`);
        const anchors = [...(i === 0 ? more : []), ...(own ? [own] : [])];
        const trailing = ctx.after?.get(`${table.id}:${k}:${i}`) ?? '';
        return i === 0 && rowHeaders ? cell('th', c, 'row', 1, anchors, trailing) : cell('td', c, undefined, 1, anchors, trailing);
      });
      return `${pageRow(k)}<tr${rowId ? ` id="${escapeHtml(rowId)}"` : ''}>${cells.join('')}</tr>`;
    })
    .join('')}</tbody>`;
  // Wide tables scroll inside their wrapper, a tab stop so keyboard users can scroll it, named by the
  // caption (or as a table) so the stop is announced as something (same markup as TableFrame.astro).
  const name = table.caption ? `aria-labelledby="${escapeHtml(captionId)}"` : 'aria-label="Table"';
  return `<div class="table-wrap" role="group" tabindex="0" ${name}><table id="${escapeHtml(table.id)}">${caption}${head}${body}</table></div>`;
}

/** The notes of one numbering scope, with the thesis's own numbers and links back to every marker. */
export function renderNoteList(list: NoteList, ctx: RenderContext = emptyContext): string {
  const headingId = `notes-${list.scope}`;
  const items = list.notes.map((n, i) => renderNote(n, i + 1, ctx)).join('');
  return `<section class="notes" aria-labelledby="${escapeHtml(headingId)}" data-scope="${escapeHtml(list.scope)}"><h2 class="notes-heading" id="${escapeHtml(headingId)}" data-editorial="">Notes: ${escapeHtml(list.scopeLabel)}</h2><ol class="notes-list">${items}</ol></section>`;
}

function renderNote(note: Note, position: number, ctx: RenderContext): string {
  // One back link per marker (a note with two markers, as in Chapter 5, gets two). The link sits
  // inside its note, so "Back to text" is its purpose in context; the number is the note's own.
  // Where there are several, the visible "↩¹", "↩²" must be part of the spoken name (WCAG 2.5.3
  // label in name), so the words are hidden text rather than an aria-label that replaces the digit.
  const several = note.refIds.length > 1;
  const backs = note.refIds
    .map((ref, i) =>
      several
        ? `<a class="backref" href="#${escapeHtml(ref)}"><span aria-hidden="true">↩</span><span class="visually-hidden">Back to text, marker </span><sup>${i + 1}</sup></a>`
        : `<a class="backref" href="#${escapeHtml(ref)}" aria-label="Back to text">↩</a>`,
    )
    .join(' ');
  // The list counts 1, 2, 3…; only where the thesis's numbering departs from that (a skipped
  // number, recorded as an irregularity) does the item need its own value.
  const value = note.n === position ? '' : ` value="${note.n}"`;
  return `<li class="note" id="${escapeHtml(note.id)}"${value} data-lines="${noteLines(note)}"><a class="note-num" href="#${escapeHtml(note.id)}">${note.n}</a> <span class="note-body">${renderInlines(note.content, { annotations: annotationsFor(ctx, note.id) })}</span>${note.extra.map((x) => renderBlock(x, ctx)).join('')} ${backs}</li>`;
}

/** The whole body of a section (its title is rendered by the page). */
export function renderSectionBody(section: Section, ctx: RenderContext = emptyContext): string {
  return section.blocks.map((b) => renderBlock(b, ctx)).join('\n');
}

/** Group annotations by block id for one section. */
export function groupAnnotations(all: readonly Annotation[], sectionId: string): Map<string, Annotation[]> {
  const map = new Map<string, Annotation[]>();
  for (const a of all) {
    if (a.section !== sectionId) continue;
    map.set(a.block, [...(map.get(a.block) ?? []), a]);
  }
  return map;
}
