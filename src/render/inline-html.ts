import type { Inline } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { escapeHtml } from './escape.ts';

/** Per-block state of annotations: how many times each annotation's text has been seen so far. */
export class BlockAnnotations {
  private readonly seen = new Map<Annotation, number>();
  private readonly used = new Set<Annotation>();
  readonly list: readonly Annotation[];
  constructor(list: readonly Annotation[]) {
    this.list = list;
  }

  /** Split one text node into escaped HTML with the annotations that fall in it wrapped as links. */
  renderText(v: string): string {
    if (this.list.length === 0) return escapeHtml(v);
    const hits: { start: number; end: number; a: Annotation }[] = [];
    for (const a of this.list) {
      if (this.used.has(a) || a.text === '') continue;
      for (let at = v.indexOf(a.text); at >= 0; at = v.indexOf(a.text, at + a.text.length)) {
        const k = this.seen.get(a) ?? 0;
        this.seen.set(a, k + 1);
        if (k === (a.occurrence ?? 0)) {
          hits.push({ start: at, end: at + a.text.length, a });
          this.used.add(a);
          break;
        }
      }
    }
    hits.sort((x, y) => x.start - y.start || y.end - x.end);
    let out = '';
    let pos = 0;
    for (const h of hits) {
      if (h.start < pos) continue; // overlapping annotations: the earlier one wins
      out += escapeHtml(v.slice(pos, h.start));
      const title = h.a.title ? ` title="${escapeHtml(h.a.title)}"` : '';
      out += `<a class="${escapeHtml(h.a.className)}" href="${escapeHtml(h.a.href)}"${title}>${escapeHtml(v.slice(h.start, h.end))}</a>`;
      pos = h.end;
    }
    return out + escapeHtml(v.slice(pos));
  }
}

export interface InlineRenderOptions {
  annotations?: BlockAnnotations;
  /** Where emendation links point. */
  emendationsHref?: string;
  /** Page markers to insert after the inline at the given index (paragraphs cut by a page end). */
  pageBreaks?: readonly { afterInline: number; page: number; approximate: boolean }[];
  /** Index of the inline where a block quotation begins; it runs to the end (Paragraph.blockQuoteFrom). */
  blockQuoteFrom?: number | undefined;
}

/** Render inline nodes to HTML. Every character of source text is escaped; markup comes only from node types. */
export function renderInlines(nodes: readonly Inline[], opts: InlineRenderOptions = {}): string {
  const ann = opts.annotations ?? new BlockAnnotations([]);
  const breaks = opts.pageBreaks ?? [];
  let out = '';
  const quoteFrom = opts.blockQuoteFrom !== undefined && opts.blockQuoteFrom < nodes.length ? opts.blockQuoteFrom : null;
  nodes.forEach((node, i) => {
    for (const b of breaks) if (b.afterInline === i) out += pageMarker(b.page, b.approximate, 'inline');
    // <q>, phrasing content, so the quotation stays inside its paragraph; the CSS sets it off as a block.
    if (i === quoteFrom) out += '<q class="block-quote">';
    out += renderNode(node, ann, opts.emendationsHref ?? '/emendations/');
  });
  for (const b of breaks) if (b.afterInline >= nodes.length) out += pageMarker(b.page, b.approximate, 'inline');
  return quoteFrom === null ? out : `${out}</q>`;
}

function renderNode(node: Inline, ann: BlockAnnotations, emendationsHref: string): string {
  switch (node.t) {
    case 'text':
      return ann.renderText(node.v);
    case 'em':
      return `<em>${node.c.map((c) => renderNode(c, ann, emendationsHref)).join('')}</em>`;
    case 'u':
      return `<em class="u">${node.c.map((c) => renderNode(c, ann, emendationsHref)).join('')}</em>`;
    case 'ref':
      return `<sup class="fn" id="${escapeHtml(node.refId)}"><a href="#${escapeHtml(node.noteId)}" role="doc-noteref" aria-label="Note ${node.n}">${node.n}</a></sup>`;
    case 'emend':
      if (node.kind === 'editorial-note') {
        return `<a class="editorial-flag" href="${escapeHtml(emendationsHref)}#${escapeHtml(node.id)}" data-original="${escapeHtml(node.original)}" title="${escapeHtml(`Editorial note: ${node.reason}`)}">${escapeHtml(node.corrected)}</a>`;
      }
      return `<a class="emend" href="${escapeHtml(emendationsHref)}#${escapeHtml(node.id)}" data-original="${escapeHtml(node.original)}" title="Emended; the thesis prints “${escapeHtml(node.original)}”">${escapeHtml(node.corrected)}</a>`;
  }
}

/** A reconstructed original page marker (`p. 57`), with its own anchor. */
export function pageMarker(page: number, approximate: boolean, where: 'inline' | 'block'): string {
  const label = `${approximate ? '≈ ' : ''}p. ${page}`;
  const title = approximate ? ` title="Original page ${page}: where it began is estimated (see the note on pagination at the head of this part)"` : '';
  const tag = where === 'inline' ? 'span' : 'div';
  return `<${tag} class="pb pb-${where}" id="page-${page}"><a href="#page-${page}"${title}>${label}</a></${tag}>`;
}
