/**
 * The Pagefind records of the edition, built from the typed model (not from the pages): one per
 * paragraph, table, glossary or abbreviation row, and footnote, each linking to its own anchor.
 * Small records keep the fragments a first query fetches small, and each result lands on what
 * matched. Nothing is indexed twice: the pages themselves are not indexed.
 */
import type { CustomRecord } from 'pagefind';
import type { Edition, Inline, Note, Section, TableBlock } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';
import { citationStream } from '../citations/stream.ts';
import { GLOSSARY_SPELLINGS_IN_TEXT } from '../citations/glossary.ts';
import { rowAnchors } from '../render/row-anchors.ts';
import { citationAnnotations } from '../citations/annotations.ts';
import { archivalFilterValues } from './archival.ts';
import { iaSpellings } from './spelling.ts';
import { fullYearDate, SHORT_DATE } from './query.ts';
import { blockText } from '../pipeline/block-text.ts';
import { pagesNumberedApproximately, pagesOfUncertainText } from '../citations/contexts.ts';
import { mainPost, peopleOf } from '../appendix/people.ts';
import { wordsOf } from './suggest.ts';

/** Values of the "kind" filter. */
export type ResultKind = 'text' | 'note' | 'table' | 'appendix' | 'glossary' | 'bibliography' | 'person';

/** The "section" filter value: "Introduction", "Chapter 2", "Conclusion", or "Back matter". */
export function sectionFilter(section: Pick<Section, 'kind' | 'label'>): string {
  return section.kind === 'chapter' ? section.label : 'Back matter';
}

/** The kind of result a section's paragraphs give. */
export function pageKind(sectionId: string): ResultKind {
  switch (sectionId) {
    case 'tables':
      return 'table';
    case 'appendices':
      return 'appendix';
    case 'glossary':
    case 'abbreviations':
      return 'glossary';
    case 'bibliography':
      return 'bibliography';
    default:
      return 'text';
  }
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Text of a table: caption and cells, row by row. */
export function tableText(t: Pick<TableBlock, 'caption' | 'headRows' | 'bodyRows'>): string {
  return oneLine([t.caption ? inlineText(t.caption) : '', ...[...t.headRows, ...t.bodyRows].map((r) => rowText(r))].join(' '));
}

const rowText = (row: Inline[][]): string => oneLine(row.map((c) => inlineText(c)).join(' '));

/** A heading as a result title: without its note markers. */
const headingText = (content: Inline[]): string => oneLine(inlineText(content).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, ''));

/** "57", or "57–58" for a paragraph that runs over a page break. */
const pageRange = (pages: readonly number[]): string => [...new Set([pages[0], pages[pages.length - 1]])].filter((p) => p !== undefined).join('–');

/**
 * What the results list needs to title results, kept out of the index: Pagefind indexes every
 * meta field as searchable text, so "Chapter 2 › The Rightists' Constituency" on each of that
 * part's paragraphs would make all of them match "Rightists" (and "(thesis p. 57)" on every
 * record made all 2,000 match "thesis"). Records carry only numbers (heading ordinal, page);
 * the page fetches this outline with the engine and builds titles from it.
 */
export interface SearchOutline {
  /** Section label by slug: "chapter-2" → "Chapter 2". */
  sections: Record<string, string>;
  /** Headings of each section in order (a record's meta "h" is an index into this): [id, text]. */
  headings: Record<string, [id: string, text: string][]>;
  /** The Library of Congress's "ia"/"iu" spellings of the edition's "ya"/"yu" words (spelling.ts iaSpellings). */
  ia: Record<string, string>;
}

export function searchOutline(edition: Edition): SearchOutline {
  const sections: Record<string, string> = {};
  const headings: Record<string, [string, string][]> = {};
  for (const section of edition.sections) {
    if (section.kind === 'front') continue;
    sections[section.slug] = section.label;
    headings[section.slug] = section.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.id, headingText(b.content)] as [string, string]] : []));
  }
  sections['people'] = 'People';
  return { sections, headings, ia: iaSpellings(editionWords(edition)) };
}

/**
 * One record per person of Appendix 1's rosters, landing on their page: the name as the rosters
 * print it, its other spellings and their main post, and no more (the posts' words, "secretary",
 * "MK", would make every person a result for them). Titled with the name, so a search for the name
 * lists the person's page first.
 */
export function peopleRecords(edition: Edition): CustomRecord[] {
  return peopleOf(edition).people.map((p) => {
    // Other spellings of the surname ("Kamanev"), not the same name with or without its initials.
    const others = [...new Set(p.spellings.map((s) => s.split(',')[0]?.trim() ?? s))].filter((s) => s !== p.surname);
    const post = mainPost(p);
    return {
      url: `/people/${p.id}/`,
      content: oneLine(`${p.name}${others.length ? ` (also printed ${others.join(', ')})` : ''}${post ? `: ${post}` : ''}`).replace(/\.?$/u, '.'),
      language: 'en',
      meta: { title: p.name },
      filters: { section: ['Back matter'], kind: ['person'] },
    };
  });
}

