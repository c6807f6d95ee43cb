/**
 * An annotation turns an exact piece of edition text into a link (a place, an archival
 * reference, a cross-reference, a bibliography entry…). Feature modules produce annotations as
 * pure functions of the Edition; the renderer applies them. The text itself is never changed:
 * conservation holds because only a wrapper element is added around existing characters.
 */
export interface Annotation {
  /** Section id (e.g. 'chapter-2', 'tables'). */
  section: string;
  /** Id of the block that holds the text: a paragraph ('para-12'), heading, table ('tbl-3'), or note ('ch2.3-n15'). */
  block: string;
  /** The exact characters to wrap, as they appear in one text node of the block (corrected reading). */
  text: string;
  /** Which occurrence of `text` in the block (0 = first). */
  occurrence?: number;
  href: string;
  /** Shown on hover/focus (e.g. the expansion of an abbreviation, the full reference). */
  title?: string;
  /** CSS class naming the kind of link: 'place', 'archival-ref', 'xref', 'bib', 'abbr', 'gloss', 'person'. */
  className: string;
  /**
   * A link that holds emended words (a title or shelfmark the editor corrected inside): it runs from
   * `before`, the end of the text node just before the first of `emends`, through those emendations
   * and the text between them, to `after`, the start of the text node after the last. The emended
   * words are marked inside it, not linked (a link holds no link). `text` is the whole link text.
   */
  around?: { emends: string[]; before: string; after: string };
}
