import type { Block, Heading, Inline, LineNo, Note, NoteList, Paragraph, TableBlock } from './model.ts';
import type { Draft, DraftNote } from './drafts.ts';
import type { LogicalLine } from './logical-lines.ts';
import type { SectionSpec } from './sections.ts';
import { endsSentence, headingShape, isNumericCell, plain, slugify, startsLikeContinuation } from './classify.ts';
import { splitFusedTermRows } from './fused-rows.ts';
import { headerSpans } from './table-spans.ts';
import { breakOffsets, draftWords, figurePageStarts, isFigureHeading, pageStartsIn, pagesPerStretch, rowPageStarts, scopeStartOffsets, stretches, wordCount } from './pagination.ts';
import { inlineText } from './inline.ts';

/** Turns text of a given source line into inline nodes (emendations applied). */
export type InlineParser = (text: string, line: LineNo, col: number) => Inline[];

export interface StructureOptions {
  spec: SectionSpec;
  /** Start page from the table of contents. */
  firstPage: number | null;
  /** Last page the section may occupy (the next section's start page minus one). */
  lastPage: number | null;
  parse: InlineParser;
  /** Lines the editor decided continue the paragraph before them across a page end (continuations.ts). */
  continuesParagraph?: ReadonlySet<LineNo>;
}

export interface StructuredSection {
  title: Inline[];
  titleText: string;
  titleLine: LineNo;
  titleFromSource: boolean;
  blocks: Block[];
  noteBlocks: number;
  /** Page ends (note blocks) that could not be given a page number inside the section's range. */
  overflowPageEnds: number;
  paragraphsJoined: number;
  /** True when the note blocks account for exactly the pages the contents give the section. */
  paginationExact: boolean;
  /** Page breaks placed by length, for pages that had no notes (pagination.ts). */
  estimatedPages: number;
  /** In a part made of figures (Maps, Diagrams): the figure headings, each of which began a page; 0 elsewhere. */
  figureHeadings: number;
  /** Ends of pages without notes that the text shows, where it broke in mid-sentence (pagination.ts). */
  visiblePageEnds: number;
  /** Notes found where no numbering scope is open; the notes stage reports them. */
  notesOutsideScope: Note[];
  /** The decided continuations applied, with the page each begins. */
  continuationsApplied: { line: LineNo; page: number | null }[];
  pagination: PaginationFacts;
}

/** What the pagination note at the head of a part says about its pages (beside `paginationExact`). */
export interface PaginationFacts {
  /** Every page the contents give was placed; otherwise the numbers after the first drift. */
  everyPagePlaced: boolean;
  /** Pages whose start was placed by length (marked ≈). */
  estimatedStarts: number[];
  /** Of those, pages placed at the heading of a part with notes of its own (such a part began a page: Chapter 2's Part 3 on p. 105). */
  partStarts: number[];
  /** Pages a back-matter table's heading began, after a page without notes. */
  headingStarts: number[];
  /** Pages without notes whose end the text shows, breaking off in mid-sentence. */
  visibleEndPages: number[];
  /** The part's last page had no notes: its text runs on after the last block of notes. */
  lastPageWithoutNotes: boolean;
}

const BACK_HEADING: { re: RegExp; id: (m: RegExpExecArray) => string; level: 2 | 3 }[] = [
  { re: /^Map ?(\d+)$/u, id: (m) => `map-${m[1]}`, level: 2 },
  { re: /^Diagram (\d+)(?:: |$| \(Continued\))/u, id: (m) => `diagram-${m[1]}`, level: 2 },
  { re: /^Table (\d+)[.:] /u, id: (m) => `table-${m[1]}`, level: 2 },
  { re: /^Appendix (\d+): ?/u, id: (m) => `appendix-${m[1]}`, level: 2 },
  { re: /^Section (\d+) /u, id: (m) => `section-${m[1]}`, level: 2 },
  { re: /^(Archives|Places of Publication|Journals and Newspapers)$/u, id: (m) => slugify(m[1] as string), level: 2 },
  // The Bibliography's Section 3 lists the proceedings under three heads; the first is fused into its table's header row.
  { re: /^(Moscow Party Conferences|Plenums of the MK and MKK):$/u, id: (m) => slugify(m[1] as string), level: 3 },
  { re: /^(?:\d{1,2}\/\d{1,2}\/\d{4}\b|(?:New )?MK [Bb]uro|MOK [Bb]uro|MGK [Bb]uro|Buro of|Joint |(?:MK|MOK) [Pp]lenum|MOK elected |Plenum )/u, id: () => '', level: 3 },
  { re: /^\d+\. \d{4}(-\d{4})?\.?$|^\d+\.\d{4}\.$/u, id: () => '', level: 3 },
  { re: /^[a-z]\) [A-Z]/u, id: () => '', level: 3 },
];

