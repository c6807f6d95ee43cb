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
