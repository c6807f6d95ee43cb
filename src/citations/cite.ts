/**
 * "Cite this": the thesis, a chapter or a paragraph in Chicago, MLA, BibTeX and RIS, with the
 * original page numbers and the edition's URL. Pure string formatting.
 */

export interface CitedWork {
  author: { family: string; given: string };
  title: string;
  degree: string;
  institution: string;
  year: string;
}

/** The thesis itself. */
export const THESIS: CitedWork = {
  author: { family: 'Merridale', given: 'Catherine' },
  title: 'The Communist Party in Moscow 1925-1932',
  degree: 'PhD',
  institution: 'University of Birmingham',
  year: '1987',
};

export interface CiteTarget {
  /** Section label ("Chapter 2") and title ("Political Change in Moscow 1925-32."), if citing part of the thesis. */
  sectionLabel?: string;
  sectionTitle?: string;
  firstPage: number | null;
  lastPage: number | null;
  /** Pages of a paragraph (overrides the section's range). */
  pages?: readonly number[];
  /** True when the edition reconstructs those pages by length (shown "≈" in the text): cited as approximate. */
  pagesApproximate?: boolean;
  paragraphId?: string;
  /** Absolute URL of what is cited in the edition. */
  url: string;
  /** Date of access, ISO (YYYY-MM-DD); when not given, ACCESSED_PLACEHOLDER, which the page fills in with the reader's date. */
  accessed?: string;
}

/**
 * Where a static citation needs the date the reader consulted the edition: the page's script
 * writes today's date over it in each style's form (CiteThis.astro); without JavaScript it asks
 * the reader to.
 */
export const ACCESSED_PLACEHOLDER = '[date accessed]';

/** The edition, as a publication of its own (MLA's container, Chicago's "in"). */
export const EDITION_TITLE = 'The Communist Party in Moscow 1925-1932: a scholarly edition of the thesis';

export interface Citations {
  chicago: string;
  mla: string;
  bibtex: string;
  ris: string;
}

/**
 * "50–118", "57", or "" — the pages cited, with an en dash; "280ff." for a part whose last page
 * the contents do not give (the Bibliography: it runs on from p. 280 for pages not reconstructed).
 */
export function pageRange(t: Pick<CiteTarget, 'firstPage' | 'lastPage' | 'pages'>): { first: number | null; last: number | null; text: string } {
  const pages = t.pages && t.pages.length ? [...t.pages].sort((a, b) => a - b) : null;
  const first = pages ? (pages[0] as number) : t.firstPage;
  if (first === null) return { first: null, last: null, text: '' };
  if (!pages && t.lastPage === null) return { first, last: null, text: `${first}ff.` };
  const last = pages ? (pages[pages.length - 1] as number) : (t.lastPage ?? first);
  return { first, last, text: last !== first ? `${first}–${last}` : `${first}` };
}

/**
 * "p. 57", "pp. 57–58", "pp. 280ff.": the pages a range cites (as pageRange writes it), abbreviated;
 * "≈ p. 77" for a range marked "≈" (a page placed by length); "" for none.
 */
export function pagesLabel(range: string): string {
  if (range === '') return '';
  const bare = range.replace(/^≈\s*/u, '');
  return `${bare === range ? '' : '≈ '}${bare.includes('–') || bare.endsWith('ff.') ? 'pp.' : 'p.'} ${bare}`;
}

/** A section title without its number and final full stop ("Chapter 2. Political Change…" → "Political Change…"). */
export function cleanTitle(title: string): string {
  return title.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, '').replace(/^(?:Chapter\s+\d+|Appendix\s+\d+|Table\s+\d+|Map\s+\d+|Diagram\s+\d+)\s*[.:]\s*/u, '').replace(/\.\s*$/u, '').trim();
}

function chapterNumber(label: string | undefined): string | null {
  return label ? (/(\d+)/u.exec(label)?.[1] ?? null) : null;
}

/** A sentence's full stop, unless it already ends with one ("280ff."). */
const closed = (s: string): string => (s.endsWith('.') ? s : `${s}.`);

