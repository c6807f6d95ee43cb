/**
 * The typed document model of the edition. Every node carries the source line(s) it came
 * from, so that errors, emendations and citations point back at the thesis text.
 */

/** 1-based line number in content/source/thesis.txt. */
export type LineNo = number;

export interface SourceLine {
  n: LineNo;
  text: string;
}

/** Inline content of a paragraph, heading, cell or note. */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'u'; c: Inline[] }
  /** A note marker; `noteId`/`refId` are filled in by the notes stage (empty until then). */
  | { t: 'ref'; noteId: string; refId: string; n: number; line: LineNo }
  /** An emended reading; an 'editorial-note' keeps the printed reading (original === corrected) and flags it. */
  | { t: 'emend'; id: string; original: string; corrected: string; kind: 'emendation' | 'editorial-note'; reason: string };

export type HeadingKind = 'part' | 'lettered' | 'subheading' | 'fused';

export interface Heading {
  kind: 'heading';
  level: 2 | 3 | 4;
  headingKind: HeadingKind;
  id: string;
  content: Inline[];
  lines: LineNo[];
  scope: string | null;
}

export interface Paragraph {
  kind: 'paragraph';
  id: string;
  content: Inline[];
  /** Source lines joined into this paragraph (more than one when a page break cut it). */
  lines: LineNo[];
  /** Original page(s) the paragraph runs over. */
  pages: number[];
  /** Page markers that fall inside this paragraph, after the content index given. */
  pageBreaksInside: { afterInline: number; page: number; approximate: boolean }[];
  /** 'line' for back-matter lines that keep their own line (rosters, keys, lists). */
  style: 'prose' | 'line' | 'list-item';
  scope: string | null;
  /**
   * Where a quotation the typist set off on its own line begins (a content index); it runs to the
   * paragraph's end. The sentence before it runs into it ("According to Alferov," | "If we put…").
   */
  blockQuoteFrom?: number;
}

export interface TableBlock {
  kind: 'table';
  id: string;
  caption: Inline[] | null;
  captionLine: LineNo | null;
  headRows: Inline[][][];
  /** Columns each header cell spans, per row (0: covered by another's span); absent when all are 1 (table-spans.ts). */
  headSpans?: number[][];
  bodyRows: Inline[][][];
  /** False for parallel lists whose first column does not label its row (Bibliography, Section 3). */
  rowHeaders?: false;
  /** Original pages that began inside the table, before the body row given (the Glossary's p. 278). */
  pageBreaksInside?: { beforeRow: number; page: number; approximate: boolean }[];
  lines: LineNo[];
  scope: string | null;
}

export interface PageBreak {
  kind: 'pagebreak';
  /** The page that starts here. */
  page: number;
  id: string;
  approximate: boolean;
}

export interface Note {
  kind: 'note';
  id: string;
  scope: string;
  n: number;
  content: Inline[];
  line: LineNo;
  /** Ids of the markers in the text that point here (usually one). */
  refIds: string[];
  /** Original page on which the note was printed. */
  page: number | null;
  /** A table the note introduces, with its caption, source and comment lines. */
  extra: (TableBlock | Paragraph)[];
}

export interface NoteList {
  kind: 'notes';
  scope: string;
  scopeLabel: string;
  notes: Note[];
}

export type Block = Heading | Paragraph | TableBlock | PageBreak | NoteList;

export type SectionKind = 'front' | 'chapter' | 'back';

export interface Section {
  id: string;
  slug: string;
  kind: SectionKind;
  /** Short label for navigation ("Chapter 2"). */
  label: string;
  title: Inline[];
  titleText: string;
  titleLine: LineNo;
  /** False when the title is the edition's label ("Maps", "Tables") and not a line of the thesis. */
  titleFromSource: boolean;
  /** Page given in the thesis's table of contents, if listed there. */
  contentsPage: number | null;
  firstPage: number | null;
  lastPage: number | null;
  paginationNote: string;
  blocks: Block[];
  lines: [LineNo, LineNo];
}

export interface NoteScopeSummary {
  scope: string;
  label: string;
  section: string;
  notes: number;
  markers: number;
}

/** A repair to the text's layout made by rule (layout-repairs.ts): shown on the Emendations page. */
export interface LayoutRepair {
  line: LineNo;
  /** 'heading-split': a heading run into its neighbour set on a line of its own; 'space-closed-up': "<i>gubernia</i> ." read "gubernia.". */
  kind: 'heading-split' | 'space-closed-up';
  printed: string;
  /** The lines the printed one becomes, or the reading after the repair. */
  reads: string[];
}

/** An editor's decision that a paragraph goes on across a page end where its sentence ended with the page (continuations.ts). */
export interface ParagraphContinuation {
  /** The source line that continues the paragraph before it. */
  line: LineNo;
  opening: string;
  reason: string;
  /** The original page it begins (set by the structure stage). */
  page: number | null;
}

export interface PageAnchor {
  page: number;
  section: string;
  slug: string;
  anchor: string;
  /** Where the page began is estimated (placed by length): shown "≈". */
  approximate: boolean;
  /** The page's number itself may be off: the part's pages could not all be placed, so the numbers after its first drift. */
  numberApproximate: boolean;
}

export interface Emendation {
  id: string;
  line: LineNo;
  original: string;
  corrected: string;
  reason: string;
  /** How many times `original` occurs on the line (all are corrected). */
  count: number;
  kind: 'emendation' | 'editorial-note';
}

export interface Irregularity {
  id: string;
  scope: string;
  kind: 'skipped-number' | 'duplicate-marker';
  n: number;
  lines: LineNo[];
  reason: string;
}

export interface Edition {
  meta: {
    title: string;
    author: string;
    degree: string;
    institution: string;
    date: string;
    sourceSha256: string;
    sourceLines: number;
    rights: string[];
  };
  sections: Section[];
  noteScopes: NoteScopeSummary[];
  pageMap: PageAnchor[];
  emendations: Emendation[];
  irregularities: Irregularity[];
  stats: { words: number; paragraphs: number; joinedAcrossPages: number; notes: number; markers: number };
  layoutRepairs: LayoutRepair[];
  paragraphContinuations: ParagraphContinuation[];
}
