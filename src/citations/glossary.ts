/**
 * The thesis's own lists of abbreviations (journals, archives, places) and its glossary of
 * Russian terms, parsed from the Edition, with the row anchors the renderer gives them.
 */
import type { Edition, Inline, Section } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';
import { rowAnchors } from '../render/row-anchors.ts';

export interface Abbreviation {
  abbr: string;
  expansion: string;
  /** Which list: journals and newspapers, archives, places of publication. */
  group: 'periodical' | 'archive' | 'place';
  /** Row anchor on /abbreviations/. */
  anchor: string | null;
}

export interface GlossaryTerm {
  term: string;
  definition: string;
  anchor: string | null;
}

function section(edition: Edition, id: string): Section | null {
  return edition.sections.find((s) => s.id === id) ?? null;
}

const clean = (s: string): string => s.replace(/\s+/gu, ' ').replace(/\s+([.,)])/gu, '$1').trim();

/** Abbreviations from the tables of the Abbreviations section, in the group their heading names. */
export function parseAbbreviations(edition: Edition): Abbreviation[] {
  const s = section(edition, 'abbreviations');
  if (!s) return [];
  const anchors = rowAnchors(s);
  const out: Abbreviation[] = [];
  let group: Abbreviation['group'] = 'periodical';
  for (const b of s.blocks) {
    if (b.kind === 'heading') group = /archive/iu.test(b.id) ? 'archive' : /place/iu.test(b.id) ? 'place' : 'periodical';
    if (b.kind !== 'table') continue;
    const ids = anchors.get(b.id) ?? [];
    [...b.headRows, ...b.bodyRows].forEach((row, i) => {
      const abbr = clean(inlineText(row[0] ?? []));
      const expansion = clean(inlineText(row[1] ?? [])).replace(/\.$/u, '');
      if (abbr && expansion) out.push({ abbr, expansion, group, anchor: ids[i]?.[0] ?? null });
    });
  }
  return out;
}

/** Split a fused glossary row ("sovnarkhoz Sovnarkom") before the definition's last capitalised italic. */
function splitDefinition(def: readonly Inline[], terms: number): Inline[][] {
  if (terms < 2) return [def.slice()];
  const at = def.findLastIndex((n, i) => i > 0 && (n.t === 'em' || n.t === 'u') && /^[A-Z]/u.test(inlineText([n]).trim()));
  return at > 0 ? [def.slice(0, at), def.slice(at)] : [def.slice()];
}

/** Terms of the Glossary of Russian Terms with their definitions. */
export function parseGlossary(edition: Edition): GlossaryTerm[] {
  const s = section(edition, 'glossary');
  if (!s) return [];
  const anchors = rowAnchors(s);
  const out: GlossaryTerm[] = [];
  for (const b of s.blocks) {
    if (b.kind !== 'table') continue;
    const ids = anchors.get(b.id) ?? [];
    [...b.headRows, ...b.bodyRows].forEach((row, i) => {
      const first = row[0] ?? [];
      const italics = first.filter((n) => n.t === 'em' || n.t === 'u');
      const terms = italics.length > 1 ? italics.map((n) => clean(inlineText([n]))) : [clean(inlineText(first))];
      const defs = splitDefinition(row[1] ?? [], terms.length);
      terms.forEach((term, k) => {
        const definition = clean(inlineText(defs[Math.min(k, defs.length - 1)] ?? []));
        if (term) out.push({ term, definition, anchor: ids[i]?.[k] ?? ids[i]?.[0] ?? null });
      });
    });
  }
  return out;
}
