import type { LineNo, SectionKind, SourceLine } from './model.ts';
import { SourceError, THESIS_FILE } from './errors.ts';

/** Where a section starts, how it is found, and what it is called. */
export interface SectionSpec {
  id: string;
  slug: string;
  kind: SectionKind;
  label: string;
  /** Matches the section's first line. */
  start: RegExp;
  /** How the table of contents names it (for the original start page), if it is listed. */
  contentsEntry: RegExp | null;
  /** The note scope of the section's text, or null if it has none of its own. */
  scope: string | null;
}

/** The sections of the thesis, in source order. Each must be found, in this order. */
export const SECTION_SPECS: readonly SectionSpec[] = [
  { id: 'title-page', slug: 'title-page', kind: 'front', label: 'Title page', start: /^THE COMMUNIST PARTY IN MOSCOW 1925-1932$/u, contentsEntry: null, scope: null },
  { id: 'rights', slug: 'rights', kind: 'front', label: 'Rights statement', start: /^University of Birmingham Research Archive$/u, contentsEntry: null, scope: null },
  { id: 'synopsis', slug: 'synopsis', kind: 'front', label: 'Synopsis', start: /^Synopsis\.$/u, contentsEntry: null, scope: null },
  { id: 'acknowledgements', slug: 'acknowledgements', kind: 'front', label: 'Acknowledgements', start: /^Acknowledgements$/u, contentsEntry: null, scope: null },
  { id: 'contents', slug: 'contents', kind: 'front', label: 'Contents', start: /^CONTENTS$/u, contentsEntry: null, scope: null },
  { id: 'introduction', slug: 'introduction', kind: 'chapter', label: 'Introduction', start: /^Introduction$/u, contentsEntry: /^Introduction$/u, scope: 'intro' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    id: `chapter-${n}`,
    slug: `chapter-${n}`,
    kind: 'chapter' as const,
    label: `Chapter ${n}`,
    start: new RegExp(`^Chapter ${n}\\. \\S`, 'u'),
    contentsEntry: new RegExp(`^Chapter ${n}\\. `, 'u'),
    scope: `ch${n}`,
  })),
  { id: 'conclusion', slug: 'conclusion', kind: 'chapter', label: 'Conclusion', start: /^Conclusion$/u, contentsEntry: /^Chapter 7\. Conclusion$/u, scope: 'concl' },
  { id: 'maps', slug: 'maps', kind: 'back', label: 'Maps', start: /^Map ?1$/u, contentsEntry: /^Maps$/u, scope: null },
  { id: 'diagrams', slug: 'diagrams', kind: 'back', label: 'Diagrams', start: /^Diagram 1: /u, contentsEntry: /^Diagrams$/u, scope: null },
  { id: 'tables', slug: 'tables', kind: 'back', label: 'Tables', start: /^Table 1\. /u, contentsEntry: /^Tables$/u, scope: 'table-1' },
  { id: 'appendices', slug: 'appendices', kind: 'back', label: 'Appendices', start: /^Appendix 1: ?/u, contentsEntry: /^Appendices$/u, scope: 'app-1' },
  { id: 'glossary', slug: 'glossary', kind: 'back', label: 'Glossary', start: /^Glossary of Russian Terms used in the Text$/iu, contentsEntry: /^Glossary of Russian terms/iu, scope: null },
  { id: 'abbreviations', slug: 'abbreviations', kind: 'back', label: 'Abbreviations', start: /^Abbreviations used in the Footnotes/iu, contentsEntry: /^Abbreviations used in the footnotes/iu, scope: null },
  { id: 'bibliography', slug: 'bibliography', kind: 'back', label: 'Bibliography', start: /^Bibliography(\*\*|$)/u, contentsEntry: /^Bibliography$/u, scope: null },
];

export interface SectionSlice {
  spec: SectionSpec;
  /** Lines from the heading line up to (not including) the next section's heading. */
  lines: SourceLine[];
  /** Blank and whitespace-only lines just before the heading belong to the previous section. */
  headingLine: LineNo;
}

/**
 * Cut the thesis into its sections by finding each section's first line in order.
 * A missing or out-of-order section is a SourceError naming the line where the search began.
 */
export function splitSections(lines: readonly SourceLine[], specs: readonly SectionSpec[] = SECTION_SPECS): SectionSlice[] {
  const starts: number[] = [];
  let from = 0;
  for (const spec of specs) {
    const at = lines.findIndex((l, i) => i >= from && spec.start.test(l.text.trim()));
    if (at < 0) {
      const lastLine = lines.length === 0 ? 1 : (lines[lines.length - 1] as SourceLine).n;
      throw new SourceError(
        THESIS_FILE,
        from < lines.length ? (lines[from] as SourceLine).n : lastLine,
        `section "${spec.label}" not found after this line (expected a line matching ${spec.start}); the source may be truncated or corrupted`,
      );
    }
    starts.push(at);
    from = at + 1;
  }
  return specs.map((spec, k) => {
    const begin = k === 0 ? 0 : (starts[k] as number);
    const end = k + 1 < starts.length ? (starts[k + 1] as number) : lines.length;
    return { spec, lines: lines.slice(begin, end), headingLine: (lines[starts[k] as number] as SourceLine).n };
  });
}

export interface ContentsEntry {
  title: string;
  page: number;
  line: LineNo;
}

/** Parse the thesis's table of contents ("Chapter 1. …<TAB>22"). */
export function parseContents(slice: SectionSlice): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const l of slice.lines) {
    const m = /^(.+?)\t+(\d+)\s*$/u.exec(l.text);
    if (m) entries.push({ title: (m[1] as string).trim(), page: Number(m[2]), line: l.n });
  }
  if (entries.length === 0) throw new SourceError(THESIS_FILE, slice.headingLine, 'the table of contents has no entries with page numbers');
  // The pages are reconstructed from these numbers: one out of order would give a part "Pp. 50–29".
  entries.forEach((e, i) => {
    const before = entries[i - 1];
    if (before && e.page <= before.page) throw new SourceError(THESIS_FILE, e.line, `the table of contents gives p. ${e.page} for "${e.title}", which is not after p. ${before.page} for "${before.title}": its page numbers must increase`);
  });
  return entries;
}

/** The start page the contents give for a section, or null if the contents do not list it. */
export function contentsPageFor(spec: SectionSpec, contents: readonly ContentsEntry[]): number | null {
  if (!spec.contentsEntry) return null;
  const entry = contents.find((e) => spec.contentsEntry?.test(e.title));
  return entry ? entry.page : null;
}
