import type { Inline } from '../pipeline/model.ts';
import type { Annotation } from '../annotations/types.ts';
import { escapeHtml } from './escape.ts';
import { emendationMark } from './emended-text.ts';

/** An annotation's link, opened. */
function openTag(a: Annotation): string {
  const title = a.title ? ` title="${escapeHtml(a.title)}"` : '';
  return `<a class="${escapeHtml(a.className)}" href="${escapeHtml(a.href)}"${title}>`;
}

/** Per-block state of annotations: how many times each annotation's text has been seen so far. */
export class BlockAnnotations {
  private readonly seen = new Map<Annotation, number>();
  private readonly used = new Set<Annotation>();
  readonly list: readonly Annotation[];
  /** Links that hold emended words (Annotation.around), placed by the node sequence, not by text. */
  readonly around: readonly Annotation[];
  constructor(list: readonly Annotation[]) {
    this.list = list.filter((a) => !a.around);
    this.around = list.filter((a) => a.around);
  }

  /** Where in a list of sibling nodes each unused `around` link would go: first and last node, and the emendations' nodes. */
  plansFor(nodes: readonly Inline[]): { from: number; to: number; a: Annotation }[] {
    const plans: { from: number; to: number; a: Annotation }[] = [];
    for (const a of this.around) {
      if (this.used.has(a) || !a.around) continue;
      const { emends, before, after } = a.around;
      for (let e0 = 0; e0 < nodes.length; e0++) {
        // The emendations in order, with text nodes (the words between them) alternating.
        let k = e0;
        let ok = true;
        emends.forEach((id, j) => {
          const n = nodes[k];
          if (!ok || n?.t !== 'emend' || n.id !== id) ok = false;
          else if (j < emends.length - 1) k += nodes[k + 1]?.t === 'text' ? 2 : 1;
        });
        if (!ok) continue;
        const prev = nodes[e0 - 1];
        const next = nodes[k + 1];
        if (before !== '' && !(prev?.t === 'text' && prev.v.endsWith(before))) continue;
        if (after !== '' && !(next?.t === 'text' && next.v.startsWith(after))) continue;
        const from = before !== '' ? e0 - 1 : e0;
        const to = after !== '' ? k + 1 : k;
        if (plans.some((p) => from <= p.to && p.from <= to)) continue;
        plans.push({ from, to, a });
        break;
      }
    }
    return plans.sort((x, y) => x.from - y.from);
  }

  /** An `around` link's opening tag; the link is used. */
  open(a: Annotation): string {
    this.used.add(a);
    return openTag(a);
  }

  /**
   * Count the occurrences in text a link has taken (inside an `around` link), as renderText would,
   * so that the annotations after it still find their own occurrence; one that falls inside is lost.
   */
  skip(v: string): void {
    this.claim(v);
  }

  /** The annotations whose own occurrence falls in this text node, where; each is counted and used. */
  private claim(v: string): { start: number; end: number; a: Annotation }[] {
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
    return hits;
  }

  /** Split one text node into escaped HTML with the annotations that fall in it wrapped as links. */
  renderText(v: string): string {
    if (this.list.length === 0) return escapeHtml(v);
    const hits = this.claim(v);
    hits.sort((x, y) => x.start - y.start || y.end - x.end);
    let out = '';
    let pos = 0;
    for (const h of hits) {
      if (h.start < pos) continue; // overlapping annotations: the earlier one wins
      out += escapeHtml(v.slice(pos, h.start));
      out += `${openTag(h.a)}${escapeHtml(v.slice(h.start, h.end))}</a>`;
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
  const quoteFrom = opts.blockQuoteFrom !== undefined && opts.blockQuoteFrom < nodes.length ? opts.blockQuoteFrom : null;
  const beforeNode = (i: number): string => {
    let out = '';
    for (const b of breaks) if (b.afterInline === i) out += pageMarker(b.page, b.approximate, 'inline');
    // <q>, phrasing content, so the quotation stays inside its paragraph; the CSS sets it off as a block.
    if (i === quoteFrom) out += '<q class="block-quote">';
    return out;
  };
  let out = renderSequence(nodes, ann, opts.emendationsHref ?? '/emendations/', beforeNode);
  for (const b of breaks) if (b.afterInline >= nodes.length) out += pageMarker(b.page, b.approximate, 'inline');
  return quoteFrom === null ? out : `${out}</q>`;
}

/**
 * A list of sibling nodes, with what goes before each (a page marker) and the links that hold
 * emended words: such a link opens in (or at) the text before its first emendation and closes in
 * (or after) the text after its last; the emendations inside are marked, not linked.
 */
function renderSequence(nodes: readonly Inline[], ann: BlockAnnotations, emendationsHref: string, beforeNode: (i: number) => string = () => ''): string {
  // A link does not run across a page marker or the start of a quotation.
  const plans = ann.plansFor(nodes).filter((p) => Array.from({ length: p.to - p.from }, (_, k) => beforeNode(p.from + 1 + k)).every((x) => x === ''));
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    out += beforeNode(i);
    const plan = plans.find((p) => p.from === i);
    if (!plan?.a.around) {
      out += renderNode(nodes[i] as Inline, ann, emendationsHref);
      continue;
    }
    const { before, after } = plan.a.around;
    for (let k = plan.from; k <= plan.to; k++) {
      const node = nodes[k] as Inline;
      if (k === plan.from && before !== '' && node.t === 'text') {
        out += ann.renderText(node.v.slice(0, node.v.length - before.length));
        ann.skip(before);
        out += `${ann.open(plan.a)}${escapeHtml(before)}`;
        continue;
      }
      if (k === plan.from) out += ann.open(plan.a);
      if (k === plan.to && after !== '' && node.t === 'text') {
        ann.skip(after);
        out += `${escapeHtml(after)}</a>${ann.renderText(node.v.slice(after.length))}`;
        continue;
      }
      if (node.t === 'emend') out += emendationMark(node, null);
      else if (node.t === 'text') {
        ann.skip(node.v);
        out += escapeHtml(node.v);
      }
      if (k === plan.to) out += '</a>';
    }
    i = plan.to;
  }
  return out;
}

function renderNode(node: Inline, ann: BlockAnnotations, emendationsHref: string): string {
  switch (node.t) {
    case 'text':
      return ann.renderText(node.v);
    case 'em':
      return `<em>${renderSequence(node.c, ann, emendationsHref)}</em>`;
    case 'u':
      return `<em class="u">${renderSequence(node.c, ann, emendationsHref)}</em>`;
    case 'ref':
      return `<sup class="fn" id="${escapeHtml(node.refId)}"><a href="#${escapeHtml(node.noteId)}" role="doc-noteref" aria-label="Note ${node.n}">${node.n}</a></sup>`;
    case 'emend':
      return emendationMark(node, emendationsHref);
  }
}

/** A reconstructed original page marker (`p. 57`), with its own anchor. */
export function pageMarker(page: number, approximate: boolean, where: 'inline' | 'block'): string {
  const label = `${approximate ? '≈ ' : ''}p. ${page}`;
  const title = approximate ? ` title="Original page ${page}: where it began is estimated (see the note on pagination at the head of this part)"` : '';
  const tag = where === 'inline' ? 'span' : 'div';
  return `<${tag} class="pb pb-${where}" id="page-${page}"><a href="#page-${page}"${title}>${label}</a></${tag}>`;
}
