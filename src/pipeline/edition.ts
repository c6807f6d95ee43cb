import type { Edition, Emendation, Inline, PageAnchor, Section, SourceLine } from './model.ts';
import { CONTINUATIONS_FILE, SourceError, THESIS_FILE } from './errors.ts';
import { toLines } from './lines.ts';
import { contentsPageFor, parseContents, splitSections } from './sections.ts';
import { layoutRepairs } from './layout-repairs.ts';
import { linesToDrafts } from './drafts.ts';
import { structureSection, type PaginationFacts } from './structure.ts';
import { inlineText, markEmendations, parseInline, type LineEmendation } from './inline.ts';
import { checkEmendationsAgainstSource, checkEmendationsApplied, emendationsByLine, parseEmendations, parseIrregularities } from './emendations.ts';
import { checkIrregularityLines, resolveNotes } from './notes.ts';
import { checkContinuationOpenings, parseContinuations } from './continuations.ts';
import { assertConserved, compareWords, editionWords, emendationUses, firstDepartureInModel, sourceWords } from './conservation.ts';

export interface EditionInput {
  /** The thesis text, exactly as in content/source/thesis.txt. */
  text: string;
  /** Parsed JSON of each file in content/emendations/ (corrections of the text, of table figures…). */
  emendations: readonly { file: string; json: unknown }[];
  /** Parsed JSON of content/note-irregularities.json. */
  irregularities: unknown;
  /** Parsed JSON of content/paragraph-continuations.json (none when absent: every page-final full stop ends its paragraph). */
  continuations?: unknown;
  sourceSha256: string;
  /**
   * The SHA-256 recorded for the source (content/source/thesis.sha256). When the text matches it,
   * an emendation that does not fit its line is the emendation's error; when it does not, the
   * source's (it lost or gained lines, or was cut short).
   */
  recordedSha256?: string;
}

/**
 * Characters that cannot be in the typed thesis, each named with what most likely put it there:
 * control characters and replacement characters (a damaged file), a stray carriage return, a
 * byte-order mark, C1 controls or "Â¹"-like pairs (UTF-8 read as Latin-1 or Windows-1252 and saved
 * again). The first one found is a SourceError naming its line and column.
 */
export function checkSourceCharacters(lines: readonly SourceLine[]): void {
  const kinds: [RegExp, string][] = [
    [/\r/u, 'a stray carriage return: the source has LF line endings'],
    [/\uFEFF/u, 'a byte-order mark (U+FEFF): the source has none; was it re-saved by an editor that adds one?'],
    [/[\u0080-\u009F]|[ÂÃÐÑ][\u00A0-\u00BF]|â€/u, 'double-encoded text (UTF-8 read as Latin-1 or Windows-1252 and saved again)'],
    [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD\uFFFE\uFFFF]/u, 'not valid text; was the file damaged or mis-decoded?'],
  ];
  for (const l of lines) {
    for (const [pattern, why] of kinds) {
      const bad = pattern.exec(l.text);
      if (!bad) continue;
      const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      throw new SourceError(THESIS_FILE, l.n, `corrupted source: character U+${code} at column ${bad.index + 1} (${why})`);
    }
  }
}

/**
 * The whole pipeline, pure: thesis text + emendations + declared irregularities → the typed
 * edition, with every marker resolved and every word of the source accounted for.
 */