/** Which note scope a heading opens, if any (Chapter 2's parts, each table, each appendix). */
function scopeOpenedBy(spec: SectionSpec, text: string, shapeOrdinal: string | null): string | null {
  if (spec.id === 'chapter-2' && shapeOrdinal && /^\d$/u.test(shapeOrdinal)) return `ch2.${shapeOrdinal}`;
  const table = /^Table (\d+)[.:] /u.exec(text);
  if (spec.id === 'tables' && table) return `table-${table[1]}`;
  const appendix = /^Appendix (\d+):/u.exec(text);
  if (spec.id === 'appendices' && appendix) return `app-${appendix[1]}`;
  return null;
}

/** A line that is a heading opening a numbering scope other than the section's first (Chapter 2's parts 2-4). */
function opensNewScope(spec: SectionSpec, d: Draft): boolean {
  if (d.k !== 'text') return false;
  const shape = headingShape(d.line.text);
  const opened = shape ? scopeOpenedBy(spec, plain(d.line.text).trim(), shape.ordinal) : null;
  return opened !== null && opened !== initialScope(spec);
}

function initialScope(spec: SectionSpec): string | null {
  // Chapter 2's opening pages number their notes with part 1 (its notes 1-6 precede the part heading).
  return spec.id === 'chapter-2' ? 'ch2.1' : spec.scope;
}

/**
 * Interpret a section's drafts: the title, headings at their levels, paragraphs re-joined across
 * page ends, tables, page breaks, and the notes gathered at the end of each numbering scope.
 */
