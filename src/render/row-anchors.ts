import type { Section } from '../pipeline/model.ts';
import { slugify } from '../pipeline/classify.ts';
import { inlineText, isEmphasis } from '../pipeline/inline.ts';

/**
 * Anchors for the rows of the Glossary (`term-raikom`) and Abbreviations (`abbr-rm`) tables, so
 * that the text can link to a term. A row the conversion fused (`sovnarkhoz Sovnarkom`) gets one
 * anchor per italicised term. Returns table id → row index → ids.
 */
export function rowAnchors(section: Section): Map<string, string[][]> {
  const prefix = section.id === 'glossary' ? 'term' : section.id === 'abbreviations' ? 'abbr' : null;
  const out = new Map<string, string[][]>();
  if (!prefix) return out;
  const used = new Set<string>();
  for (const b of section.blocks) {
    if (b.kind !== 'table') continue;
    out.set(
      b.id,
      [...b.headRows, ...b.bodyRows].map((row) => {
        const first = row[0] ?? [];
        const terms = first.filter(isEmphasis);
        const names = terms.length > 1 ? terms.map((t) => inlineText([t])) : [inlineText(first)];
        return names
          .map((name) => `${prefix}-${slugify(name) || 'x'}`)
          .filter((id) => {
            if (used.has(id)) return false;
            used.add(id);
            return true;
          });
      }),
    );
  }
  return out;
}

/** The anchor of a row of a table in the Appendices (the November 1928 buro is printed as one): 'tbl-1-row-3', counting from 1. */
export const appendixRowAnchor = (tableId: string, row: number): string => `${tableId}-row-${row + 1}`;

/**
 * Anchors for every row of the Appendices' tables, so that a person's page can link to the line of
 * Appendix 1 that names them (before, the link went to the whole table). Table id → row → [id].
 */
export function appendixRowAnchors(section: Section): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  if (section.id !== 'appendices') return out;
  for (const b of section.blocks) {
    if (b.kind === 'table') out.set(b.id, [...b.headRows, ...b.bodyRows].map((_, i) => [appendixRowAnchor(b.id, i)]));
  }
  return out;
}