export function buildEdition(input: EditionInput): Edition {
  const lines = toLines(input.text);
  if (input.text.trim() === '') throw new SourceError(THESIS_FILE, 1, 'the source is empty');
  // toLines tolerates CRLF, but the source is kept byte for byte with LF endings (its SHA-256 is
  // recorded): a CRLF copy is named as such rather than failing only the checksum.
  const crlf = input.text.indexOf('\r\n');
  if (crlf >= 0) throw new SourceError(THESIS_FILE, input.text.slice(0, crlf).split('\n').length, 'the source has Windows (CRLF) line endings; it is kept with LF endings, byte for byte (was it checked out with core.autocrlf, or re-saved? .gitattributes marks it -text)');
  checkSourceCharacters(lines);
  const seenIds = new Map<string, string>();
  const fileOf = new Map<string, string>();
  const emendations: Emendation[] = input.emendations.flatMap((f) => parseEmendations(f.json, f.file, seenIds).map((e) => (fileOf.set(e.id, f.file), e)));
  const irregularities = parseIrregularities(input.irregularities);

  const byLine = emendationsByLine(emendations);
  const index = new Map<string, LineEmendation>(emendations.map((e) => [e.id, e]));
  const parse = (text: string, line: number, col: number): Inline[] =>
    parseInline(markEmendations(text, byLine.get(line) ?? []), line, index, col);

  // Sections first: a truncated source is reported as truncated, not as a stale emendation.
  const slices = splitSections(lines);
  const contentsSlice = slices.find((s) => s.spec.id === 'contents');
  if (!contentsSlice) throw new SourceError(THESIS_FILE, null, 'no table of contents');
  const contents = parseContents(contentsSlice);
  const startPages = slices.map((s) => contentsPageFor(s.spec, contents));

  const continuations = input.continuations === undefined ? [] : parseContinuations(input.continuations);
  const continuesParagraph = new Set(continuations.map((c) => c.line));
  const sectionScopes = new Map<string, string | null>();
  let joined = 0;
  // Parts whose pages could not all be placed: their page numbers after the first drift.
  const numbersDrift = new Set<string>();
  const sections: Section[] = slices.map((slice, k) => {
    const firstPage = startPages[k] ?? null;
    const nextStart = startPages.slice(k + 1).find((p) => p !== null) ?? null;
    const lastPage = firstPage !== null && nextStart !== null ? nextStart - 1 : null;
    const structured = structureSection(linesToDrafts(slice.lines), { spec: slice.spec, firstPage, lastPage, parse, continuesParagraph });
    for (const applied of structured.continuationsApplied) {
      const c = continuations.find((x) => x.line === applied.line);
      if (c) c.page = applied.page;
    }
    if (structured.notesOutsideScope.length > 0) {
      const stray = structured.notesOutsideScope[0];
      throw new SourceError(THESIS_FILE, stray?.line ?? null, `note ${stray?.n} in ${slice.spec.label}, which has no note numbering scope`);
    }
    joined += structured.paragraphsJoined;
    if (!structured.pagination.everyPagePlaced) numbersDrift.add(slice.spec.id);
    sectionScopes.set(slice.spec.id, slice.spec.id === 'chapter-2' ? 'ch2.1' : slice.spec.scope);
    const first = slice.lines[0];
    const last = slice.lines[slice.lines.length - 1];
    return {
      id: slice.spec.id,
      slug: slice.spec.slug,
      kind: slice.spec.kind,
      label: slice.spec.label,
      title: structured.title,
      titleText: structured.titleText,
      titleLine: structured.titleLine,
      titleFromSource: structured.titleFromSource,
      contentsPage: firstPage,
      firstPage,
      lastPage,
      paginationNote: paginationNote(firstPage, lastPage, structured.noteBlocks, structured.paginationExact, structured.overflowPageEnds, structured.estimatedPages, structured.figureHeadings, structured.pagination),
      blocks: structured.blocks,
      lines: [first?.n ?? 0, last?.n ?? 0],
    };
  });

  const noteScopes = resolveNotes(sections, irregularities, sectionScopes);
  // The editor's decisions by line are checked after the notes: a source that lost or gained a line
  // is named at the note it shifted (a decision whose line moved was simply not applied, and is
  // caught here).
  const sourceIntact = input.recordedSha256 === undefined ? undefined : input.recordedSha256 === input.sourceSha256;
  checkContinuationOpenings(continuations, lines, sourceIntact);
  // A decision the text no longer supports (no page ends before the line, or no paragraph of prose) is an error, not a silent no-op.
  for (const c of continuations) {
    if (c.page === null) throw new SourceError(CONTINUATIONS_FILE, null, `line ${c.line} ("${c.opening}…") is said to continue a paragraph across a page end, but no page ends between it and a paragraph of prose before it`);
  }
  checkEmendationsAgainstSource(emendations, lines, fileOf, sourceIntact);
  checkIrregularityLines(irregularities, sections);
  const placed = sourceWords(lines);
  const report = compareWords(placed, editionWords(sections));
  assertConserved(report, 'the document model', () => firstDepartureInModel(placed, sections));
  checkEmendationsApplied(emendations, emendationUses(sections), fileOf);

  const pageMap: PageAnchor[] = [];
  let paragraphs = 0;
  let notes = 0;
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.kind === 'pagebreak') pageMap.push({ page: b.page, section: s.id, slug: s.slug, anchor: b.id, approximate: b.approximate, numberApproximate: b.approximate && numbersDrift.has(s.id) });
      if (b.kind === 'paragraph') paragraphs++;
      // Pages that began inside a paragraph or a table (the Glossary's p. 278).
      const inside = b.kind === 'paragraph' ? b.pageBreaksInside : b.kind === 'table' ? (b.pageBreaksInside ?? []) : [];
      for (const x of inside) pageMap.push({ page: x.page, section: s.id, slug: s.slug, anchor: `page-${x.page}`, approximate: x.approximate, numberApproximate: x.approximate && numbersDrift.has(s.id) });
      if (b.kind === 'notes') notes += b.notes.length;
    }
  }
  pageMap.sort((a, b) => a.page - b.page);

  const titleLines = sections.find((s) => s.id === 'title-page')?.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.content] : [])) ?? [];
  const rights = sections.find((s) => s.id === 'rights')?.blocks.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.content)] : [])) ?? [];
  return {
    meta: {
      title: inlineText(titleLines[0] ?? []),
      author: inlineText(titleLines[1] ?? []),
      degree: 'Doctor of Philosophy',
      institution: 'University of Birmingham (Faculty of Arts, Centre for Russian and East European Studies)',
      date: 'September 1987',
      sourceSha256: input.sourceSha256,
      sourceLines: lines.length,
      rights,
    },
    sections,
    noteScopes,
    pageMap,
    emendations,
    irregularities,
    stats: { words: report.sourceWords, paragraphs, joinedAcrossPages: joined, notes, markers: noteScopes.reduce((a, s) => a + s.markers, 0) },
    layoutRepairs: layoutRepairs(lines),
    paragraphContinuations: continuations,
  };
}