export function structureSection(drafts: readonly Draft[], opts: StructureOptions): StructuredSection {
  const { spec, parse } = opts;
  const blocks: Block[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base || 'section';
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    return id;
  };

  let index = 0;
  const levels: LevelState = { inParts: false, lastUnlettered: null };
  let title: Inline[];
  let titleText: string;
  let titleLine: LineNo;
  const first = drafts[0];
  // These sections open with their first item ("Map 1", "Table 1. …"), not with a title of their own.
  const keepsTitleLine = ['title-page', 'rights', 'maps', 'diagrams', 'tables', 'appendices'].includes(spec.id);
  if (!keepsTitleLine && first && first.k === 'text') {
    title = parse(first.line.text, first.line.n, first.line.col);
    titleText = plain(first.line.text).trim();
    titleLine = first.line.n;
    index = 1;
  } else {
    title = [{ t: 'text', v: spec.label }];
    titleText = spec.label;
    titleLine = first?.k === 'text' ? first.line.n : 0;
  }

  let scope = initialScope(spec);
  const noteLists = new Map<string, NoteList>();
  const scopeOrder: string[] = [];
  const openScope = (s: string | null): void => {
    if (s === null || noteLists.has(s)) return;
    const list: NoteList = { kind: 'notes', scope: s, scopeLabel: scopeLabel(s), notes: [] };
    noteLists.set(s, list);
    scopeOrder.push(s);
  };
  const placed = new Set<string>();
  const placeNoteList = (s: string | null): void => {
    if (s === null || placed.has(s)) return;
    const list = noteLists.get(s);
    if (list) {
      blocks.push(list);
      placed.add(s);
    }
  };
  openScope(scope);

  const notesOutsideScope: Note[] = [];
  let page = opts.firstPage;
  // Each note block that has text after it ends a page. When their count matches the pages the
  // contents allow, every reconstructed page number is exact; otherwise some page had no notes
  // (or its notes ran over). Such pages are placed by length (below): then only the starts so placed
  // are estimates, and are marked approximate; if they cannot all be placed, the numbers drift and
  // every page after the first is marked approximate (see the end of this function).
  const parts = stretches(drafts, { visibleEnds: spec.kind === 'chapter' });
  const visibleEnds = new Set(parts.filter((x) => x.startsAtVisibleEnd).map((x) => x.from));
  const pageEndsInside = Math.max(0, parts.length - 1);
  const paginationExact = opts.firstPage !== null && opts.lastPage !== null && opts.firstPage + pageEndsInside === opts.lastPage;
  const approximate = !paginationExact;
  let pendingPageEnd = false;
  let noteBlocks = 0;
  let overflow = 0;
  let paragraphsJoined = 0;
  const continuationsApplied: { line: LineNo; page: number | null }[] = [];
  let paraCount = 0;
  let tableCount = 0;
  // The paragraph a continuation may join: the last block emitted, if it is prose.
  let lastProse: (Paragraph & { lastText: string }) | null = null;

  if (page !== null) blocks.push({ kind: 'pagebreak', page, id: uniqueId(`page-${page}`), approximate: false });

  /** Advance to the next page if a note block ended the previous one. Returns the new page or null. */
  const takePageEnd = (): number | null => {
    if (!pendingPageEnd) return null;
    pendingPageEnd = false;
    if (page === null) return null;
    if (opts.lastPage !== null && page + 1 > opts.lastPage) {
      overflow++;
      return null;
    }
    page += 1;
    return page;
  };
  /** A page start: `estimated` when placed by length, not where a block of notes, a broken sentence or a figure heading shows it. */
  const pageBreakBlock = (p: number, estimated = false): Block => ({ kind: 'pagebreak', page: p, id: uniqueId(`page-${p}`), approximate: estimated });
  /** The pages marked approximate because their start was placed by length, and the pages whose end the text shows (a sentence broken off). */
  const estimatedStarts: number[] = [];
  const partStarts: number[] = [];
  const headingStarts: number[] = [];
  const visibleEndPages: number[] = [];

  // Pages that had no notes left no page end: placed by length (pagination.ts), as word offsets
  // into the drafts where they fall.
  const plannedBreaks = new Map<number, number[]>();
  if (opts.firstPage !== null && opts.lastPage !== null) {
    const perStretch = pagesPerStretch(parts.map((x) => x.load), opts.lastPage - opts.firstPage + 1 - parts.length, parts.map((x) => x.markerFree));
    // Known page starts: a part with notes of its own, and in the back matter a figure or table (isFigureHeading).
    const startsPage = (d: Draft): boolean => opensNewScope(spec, d) || (spec.kind === 'back' && isFigureHeading(d));
    const scopeStarts = scopeStartOffsets(drafts, parts, startsPage);
    parts.forEach((part, i) => {
      for (const offset of breakOffsets(part, perStretch[i] ?? 1, scopeStarts[i])) {
        let seen = 0;
        for (let d = part.from; d < part.to; d++) {
          const draft = drafts[d] as Draft;
          if (draft.k === 'notes') continue;
          const w = draftWords(draft);
          if (offset < seen + w) {
            plannedBreaks.set(d, [...(plannedBreaks.get(d) ?? []), offset - seen]);
            break;
          }
          seen += w;
        }
      }
    });
  }
  // A part made of figures has no notes to end its pages, but each figure began one (figurePageStarts).
  const figureStarts = opts.firstPage !== null && opts.lastPage !== null ? figurePageStarts(drafts, opts.lastPage - opts.firstPage + 1) : [];
  for (const d of figureStarts) plannedBreaks.set(d, [0]);
  const figureHeadings = figureStarts.length === 0 ? 0 : drafts.filter(isFigureHeading).length;
  let estimatedPages = 0;
  const estimatedPage = (known = false): number | null => {
    if (page === null || (opts.lastPage !== null && page + 1 > opts.lastPage)) return null;
    page += 1;
    estimatedPages++;
    (known ? headingStarts : estimatedStarts).push(page);
    return page;
  };
  /**
   * Start an estimated page before the block about to be emitted; a heading just emitted goes with
   * it, except before a figure, which starts its own page below the previous figure's headings.
   */
  const startEstimatedPage = (figure = false, known = false): void => {
    const e = estimatedPage(known);
    if (e === null) return;
    let at = blocks.length;
    while (!figure && at > 0 && blocks[at - 1]?.kind === 'heading') at--;
    blocks.splice(at, 0, pageBreakBlock(e, !known));
  };

  for (; index < drafts.length; index++) {
    const draft = drafts[index] as Draft;
    if (draft.k === 'notes') {
      noteBlocks++;
      for (const dn of draft.notes) addNote(dn);
      pendingPageEnd = true;
      continue;
    }
    const next = drafts[index + 1];
    // A page without notes that ended in mid-sentence (pagination.ts, visiblePageEnd).
    if (visibleEnds.has(index)) {
      pendingPageEnd = true;
      if (page !== null) visibleEndPages.push(page);
    }

    if (draft.k === 'rows') {
      const p = takePageEnd();
      if (p !== null) blocks.push(pageBreakBlock(p));
      const prev = blocks[blocks.length - 1];
      let caption: Inline[] | null = null;
      let captionLine: LineNo | null = null;
      if (prev && prev.kind === 'paragraph' && prev.style === 'line' && (prev as Paragraph & { isCaption?: boolean }).isCaption) {
        blocks.pop();
        paraCount--;
        caption = prev.content;
        captionLine = prev.lines[0] ?? null;
      }
      // After the caption is taken, so that an estimated page starts before the table and its caption.
      if (plannedBreaks.has(index)) startEstimatedPage();
      const table = toTable(draft.lines, `tbl-${++tableCount}`, caption, captionLine, scope, parse);
      // The Glossary's fused rows ("sovnarkhoz Sovnarkom") become one row per term (fused-rows.ts).
      blocks.push(spec.id === 'glossary' ? splitFusedTermRows(table).table : table);
      lastProse = null;
      continue;
    }

    const line = draft.line;
    const text = line.text;
    const plainText = plain(text).trim();

    // A heading? Back matter has its own heading patterns; chapters use the heading shape.
    const heading = classifyHeading(spec, line, next, drafts[index - 1], levels);
    if (heading) {
      const opened = scopeOpenedBy(spec, plainText, heading.ordinal);
      const opensPart = opened !== null && opened !== scope;
      if (opened && opened !== scope) {
        placeNoteList(scope);
        scope = opened;
        openScope(scope);
      }
      const p = takePageEnd();
      if (p !== null) blocks.push(pageBreakBlock(p));
      // A figure's or a back-matter table's heading began a page (the thesis cites them by page): that start is known.
      if (plannedBreaks.has(index)) {
        const before = estimatedStarts.length;
        startEstimatedPage(figureStarts.includes(index), spec.kind === 'back' && isFigureHeading(draft));
        if (opensPart && estimatedStarts.length > before) partStarts.push(...estimatedStarts.slice(before));
      }
      const h: Heading = {
        kind: 'heading',
        level: heading.level,
        headingKind: heading.kind,
        id: uniqueId(heading.id || slugify(plainText)),
        content: parse(text, line.n, line.col),
        lines: [line.n],
        scope,
      };
      blocks.push(h);
      lastProse = null;
      continue;
    }

    // A page that ended mid-sentence may resume with a dash ("… the trust head" | notes | "- but it
    // caused …", Chapter 6, p. 216): the sentence going on, not a list item. List items after notes
    // are enumerated ("- iii) Strict Party discipline …", Chapter 1) or follow another list item.
    const dashResumesSentence: boolean =
      pendingPageEnd &&
      lastProse !== null &&
      blocks[blocks.length - 1] === lastProse &&
      !endsSentence(lastProse.lastText) &&
      /^-\s+[a-z]/u.test(text) &&
      !/^-\s+(?:[ivx]+|[a-z])\)/u.test(text);
    const style: Paragraph['style'] = dashResumesSentence
      ? 'prose'
      : /^-\s/u.test(text) || (spec.kind === 'back' && /^\s+-\s+[a-z]\)\s/u.test(text))
        ? 'list-item'
        : spec.kind !== 'chapter' || /^\s/u.test(text) || isCaption(text, next) || /^Source/u.test(plainText)
          ? 'line'
          : 'prose';
    const content = parse(text, line.n, line.col);
    const p = takePageEnd();
    // Estimated page starts inside this line (0: before it, unless a block of notes just ended a page there).
    const planned = plannedBreaks.get(index);
    const starts = planned ? pageStartsIn(content, planned, p === null) : [];
    const follows = style === 'prose' && lastProse !== null && blocks[blocks.length - 1] === lastProse;
    // A page that ended with a full stop: a new paragraph, unless the editor decided otherwise (continuations.ts).
    const decided = follows && p !== null && (opts.continuesParagraph?.has(line.n) ?? false);
    if (decided) continuationsApplied.push({ line: line.n, page: p });
    const joins = follows && lastProse !== null && (!endsSentence(lastProse.lastText) || startsLikeContinuation(text) || decided);
    // A back-matter line that closes a bracket the line before it left open is the same entry,
    // wrapped by the typist ("Khrushchev, N.S. (secretary of Krasnaya Presnya raikom-" | "new. Was
    // secretary of Bauman raikom)", Appendix 1): one line of the edition.
    const lastBlock = blocks[blocks.length - 1];
    if (style === 'line' && p === null && starts.length === 0 && lastBlock?.kind === 'paragraph' && lastBlock.style === 'line' && bracketsLeftOpen(plain((lastBlock as Paragraph & { lastText: string }).lastText)) > 0 && bracketsLeftOpen(plainText) < 0) {
      const wrapped = lastBlock as Paragraph & { lastText: string };
      const [first, ...rest] = content;
      const indentless = first?.t === 'text' ? [{ ...first, v: first.v.trimStart() }, ...rest] : content;
      // A word the typist broke at its hyphen ("raikom-" | "new.") joins without a space, as at a page end.
      wrapped.content.push(...(endsAtHyphen(wrapped.lastText) ? [] : [{ t: 'text' as const, v: ' ' }]), ...indentless);
      wrapped.lines.push(line.n);
      wrapped.lastText = text;
      continue;
    }
    if (joins && lastProse) {
      if (p !== null) {
        lastProse.pageBreaksInside.push({ afterInline: lastProse.content.length, page: p, approximate: false });
        lastProse.pages.push(p);
      }
      // A word hyphenated at the page end ("co-" | "operative") joins without a space; the hyphen stays.
      const hyphenated = endsAtHyphen(lastProse.lastText) && /^[a-z]/u.test(plain(text));
      const joinAt = lastProse.content.length;
      if (!hyphenated) lastProse.content.push({ t: 'text', v: ' ' });
      const base = lastProse.content.length;
      lastProse.content.push(...content);
      // A sentence that runs on across a blank line where no page ended is a quotation the typist set
      // off on a line of its own ("According to Alferov," | "If we put the question…", Chapter 2):
      // it stays in its paragraph, shown as a block quotation to the paragraph's end.
      if (p === null && !starts.includes(0) && !hyphenated && spec.kind === 'chapter' && lastProse.blockQuoteFrom === undefined && !endsSentence(lastProse.lastText)) lastProse.blockQuoteFrom = base;
      for (const start of starts) {
        const e = estimatedPage();
        if (e === null) continue;
        lastProse.pageBreaksInside.push({ afterInline: start === 0 ? joinAt : base + start, page: e, approximate: true });
        lastProse.pages.push(e);
      }
      lastProse.lines.push(line.n);
      lastProse.lastText = text;
      paragraphsJoined++;
      continue;
    }
    if (p !== null) blocks.push(pageBreakBlock(p));
    const inside: Paragraph['pageBreaksInside'] = [];
    for (const start of starts) {
      if (start === 0) {
        startEstimatedPage();
        continue;
      }
      const e = estimatedPage();
      if (e !== null) inside.push({ afterInline: start, page: e, approximate: true });
    }
    const para: Paragraph & { lastText: string; isCaption?: boolean } = {
      kind: 'paragraph',
      // Front-matter sections share the home page, so their paragraph ids carry the section id.
      id: spec.kind === 'front' ? `${spec.id}-${++paraCount}` : `para-${++paraCount}`,
      content,
      lines: [line.n],
      pages: page === null ? [] : [page - inside.length, ...inside.map((b) => b.page)],
      pageBreaksInside: inside,
      style,
      scope,
      lastText: text,
    };
    if (isCaption(text, next)) para.isCaption = true;
    blocks.push(para);
    lastProse = style === 'prose' ? para : null;
  }
  for (const s of scopeOrder) placeNoteList(s);

  // A part that is one table with no notes, over several pages (the Glossary): its pages start at rows, by length.
  const content = blocks.filter((b) => b.kind !== 'pagebreak');
  if (noteBlocks === 0 && figureStarts.length === 0 && opts.firstPage !== null && opts.lastPage !== null && opts.lastPage > opts.firstPage && content.length === 1 && content[0]?.kind === 'table') {
    const table = content[0];
    const rowWords = table.bodyRows.map((r) => r.reduce((n, c) => n + wordCount(inlineText(c)), 0));
    const first = opts.firstPage;
    table.pageBreaksInside = rowPageStarts(rowWords, opts.lastPage - first + 1).map((beforeRow, j) => ({ beforeRow, page: first + 1 + j, approximate: true }));
    estimatedPages += table.pageBreaksInside.length;
    page = first + table.pageBreaksInside.length;
  }

  // Pages the contents give that could not all be placed: the numbers after the first drift, so all are approximate.
  const everyPagePlaced = opts.lastPage === null || page === opts.lastPage;
  if (approximate && !everyPagePlaced) {
    for (const b of blocks) {
      if (b.kind === 'pagebreak') b.approximate = b.page !== opts.firstPage;
      if (b.kind === 'paragraph') for (const x of b.pageBreaksInside) x.approximate = true;
    }
  }
  const lastDraft = [...drafts].reverse().find((d) => d.k === 'notes' || draftWords(d) > 0);
  const pagination: PaginationFacts = {
    everyPagePlaced,
    estimatedStarts: everyPagePlaced ? estimatedStarts : [],
    partStarts: everyPagePlaced ? partStarts : [],
    headingStarts: figureStarts.length > 0 ? [] : headingStarts,
    visibleEndPages,
    lastPageWithoutNotes: noteBlocks > 0 && lastDraft !== undefined && lastDraft.k !== 'notes',
  };

  // Drop the helper fields used while building.
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      delete (b as Partial<Paragraph & { lastText: string; isCaption: boolean }>).lastText;
      delete (b as Partial<Paragraph & { isCaption: boolean }>).isCaption;
    }
  }
  return { title, titleText, titleLine, titleFromSource: !keepsTitleLine, blocks, noteBlocks, overflowPageEnds: overflow, paragraphsJoined, paginationExact, estimatedPages, visiblePageEnds: visibleEnds.size, figureHeadings, notesOutsideScope, continuationsApplied, pagination };

  function addNote(dn: DraftNote): void {
    // Notes printed after a new part's heading can still belong to the previous part's page.
    let target = scope;
    const idx = target === null ? -1 : scopeOrder.indexOf(target);
    if (idx > 0 && dn.n !== 1) {
      const previous = noteLists.get(scopeOrder[idx - 1] as string) as NoteList;
      const current = noteLists.get(target as string) as NoteList;
      const lastPrev = previous.notes[previous.notes.length - 1];
      if (current.notes.length === 0 && lastPrev && dn.n === lastPrev.n + 1) target = previous.scope;
    }
    const list = target === null ? null : (noteLists.get(target) ?? null);
    const note: Note = {
      kind: 'note',
      id: target === null ? '' : noteId(target, dn.n),
      scope: target ?? '',
      n: dn.n,
      content: parse(dn.text, dn.line, dn.col),
      line: dn.line,
      refIds: [],
      page,
      extra: [],
    };
    note.extra = noteExtras(dn, note.id, target, parse);
    if (list) list.notes.push(note);
    else notesOutsideScope.push(note);
  }
}