const bibtexEscape = (s: string): string => s.replace(/([%&#_$])/gu, '\\$1');

/** "para-12" → "12": the paragraph's number, as the reader sees it on the cite page (¶ 12). */
function paragraphNumber(id: string): string {
  return /\d+$/u.exec(id)?.[0] ?? id;
}

/** Citations of the thesis, or of a part of it, in four styles. */
export function formatCitations(t: CiteTarget, work: CitedWork = THESIS): Citations {
  const range = pageRange(t);
  const part = t.sectionTitle ? cleanTitle(t.sectionTitle) : null;
  const isParagraph = t.paragraphId !== undefined;
  const paragraph = isParagraph ? `paragraph ${paragraphNumber(t.paragraphId as string)}` : null;
  const { family, given } = work.author;
  const thesisDesc = `${work.degree} diss., ${work.institution}, ${work.year}`;
  const accessedOn = t.accessed ?? ACCESSED_PLACEHOLDER;
  // Pages the edition places by length are cited as such, as the text marks them "≈".
  const approx = range.text !== '' && t.pagesApproximate === true;
  const pagesText = range.text ? `${range.text}${approx ? ' (approximate)' : ''}` : '';
  const pp = range.text ? `${pagesLabel(range.text)}${approx ? ' (approximate)' : ''}` : '';
  const where = [t.sectionLabel, paragraph].filter(Boolean).join(', ');

  const chicago = part
    ? `${family}, ${given}. “${part}.” ${where ? `${where} of ` : ''}“${work.title}.” ${closed(`${thesisDesc}${pagesText ? `, ${pagesText}` : ''}`)} In ${EDITION_TITLE}. Accessed ${accessedOn}. ${t.url}.`
    : `${family}, ${given}. “${work.title}.” ${thesisDesc}. In ${EDITION_TITLE}. Accessed ${accessedOn}. ${t.url}.`;

  const mla = part
    ? `${family}, ${given}. “${part}.” ${work.title}, ${work.degree} dissertation, ${work.institution}, ${closed(`${work.year}${paragraph ? `, ${paragraph}` : ''}${pp ? `, ${pp}` : ''}`)} ${EDITION_TITLE}, ${t.url}. Accessed ${accessedOn}.`
    : `${family}, ${given}. ${work.title}. ${work.degree} dissertation, ${work.institution}, ${work.year}. ${EDITION_TITLE}, ${t.url}. Accessed ${accessedOn}.`;

  // One key per citable part, so that citations of several parts can share a .bib file:
  // merridale1987ch3, merridale1987introduction, merridale1987conclusionpara5.
  const chapter = chapterNumber(t.sectionLabel);
  const partKey = chapter ? `ch${chapter}` : (t.sectionLabel ?? '').toLowerCase().replace(/[^a-z0-9]/gu, '');
  const key = `${family.toLowerCase()}${work.year}${partKey}${isParagraph ? (t.paragraphId as string).replace(/[^a-z0-9]/giu, '') : ''}`;
  const fields: [string, string | null][] = [
    ['author', `${family}, ${given}`],
    ['title', work.title],
    ['school', work.institution],
    ['year', work.year],
    ['type', `${work.degree} thesis`],
    ['chapter', part ? (chapterNumber(t.sectionLabel) ?? part) : null],
    ['pages', range.text ? range.text.replace('–', '--') : null],
    ['url', t.url],
    ['urldate', accessedOn],
    ['howpublished', EDITION_TITLE],
    // "Chapter 1: The Structure of the Party…"; a part whose label is its title ("Bibliography") is named once.
    ['note', [part ? `${t.sectionLabel && t.sectionLabel !== part ? `${t.sectionLabel}: ` : ''}${part}` : null, paragraph, approx ? 'original page numbers of the thesis, approximate (reconstructed by length)' : 'original page numbers of the thesis'].filter(Boolean).join('; ')],
  ];
  const bibtex = `@phdthesis{${key},\n${fields
    .filter((f): f is [string, string] => f[1] !== null)
    .map(([k, v]) => `  ${k} = {${k === 'url' ? v : bibtexEscape(v)}}`)
    .join(',\n')}\n}`;

  const ris = [
    ['TY', 'THES'],
    ['AU', `${family}, ${given}`],
    ['TI', work.title],
    part ? ['T2', part] : null,
    ['PY', work.year],
    ['PB', work.institution],
    ['M3', `${work.degree} thesis`],
    range.first !== null ? ['SP', String(range.first)] : null,
    range.last !== null && range.last !== range.first ? ['EP', String(range.last)] : null,
    paragraph || approx ? ['N1', [paragraph ? `Paragraph ${paragraphNumber(t.paragraphId as string)}` : null, approx ? 'original page numbers approximate' : null].filter(Boolean).join('; ')] : null,
    ['UR', t.url],
    ['Y2', accessedOn],
    ['ER', ''],
  ]
    .filter((x): x is string[] => x !== null)
    .map(([k, v]) => `${k}  - ${v}`.trimEnd())
    .join('\n');

  return { chicago, mla, bibtex, ris };
}
