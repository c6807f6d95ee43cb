/**
 * The Glossary of Russian terms and the Abbreviations as clean entries: term, the Russian
 * expansion it stands for (if any), its English translation or definition, and the anchor the
 * renderer gives its row (src/render/row-anchors.ts). Rows the conversion fused
 * ("sovnarkhoz Sovnarkom", "troika TsK") were split into one row per term by the structure stage.
 */
import type { Edition, Inline, Section } from '../pipeline/model.ts';
import { inlineText, isEmphasis } from '../pipeline/inline.ts';
import { rowAnchors } from '../render/row-anchors.ts';

export interface GlossaryEntry {
  term: string;
  /** The Russian words the term abbreviates or stands for ("agitatsiya i propaganda"), if given. */
  expansion: string | null;
  /** The English: a translation of the expansion, or a definition of the term. */
  definition: string;
  /** True when the thesis prints the English after the expansion in brackets ("(Moscow Committee…)"); VKP(b)'s and RKP(b)'s are not. */
  bracketed: boolean;
  /** Row anchor on /glossary/ (term-<slug>). */
  anchor: string;
  /** Source line of the row. */
  line: number;
  /** True when the printed row held more than one term. */
  fused: boolean;
}

export interface AbbreviationEntry {
  abbr: string;
  /** The title or name it stands for, in the original language. */
  expansion: string;
  /** An English rendering, where the list gives one. */
  translation: string | null;
  group: 'periodical' | 'archive' | 'place';
  /** Row anchor on /abbreviations/ (abbr-<slug>). */
  anchor: string;
  line: number;
}

const tidy = (s: string): string => s.replace(/\s+/gu, ' ').replace(/\s+([.,;:)])/gu, '$1').trim();

function section(edition: Edition, id: string): Section {
  const s = edition.sections.find((x) => x.id === id);
  if (!s) throw new Error(`glossary: no section ${id}`);
  return s;
}

/** "(Communist International)." → "Communist International". */
function unbracket(s: string): string {
  const t = tidy(s).replace(/\.$/u, '');
  return /^\(.*\)$/u.test(t) && !/\).*\(/u.test(t.slice(1, -1)) ? t.slice(1, -1).trim().replace(/\.$/u, '') : t;
}

/** One definition part → expansion + English. An expansion is a leading italic of two words or more. */
function readDefinition(part: readonly Inline[]): { expansion: string | null; definition: string; bracketed: boolean } {
  const nodes = part.filter((n) => !(n.t === 'text' && n.v.trim() === ''));
  const first = nodes[0];
  const firstText = first && isEmphasis(first) ? tidy(inlineText([first])) : '';
  const rest = tidy(inlineText(nodes.slice(1)));
  if (first && isEmphasis(first) && (firstText.includes(' ') || rest === '' || rest.startsWith('('))) {
    const definition = rest === '' ? '' : unbracket(rest);
    return { expansion: firstText, definition, bracketed: definition !== '' && definition !== rest.replace(/\.$/u, '') };
  }
  return { expansion: null, definition: tidy(inlineText(part)).replace(/\.$/u, ''), bracketed: false };
}

/** Entries of the Glossary of Russian Terms, in printed order. */
export function glossaryEntries(edition: Edition): GlossaryEntry[] {
  const s = section(edition, 'glossary');
  const anchors = rowAnchors(s);
  const out: GlossaryEntry[] = [];
  for (const b of s.blocks) {
    if (b.kind !== 'table') continue;
    const ids = anchors.get(b.id) ?? [];
    [...b.headRows, ...b.bodyRows].forEach((row, i) => {
      const line = b.lines[i] ?? 0;
      const { expansion, definition, bracketed } = readDefinition(row[1] ?? []);
      // A row the structure stage split from a fused one (src/pipeline/fused-rows.ts) shares its line.
      const fused = b.lines.filter((n) => n === line).length > 1;
      out.push({ term: tidy(inlineText(row[0] ?? [])), expansion, definition, bracketed, anchor: ids[i]?.[0] ?? '', line, fused });
    });
  }
  return out;
}

/** Entries of the Abbreviations used in the Footnotes, with the list each belongs to. */
export function abbreviationEntries(edition: Edition): AbbreviationEntry[] {
  const s = section(edition, 'abbreviations');
  const anchors = rowAnchors(s);
  const out: AbbreviationEntry[] = [];
  let group: AbbreviationEntry['group'] = 'periodical';
  for (const b of s.blocks) {
    if (b.kind === 'heading') group = /archive/iu.test(b.id) ? 'archive' : /place/iu.test(b.id) ? 'place' : 'periodical';
    if (b.kind !== 'table') continue;
    const ids = anchors.get(b.id) ?? [];
    [...b.headRows, ...b.bodyRows].forEach((row, i) => {
      const abbr = tidy(inlineText(row[0] ?? []));
      const { expansion, definition } = readDefinition(row[1] ?? []);
      const full = expansion ?? definition;
      out.push({ abbr, expansion: full.replace(/\.$/u, ''), translation: expansion && definition ? definition : null, group, anchor: ids[i]?.[0] ?? '', line: b.lines[i] ?? 0 });
    });
  }
  return out;
}