/** Whether a line ends in a word broken at its hyphen ("co-", "raikom-"; a note marker after it aside). */
function endsAtHyphen(text: string): boolean {
  return /[A-Za-z']-$/u.test(plain(text).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹\s]+$/u, ''));
}

/** Brackets a line opens and does not close (negative: closes more than it opens); an enumerator "b)" is not one. */
function bracketsLeftOpen(text: string): number {
  const body = text.replace(/^\s*-?\s*(?:[a-z]|[ivx]+)\)\s/u, '');
  return (body.match(/\(/gu) ?? []).length - (body.match(/\)/gu) ?? []).length;
}

/** The table a note introduces, as blocks with ids under the note's own id. */
function noteExtras(dn: DraftNote, id: string, scope: string | null, parse: InlineParser): (TableBlock | Paragraph)[] {
  const out: (TableBlock | Paragraph)[] = [];
  let caption: { content: Inline[]; line: LineNo } | null = null;
  dn.extra.forEach((d, k) => {
    if (d.k === 'rows') {
      out.push(toTable(d.lines, `${id}-tbl-${k + 1}`, caption?.content ?? null, caption?.line ?? null, scope, parse));
      caption = null;
    } else if (d.k === 'text') {
      const next = dn.extra[k + 1];
      if (next && next.k === 'rows') {
        caption = { content: parse(d.line.text, d.line.n, d.line.col), line: d.line.n };
        return;
      }
      out.push({ kind: 'paragraph', id: `${id}-p${k + 1}`, content: parse(d.line.text, d.line.n, d.line.col), lines: [d.line.n], pages: [], pageBreaksInside: [], style: 'line', scope });
    }
  });
  return out;
}