/**
 * A word the thesis spells more than one way, kept as printed (the Glossary's "sheftsvo", the
 * text's "sheftstvo", Appendix 2's "shefstvo"): a passage holding one form is found by the others.
 */
const SAME_WORD: readonly (readonly string[])[] = [['sheftsvo', ...(GLOSSARY_SPELLINGS_IN_TEXT['sheftsvo'] ?? [])]];

export function otherSpellings(content: string): string[] {
  const words = new Set(content.toLowerCase().match(/\p{L}+/gu) ?? []);
  return SAME_WORD.flatMap((forms) => (forms.some((f) => words.has(f)) ? forms.filter((f) => !words.has(f)) : []));
}

/**
 * The words the typescript prints where the edition emends them ("Elektroavod"), so that a reader
 * who searches the words as printed still finds the passage: '' when there are none.
 */
export function printedReadings(content: readonly Inline[]): string {
  const out: string[] = [];
  const walk = (nodes: readonly Inline[]): void => {
    for (const n of nodes) {
      if (n.t === 'emend') {
        // A repair of spacing only ("C rankshaw", "shef stvo") prints no other word: nothing to find it by.
        const letters = (s: string): string => s.replace(/[^\p{L}]/gu, '');
        if (letters(n.original) === letters(n.corrected)) continue;
        // Word for word ("Elektroavod" for "Elektrozavod"), only the words the edition changed, of three
        // letters or more ("P.Ya (Mossoviet)" → "P.Ya. (Mossoviet)" has none); a word split or joined
        // as well ("shef svo" for "sheftsvo") leaves only pieces, which would find other words.
        const was = wordsOf(n.original);
        const now = wordsOf(n.corrected);
        if (was.length !== now.length) continue;
        out.push(...was.filter((w) => !now.includes(w) && w.length >= 3));
      }
      else if (n.t === 'em' || n.t === 'u') walk(n.c);
    }
  };
  walk(content);
  return [...new Set(out)].join('; ');
}

/** Every word of the edition's text, notes, tables and back matter, in order, as printed (corrected). */
export function editionWords(edition: Edition): string[] {
  return edition.sections.flatMap((s) => s.blocks.flatMap((b) => wordsOf(blockText(b))));
}

/**
 * One record per section title, heading, paragraph, table, and glossary or abbreviation row of
 * the text and back matter (notes are records of their own). Meta: "h", the ordinal of the heading the record falls under
 * (see SearchOutline), and "page", the thesis page(s); a glossary row's title is its term, which
 * is also the first word of its text (so the title's extra weight ranks the definition first).
 */
export function textRecords(edition: Edition): CustomRecord[] {
  const records: CustomRecord[] = [];
  // As the cite pages give them: "≈" where a page break near the text was placed by length, "ff."
  // where the part's later pages are not reconstructed (the Bibliography, from p. 280).
  const uncertain = pagesOfUncertainText(edition);
  const pagesOf = (section: Section, pages: readonly number[]): Record<string, string> =>
    pages.length === 0 ? {} : { page: `${pages.some((p) => uncertain.has(p)) ? '≈' : ''}${pageRange(pages)}${section.firstPage !== null && section.lastPage === null ? 'ff.' : ''}` };
  for (const section of edition.sections) {
    if (section.kind === 'front') continue;
    const kind = pageKind(section.id);
    const rows = rowAnchors(section);
    let h = -1;
    let heading = '';
    const push = (anchor: string, content: string, meta: Record<string, string>, recordKind: ResultKind): void => {
      if (content === '') return;
      records.push({
        url: `/${section.slug}/#${anchor}`,
        content,
        language: 'en',
        meta: { ...(h >= 0 ? { h: String(h) } : {}), ...meta },
        filters: { section: [sectionFilter(section)], kind: [recordKind] },
      });
    };
    const pushTo = (url: string, content: string): void => {
      records.push({ url, content, language: 'en', meta: h >= 0 ? { h: String(h) } : {}, filters: { section: [sectionFilter(section)], kind: [kind] } });
    };
    // The section's title (when the thesis prints one) and each heading are records too, so a
    // phrase from a heading finds its place: "Rightists' Constituency".
    if (section.titleFromSource) pushTo(`/${section.slug}/`, oneLine(section.titleText));
    for (const block of section.blocks) {
      if (block.kind === 'heading') {
        h++;
        heading = headingText(block.content);
        if (heading) pushTo(`/${section.slug}/#${block.id}`, heading);
      } else if (block.kind === 'paragraph') {
        const content = oneLine(inlineText(block.content));
        const also = [printedReadings(block.content), ...otherSpellings(content)].filter(Boolean).join('; ');
        push(block.id, content, { ...pagesOf(section, block.pages), ...(also ? { also } : {}) }, kind);
      } else if (block.kind === 'table' && rows.has(block.id)) {
        // Glossary and abbreviation rows: one record per term, landing on its row.
        const ids = rows.get(block.id) ?? [];
        const caption = block.caption ? headingText(block.caption) : '';
        block.bodyRows.forEach((row, k) => {
          const id = ids[block.headRows.length + k]?.[0] ?? block.id;
          // A term the text spells otherwise is found by that spelling too ("Mossoviet" lands on Mossovet).
          const term = oneLine(inlineText(row[0] ?? []));
          const inText = GLOSSARY_SPELLINGS_IN_TEXT[term];
          push(id, [rowText(row), inText ? `(in the text: ${inText.join(', ')})` : '', caption].filter(Boolean).join(' '), { title: term }, 'glossary');
        });
      } else if (block.kind === 'table') {
        // A table's text starts with the heading above it (its title, in the Tables section).
        push(block.id, oneLine(`${heading} ${tableText(block)}`), {}, kind === 'text' ? 'table' : kind);
      }
    }
  }
  return records;
}

