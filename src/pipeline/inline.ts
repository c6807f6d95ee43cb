import type { Inline, LineNo } from './model.ts';
import { SourceError, THESIS_FILE } from './errors.ts';
import { superscriptToNumber } from './superscript.ts';


/** Emendation placeholders are private-use characters, so they can never collide with source text. */
const EMEND_OPEN = '\uE000';
const EMEND_CLOSE = '\uE001';

export interface LineEmendation {
  id: string;
  original: string;
  corrected: string;
  kind: 'emendation' | 'editorial-note';
  reason: string;
}

/**
 * Replace each emended reading on a line by a placeholder, so the inline parser can emit an
 * `emend` node that keeps both readings.
 */
export function markEmendations(text: string, emendations: readonly LineEmendation[]): string {
  let out = text;
  emendations.forEach((em) => {
    out = out.split(em.original).join(`${EMEND_OPEN}${em.id}${EMEND_CLOSE}`);
  });
  return out;
}

const TOKEN =
  /(<\/?[A-Za-z][^>]*>)|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(\*)|(\uE000[^\uE001]*\uE001)/gu;

const KNOWN_TAGS = new Set(['<i>', '</i>', '<u>', '</u>']);

interface Frame {
  kind: 'root' | 'i' | 'u' | 'star';
  children: Inline[];
}

/**
 * A layout repair: the conversion left a space between a closing italic tag and the punctuation
 * after it ("Party committee in <i>gubernia</i> .", six times in the Glossary); it is closed up.
 */
export function closeUpAfterEmphasis(text: string): string {
  // Not before an ellipsis typed with spaces (". . ."), whose first point is not the sentence's.
  return text.replace(/(<\/[iu]>) (?=[.,;:](?!\s\.)(?:\s|$))/giu, '$1');
}

/**
 * Parse one source line (or a fragment of it) into inline nodes: `<i>`, `<u>` and `*…*` become
 * emphasis, superscript digits become note markers, every other character is text (escaped
 * later by the renderer). An unknown tag or unbalanced markup is a SourceError naming the line.
 */
export function parseInline(
  text: string,
  line: LineNo,
  emendations: ReadonlyMap<string, LineEmendation> = new Map(),
  columnOffset = 0,
): Inline[] {
  text = closeUpAfterEmphasis(text);
  const stars = pairStars(text);
  const root: Frame = { kind: 'root', children: [] };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  const pushText = (v: string): void => {
    if (v === '') return;
    const kids = top().children;
    const last = kids[kids.length - 1];
    if (last && last.t === 'text') last.v += v;
    else kids.push({ t: 'text', v });
  };
  const close = (kind: Frame['kind'], column: number): void => {
    const frame = top();
    if (frame.kind !== kind) {
      throw new SourceError(THESIS_FILE, line, `unbalanced markup: closing ${kind === 'star' ? '*' : `</${kind}>`} at column ${column} does not match an opening tag`);
    }
    stack.pop();
    const node: Inline = kind === 'u' ? { t: 'u', c: frame.children } : { t: 'em', c: frame.children };
    top().children.push(node);
  };

  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index;
    pushText(text.slice(last, at));
    last = at + m[0].length;
    const column = columnOffset + at + 1;
    if (m[1] !== undefined) {
      const tag = m[1].toLowerCase();
      if (!KNOWN_TAGS.has(tag)) {
        throw new SourceError(THESIS_FILE, line, `unknown markup tag ${m[1]} at column ${column} (only <i> and <u> are known)`);
      }
      const kind = tag.includes('u') ? 'u' : 'i';
      if (tag.startsWith('</')) close(kind, column);
      else stack.push({ kind, children: [] });
    } else if (m[2] !== undefined) {
      top().children.push({ t: 'ref', n: superscriptToNumber(m[2]), noteId: '', refId: '', line });
    } else if (m[3] !== undefined) {
      const role = stars.get(at);
      if (role === 'open') stack.push({ kind: 'star', children: [] });
      else if (role === 'close') close('star', column);
      else if (role === 'close-from-start') {
        // A closing '*' whose opener was lost (bibliography entries "- Title* (M, 1964)"):
        // the emphasis runs from the start of the entry.
        const frame = top();
        const leading = frame.children.splice(0);
        const first = leading[0];
        let bullet = '';
        if (first && first.t === 'text') {
          const bulletMatch = /^(\s*-\s+)/u.exec(first.v);
          if (bulletMatch) {
            bullet = bulletMatch[1] as string;
            first.v = first.v.slice(bullet.length);
          }
        }
        if (bullet) frame.children.push({ t: 'text', v: bullet });
        frame.children.push({ t: 'em', c: leading.filter((n) => !(n.t === 'text' && n.v === '')) });
      }
      // role 'stray': a lone '*' between spaces is typing noise, not text; it is dropped.
    } else if (m[4] !== undefined) {
      const id = m[4].slice(1, -1);
      const em = emendations.get(id);
      if (!em) throw new SourceError(THESIS_FILE, line, `internal: unknown emendation placeholder ${id}`);
      top().children.push({ t: 'emend', id: em.id, original: em.original, corrected: em.corrected, kind: em.kind, reason: em.reason });
    }
  }
  pushText(text.slice(last));
  if (stack.length > 1) {
    const open = top();
    throw new SourceError(THESIS_FILE, line, `unbalanced markup: ${open.kind === 'star' ? '*' : `<${open.kind}>`} is never closed`);
  }
  return root.children;
}

type StarRole = 'open' | 'close' | 'stray' | 'close-from-start';

/** Decide, for each '*' on a line, whether it opens or closes emphasis or is a stray. */
export function pairStars(text: string): Map<number, StarRole> {
  const roles = new Map<number, StarRole>();
  let openAt: number | null = null;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '*') continue;
    const before = i === 0 ? ' ' : (text[i - 1] as string);
    const after = i + 1 >= text.length ? ' ' : (text[i + 1] as string);
    const spaceBefore = /\s/u.test(before);
    const spaceAfter = /\s/u.test(after);
    if (openAt === null) {
      if (spaceBefore && spaceAfter) roles.set(i, 'stray');
      else if (!spaceAfter) {
        openAt = i;
        roles.set(i, 'open');
      } else roles.set(i, 'close-from-start');
    } else if (spaceBefore && spaceAfter) {
      roles.set(i, 'stray');
    } else {
      roles.set(i, 'close');
      openAt = null;
    }
  }
  if (openAt !== null) {
    // Never closed: a star at the end of a word before punctuation ("Dinamo v gody stroitel'stva
    // sotsializma*, kniga 2") closes an emphasis whose opener was lost; any other is noise.
    const closesWord = openAt > 0 && /[\p{L}\p{N}.')]/u.test(text[openAt - 1] as string) && /[,.;:)]/u.test(text[openAt + 1] ?? '');
    roles.set(openAt, closesWord ? 'close-from-start' : 'stray');
  }
  return roles;
}

/** A span the typist set off by underlining or emphasis (a term in a glossary row, a title). */
export const isEmphasis = (n: Inline): n is Extract<Inline, { t: 'em' | 'u' }> => n.t === 'em' || n.t === 'u';

/** Plain text of inline nodes (markers omitted), for titles, slugs and word counts. */
export function inlineText(nodes: readonly Inline[], reading: 'corrected' | 'original' = 'corrected'): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return n.v;
        case 'em':
        case 'u':
          return inlineText(n.c, reading);
        case 'emend':
          return reading === 'corrected' ? n.corrected : n.original;
        default:
          return '';
      }
    })
    .join('');
}