function isCaption(text: string, next: Draft | undefined): boolean {
  return next !== undefined && next.k === 'rows' && plain(text).trim().length <= 200 && !/^\s/u.test(text);
}

interface HeadingDecision {
  level: 2 | 3 | 4;
  kind: Heading['headingKind'];
  id: string;
  ordinal: string | null;
}

/** What the heading levels depend on: whether numbered parts have begun, and the last unlettered level. */
interface LevelState {
  inParts: boolean;
  lastUnlettered: 2 | 3 | null;
}

function classifyHeading(spec: SectionSpec, line: LogicalLine, next: Draft | undefined, previous: Draft | undefined, levels: LevelState): HeadingDecision | null {
  const t = plain(line.text).trim();
  if (spec.kind === 'front') return null;
  if (spec.kind === 'back') {
    for (const h of BACK_HEADING) {
      const m = h.re.exec(t);
      if (m) return { level: h.level, kind: line.fusedHeading ? 'fused' : 'subheading', id: h.id(m), ordinal: null };
    }
    // Appendix 2's plan for the MK buro groups its numbered items under unnumbered topic lines
    // ("Trade and Co-operatives.", "Red Army"), one of them glued to the plan's own heading.
    if (spec.id === 'appendices' && /^[A-Z][^\d:]{2,80}$/u.test(t) && !/^\s/u.test(line.text) && next?.k === 'text' && /^\d+\. [A-Z]/u.test(next.line.text)) {
      return { level: 4, kind: line.fusedHeading ? 'fused' : 'subheading', id: '', ordinal: null };
    }
    // "Diagram 1 (Continued)4. Departments mentioned at the III Oblast Conference, 1932.": the fourth
    // of the diagram's numbered parts, like "3.1931." before it.
    if (line.fusedHeading && /^\d+\. /u.test(t)) return { level: 3, kind: 'fused', id: '', ordinal: null };
    if (line.fusedHeading) return { level: spec.id === 'appendices' ? 3 : 2, kind: 'fused', id: '', ordinal: null };
    if (/^(Key|Notes|Sources|Basic sectors)[.:]?$/u.test(t)) return { level: 3, kind: 'subheading', id: '', ordinal: null };
    return null;
  }
  if (isCaption(line.text, next)) return null;
  if (/^\s/u.test(line.text)) return null;
  // A short line right after a table or an indented list is that table's note, not a heading.
  if (previous && (previous.k === 'rows' || (previous.k === 'text' && /^\s/u.test(previous.line.text)))) return null;
  const shape = headingShape(line.text);
  if (!shape) return null;
  // Numbered parts are h2; unnumbered subheadings are h3 inside parts, h2 in chapters without
  // parts; lettered sections sit one level below the last unlettered heading.
  let level: 2 | 3 | 4;
  if (shape.kind === 'part') {
    levels.inParts = true;
    level = 2;
  } else if (shape.kind === 'subheading') {
    level = levels.inParts ? 3 : 2;
  } else {
    level = levels.lastUnlettered === null ? 2 : ((levels.lastUnlettered + 1) as 3 | 4);
  }
  if (shape.kind !== 'lettered') levels.lastUnlettered = level as 2 | 3;
  return { level, kind: shape.kind, id: shape.kind === 'part' ? `part-${shape.ordinal}` : '', ordinal: shape.ordinal };
}