/** A note's text with the paragraphs and tables printed under it. */
export function noteText(note: Pick<Note, 'content' | 'extra'>): string {
  return oneLine([inlineText(note.content), ...note.extra.map((x) => (x.kind === 'paragraph' ? inlineText(x.content) : tableText(x)))].join(' '));
}

/**
 * What a historian may type for what a note prints in short, as one string for a meta field (which
 * Pagefind searches; excerpts show only the note's own text): the names its abbreviations stand
 * for ("P, 14/5/1929" found by "Pravda 14/5/1929"), its dates with two-digit years written out
 * ("RM, 20/1/26" found by "20/1/1926": Pagefind reads a date as one number, 20126 ≠ 2011926), and
 * its pages cited without a space ("p.43" found by "p. 43": Pagefind reads "p.43" as one word, p43).
 */
export function noteAliases(text: string, expansions: Iterable<string>): string {
  // Written out as the search page writes a date typed short (query.ts).
  const dates = [...text.matchAll(SHORT_DATE)].flatMap((m) => fullYearDate(m[1] as string, m[2] as string, m[3] as string) ?? []);
  // "p.43" as "p. 43", as the search page writes every page typed (query.ts standardForms).
  const pages = [...text.matchAll(/\b(pp?)\.(\d[\d\-–]*)/gu)].map((m) => `${m[1]}. ${m[2]}`);
  return [...new Set([...expansions, ...dates, ...pages])].join('; ');
}

/** The expansions of the abbreviations each note uses, as linked in it ("RM = Rabochaya Moskva" → "Rabochaya Moskva"). */
function expansionsByNote(edition: Edition): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  // The citation links alone (abbreviations are among them): places and people are not needed here.
  for (const a of citationAnnotations(edition)) {
    // Not a place of publication ("M = Moscow (place of publication)"): "Moscow" is in every other passage.
    if (a.className !== 'abbr' || !a.title || a.title.endsWith('(place of publication)')) continue;
    const expansion = a.title.slice(a.title.indexOf(' = ') + 3).trim();
    if (!expansion) continue;
    const key = `${a.section}#${a.block}`;
    out.set(key, (out.get(key) ?? new Set<string>()).add(expansion));
  }
  return out;
}

/**
 * One record per footnote, linking straight to it; the page titles it with its place ("Chapter 2,
 * part 3, note 15", from the id: see results.ts) and its thesis page (meta "page"); meta "also" holds
 * its aliases (noteAliases). The archival references it cites (directly, or by ibid. and loc. cit.) are
 * values of the "ref" filter, which the search page matches exactly (see archival.ts). Records
 * are added in reading order, which is the order Pagefind lists a search by filter alone in (a
 * sort key would add 2.5 KB to the metadata every search loads).
 */
export function noteRecords(edition: Edition): CustomRecord[] {
  const refsByNote = new Map<string, Set<string>>();
  for (const ref of citationStream(edition).archival) {
    if (ref.form === 'example') continue;
    const set = refsByNote.get(ref.noteId) ?? new Set<string>();
    for (const v of archivalFilterValues(ref)) set.add(v);
    refsByNote.set(ref.noteId, set);
  }
  const expansions = expansionsByNote(edition);
  const records: CustomRecord[] = [];
  // A note is printed at the foot of the page its block ends: its page is uncertain only where the numbers drift.
  const drifting = pagesNumberedApproximately(edition);
  for (const section of edition.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'notes') continue;
      for (const note of block.notes) {
        const refs = [...(refsByNote.get(note.id) ?? [])];
        const content = noteText(note);
        // A document of the Trotsky Archive is cited "T 2850": the note is found by the archive's name too.
        const archives = refs.some((r) => r.startsWith('T ')) ? ['Trotsky Archive'] : [];
        const printed = [note.content, ...note.extra.map((x) => (x.kind === 'table' ? [...x.headRows, ...x.bodyRows].flat().flat() : x.content))].map(printedReadings).filter(Boolean);
        const also = noteAliases(content, [...(expansions.get(`${section.id}#${note.id}`) ?? []), ...archives, ...printed, ...otherSpellings(content)]);
        records.push({
          url: `/${section.slug}/#${note.id}`,
          content,
          language: 'en',
          meta: { ...(note.page !== null ? { page: `${drifting.has(note.page) ? '≈' : ''}${note.page}` } : {}), ...(also ? { also } : {}) },
          filters: { section: [sectionFilter(section)], kind: ['note'], ...(refs.length ? { ref: refs } : {}) },
        });
      }
    }
  }
  return records;
}
