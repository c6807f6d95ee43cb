import type { SourceLine } from './model.ts';

/** A piece of a source line: most lines are one piece; fused headings are split into several. */
export interface LogicalLine {
  n: number;
  text: string;
  /** 0-based column of `text` within the source line. */
  col: number;
  /** The piece was set off by `**…**` (a heading fused into the line by the text's conversion). */
  fusedHeading: boolean;
  /** The piece is the column heads of the table below it, cells separated by tabs (see COLUMN_HEADS_AFTER_HEADING). */
  tableHead?: boolean;
}

// "…1929.¹a) Plan of Work…": a lettered heading glued to a note marker.
const LETTERED_AFTER_MARKER = /(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹])(?=[a-z]\) [A-Z])/u;
// "Diagram 1 (Continued)4. Departments…": a numbered heading glued to a title.
const NUMBERED_AFTER_CONTINUED = /(?<=\(Continued\))(?=\d+\. )/u;
// "b) Plan of work for the MK buro.Industrial and construction questions.": a heading and its sub-heading.
const SENTENCE_GLUED_TO_HEADING = /^([a-z]\) [^.]+\.)(?=[A-Z][a-z])/u;
// "Section 3 Official Proceedings of the Communist PartyAll-Union Party Congresses: All-Union Party
// Conferences:" (Bibliography): a heading glued to the heads of the two columns listed below it. A
// lower-case letter runs into a capital nowhere else in the thesis but in names (TsK, McAuley, NkFin).
const COLUMN_HEAD = String.raw`[A-Z][\w-]*(?: [\w-]+)*:`;
const COLUMN_HEADS_AFTER_HEADING = new RegExp(String.raw`(?<=[a-z])(?=${COLUMN_HEAD} ${COLUMN_HEAD}$)`, 'u');

/**
 * Split fused headings (`Bibliography**Section 1 Archives**Tsentral'nyi…`,
 * `Appendix 2:Work plans…¹a) Plan of Work…`) into the pieces a reader sees as separate lines.
 * Markers standing alone after a `**…**` piece stay with it (`**MK Buro on 13/8/1924.**²`).
 */
export function splitFusedLine(line: SourceLine): LogicalLine[] {
  const pieces: LogicalLine[] = [];
  const raw = line.text;
  if (raw.includes('**')) {
    const parts = raw.split('**');
    let col = 0;
    parts.forEach((part, i) => {
      const inside = i % 2 === 1;
      if (part !== '') {
        const prev = pieces[pieces.length - 1];
        if (!inside && /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(part.trim()) && prev) prev.text += part;
        else pieces.push({ n: line.n, text: part, col, fusedHeading: inside });
      }
      col += part.length + 2;
    });
  } else {
    pieces.push({ n: line.n, text: raw, col: 0, fusedHeading: false });
  }
  return pieces.flatMap(splitGluedHeading);
}

function splitGluedHeading(piece: LogicalLine): LogicalLine[] {
  for (const rule of [LETTERED_AFTER_MARKER, NUMBERED_AFTER_CONTINUED]) {
    const m = rule.exec(piece.text);
    if (m && m.index > 0) {
      const at = m.index;
      return [
        { ...piece, text: piece.text.slice(0, at) },
        { ...piece, text: piece.text.slice(at), col: piece.col + at, fusedHeading: true },
      ].flatMap(splitGluedHeading);
    }
  }
  const heads = COLUMN_HEADS_AFTER_HEADING.exec(piece.text);
  if (heads && heads.index > 0) {
    const at = heads.index;
    // The two heads become cells: the space between them is read as the column break (same length,
    // so columns still point at the source).
    const cells = piece.text.slice(at).replace(/: (?=[A-Z])/u, ':\t');
    return [
      { ...piece, text: piece.text.slice(0, at), fusedHeading: true },
      { ...piece, text: cells, col: piece.col + at, fusedHeading: false, tableHead: true },
    ];
  }
  const glued = SENTENCE_GLUED_TO_HEADING.exec(piece.text);
  if (glued) {
    const at = (glued[1] as string).length;
    return [
      { ...piece, text: piece.text.slice(0, at), fusedHeading: true },
      { ...piece, text: piece.text.slice(at), col: piece.col + at, fusedHeading: true },
    ];
  }
  return [piece];
}