function toTable(
  lines: readonly LogicalLine[],
  id: string,
  caption: Inline[] | null,
  captionLine: LineNo | null,
  scope: string | null,
  parse: InlineParser,
): TableBlock {
  const rows = lines.map((l) => {
    let col = l.col;
    return l.text.split('\t').map((cell) => {
      const parsed = parse(cell, l.n, col);
      col += cell.length + 1;
      return { raw: cell, parsed };
    });
  });
  const width = Math.max(...rows.map((r) => r.length));
  // Header rows lead the table: underlined labels, or an empty first cell over a column of labels.
  const numericShare =
    rows.flatMap((r) => r.slice(1)).filter((c) => isNumericCell(c.raw)).length / Math.max(1, rows.flatMap((r) => r.slice(1)).filter((c) => c.raw.trim() !== '').length);
  let head = 0;
  while (head < rows.length - 1) {
    const r = rows[head] as { raw: string }[];
    // A wholly underlined cell is a heading; an underlined word inside one is the thesis's emphasis of a
    // Russian term ("In <u>oblast'</u>", a group of rows in Chapter 3's table, not a column heading).
    const underlined = r.some((c) => /^<u>(?:(?!<\/u>).)*<\/u>[\s.,:;⁰¹²³⁴⁵⁶⁷⁸⁹]*$/u.test(c.raw.trim()));
    const emptyFirst = (r[0]?.raw.trim() ?? '') === '';
    const labels = numericShare >= 0.5 && r.slice(1).every((c) => c.raw.trim() === '' || !isNumericCell(c.raw)) && r.slice(1).some((c) => c.raw.trim() !== '');
    const marked = lines[head]?.tableHead === true;
    if (marked || underlined || emptyFirst || (head === 0 && labels)) head++;
    else break;
  }
  const pad = (r: { parsed: Inline[] }[]): Inline[][] => {
    const cells = r.map((c) => c.parsed);
    while (cells.length < width) cells.push([]);
    return cells;
  };
  const headRows = rows.slice(0, head).map(pad);
  const spans = headerSpans(headRows, width);
  return {
    kind: 'table',
    id,
    caption,
    captionLine,
    headRows,
    ...(spans ? { headSpans: spans } : {}),
    bodyRows: rows.slice(head).map(pad),
    // Column heads split from a heading head parallel lists (congresses beside conferences), not rows.
    ...(lines[0]?.tableHead ? { rowHeaders: false as const } : {}),
    lines: lines.map((l) => l.n),
    scope,
  };
}

/** Stable, citable note id: `<scope>-n<number>` (e.g. `ch2.3-n15`, `intro-n5`, `table-4-n2`). */
export function noteId(scope: string, n: number): string {
  return `${scope}-n${n}`;
}

/** Human label for a numbering scope. */
export function scopeLabel(scope: string): string {
  if (scope === 'intro') return 'Introduction';
  if (scope === 'concl') return 'Conclusion';
  const part = /^ch(\d)\.(\d)$/u.exec(scope);
  if (part) return `Chapter ${part[1]}, part ${part[2]}`;
  const ch = /^ch(\d)$/u.exec(scope);
  if (ch) return `Chapter ${ch[1]}`;
  const table = /^table-(\d+)$/u.exec(scope);
  if (table) return `Table ${table[1]}`;
  const app = /^app-(\d+)$/u.exec(scope);
  if (app) return `Appendix ${app[1]}`;
  return scope;
}