/** A count that opens a sentence, in words up to nine ("Two pages…"), in figures beyond. */
export function countInWords(n: number): string {
  return ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'][n] ?? String(n);
}

/** "p. 52", "pp. 52 and 94", "pp. 52, 76 and 94". */
export function pageList(pages: readonly number[]): string {
  if (pages.length <= 1) return `p. ${pages[0] ?? ''}`;
  return `pp. ${pages.slice(0, -1).join(', ')} and ${pages[pages.length - 1]}`;
}

export function paginationNote(first: number | null, last: number | null, noteBlocks: number, exact: boolean, overflow: number, estimated: number, figures: number, facts: PaginationFacts): string {
  if (first === null) return 'Original page numbers are not given for this part of the thesis.';
  if (last === null) return `Begins on p. ${first} of the thesis (from its table of contents); later page breaks are not reconstructed, because this part has no footnotes.`;
  const marked = facts.estimatedStarts;
  if (figures > 0) {
    const pages = last - first + 1;
    const left = pages - figures;
    const leftOver = left <= 0 ? '' : ` The table of contents gives ${countInWords(pages).toLowerCase()} pages for ${countInWords(figures).toLowerCase()} figure headings; the ${left === 1 ? 'page' : `${countInWords(left).toLowerCase()} pages`} left over ${left === 1 ? 'is' : 'are'} placed by length, in the figure with the most text${marked.length > 0 ? `, so where ${pageList(marked)} began is estimated (marked ≈)` : ''}.`;
    const drift = facts.everyPagePlaced ? '' : ` The page numbers after p. ${first} are approximate (marked ≈).`;
    return `Pp. ${first}–${last} of the thesis (from its table of contents). This part has no footnotes to mark its pages, but each figure, and each continuation of one, was drawn on a page of its own, so each figure heading starts a page.${leftOver}${drift}`;
  }
  if (noteBlocks === 0 && estimated > 0) return `Pp. ${first}–${last} of the thesis (from its table of contents). This part has no footnotes to mark its pages, so ${estimated === 1 ? 'the page break inside it is' : 'its page breaks are'} placed by length (the pages held about the same number of words) and approximate (marked ≈).`;
  if (noteBlocks === 0 && first === last) return `P. ${first} of the thesis (from its table of contents): this part is one page.`;
  if (noteBlocks === 0) return `Pp. ${first}–${last} of the thesis (from its table of contents). Page breaks inside are not reconstructed, because this part has no footnotes.`;
  // A list of pages opening a sentence: "Pp. 52 and 94 had…".
  const Pages = (pages: readonly number[]): string => pageList(pages).replace(/^p/u, 'P');
  const reconstructed = `Pp. ${first}–${last}. Page breaks are reconstructed from the blocks of footnotes, each of which ended an original page.`;
  // Pages without notes whose end the text shows: it broke off in mid-sentence and resumes on a new line.
  const visible = facts.visibleEndPages;
  const shown = visible.length === 0 ? '' : ` ${Pages(visible)} had no footnotes; ${visible.length === 1 ? 'its end shows' : 'their ends show'} in the text, which breaks off in mid-sentence and resumes on a new line.`;
  const lastPage = facts.lastPageWithoutNotes ? ` The last page, p. ${last}, had none: the text runs on after the last block.` : '';
  if (exact) return `${reconstructed}${shown}${lastPage} ${visible.length === 0 ? 'Their number matches' : 'These page ends match'} the pages the table of contents gives, so the page numbers are exact.`;
  const headed = facts.headingStarts;
  const byHeading = headed.length === 0 ? '' : ` ${Pages(headed.map((p) => p - 1))} had no footnotes; the ${headed.length === 1 ? 'page after it begins' : 'pages after them begin'} with a table's heading, and each table began a page.`;
  if (overflow === 0 && facts.everyPagePlaced && marked.length === 0 && headed.length > 0) return `${reconstructed}${shown}${byHeading}${lastPage} So the page numbers are exact.`;
  if (overflow === 0 && facts.everyPagePlaced && marked.length > 0) {
    const others = `${countInWords(marked.length)} ${visible.length > 0 || facts.lastPageWithoutNotes ? 'other ' : ''}${marked.length === 1 ? 'page' : 'pages'}`;
    // Where each was placed: at a part's heading (a part with notes of its own began a page), else by length.
    const atPart = facts.partStarts;
    const byLength = marked.filter((p) => !atPart.includes(p));
    const evenly = 'at the end of a sentence, sharing the stretch\'s length evenly';
    const atHeading = 'at the heading of a part with notes of its own, since each such part was typed from a new page (where a part follows a block of footnotes, its heading opens the page)';
    const placed = atPart.length === 0 ? `, ${evenly}` : byLength.length === 0 ? `: ${atHeading}` : `: ${pageList(atPart)} ${atHeading}; ${pageList(byLength)} ${evenly}`;
    return `${reconstructed}${shown}${byHeading}${lastPage} ${others} had no footnotes and left no trace: the table of contents gives ${marked.length === 1 ? 'one page' : `${countInWords(marked.length).toLowerCase()} pages`} more than the text shows, and ${marked.length === 1 ? 'it is' : 'each is'} placed in a stretch of text too long for one page${placed}. So where ${pageList(marked)} began is estimated (marked ≈); every other page begins where a block of footnotes or a broken sentence shows it, and its number follows from the count.`;
  }
  const pages = last - first + 1;
  const why = overflow > 0
    ? `there are more blocks of footnotes than pages (${overflow} block(s) could not start a new page within pp. ${first}–${last}), so some original page carried its notes over`
    : estimated > 0
      ? `${estimated === 1 ? `one ${visible.length > 0 ? 'other ' : ''}page had no footnotes, and its end is` : `${countInWords(estimated).toLowerCase()} ${visible.length > 0 ? 'other ' : ''}pages had no footnotes, and their ends are`} placed by the length of the text (a page held about as much as its neighbours), at the nearest end of a sentence`
      : `some of its ${pages} pages had no footnotes`;
  return `${reconstructed}${shown}${lastPage} ${why[0]?.toUpperCase()}${why.slice(1)}, so page numbers after p. ${first} are approximate (marked ≈).`;
}
