/**
 * The Archives index: every archival reference of the thesis grouped archive → fond → opis →
 * delo, with the folios cited and the citing notes in reading order, and counts at every level.
 */
import type { Edition } from '../pipeline/model.ts';
import { fileAnchor, type ArchivalReference, type ArchiveCode } from './archival.ts';
import { parseBibliography } from './bibliography.ts';
import { citationStream } from './stream.ts';

export interface DeloEntry {
  anchor: string;
  delo: string;
  /** Distinct folios cited, in order of first citation. */
  folios: string[];
  refs: ArchivalReference[];
}

export interface OpisEntry {
  opis: string | null;
  anchor: string;
  files: DeloEntry[];
  refCount: number;
}

export interface FondEntry {
  fond: string | null;
  anchor: string;
  /** The fond's description in the bibliography's Section 1, if it gives one. */
  description: string | null;
  listedInBibliography: boolean;
  /**
   * The fond one digit away on the other side of the split between the notes and the bibliography:
   * for a fond the notes cite but the bibliography does not list, a listed fond no note cites, and
   * the reverse (the notes' 5467 and the bibliography's 5457). One of the two is probably mistyped.
   */
  lookalike: string | null;
  opisi: OpisEntry[];
  refCount: number;
  fileCount: number;
}

export interface ArchiveEntry {
  code: ArchiveCode;
  anchor: string;
  fonds: FondEntry[];
  refCount: number;
  fileCount: number;
}

/** All archival references except the thesis's own example of the short form. */
export function indexedReferences(edition: Edition): ArchivalReference[] {
  return citationStream(edition).archival.filter((r) => r.form !== 'example');
}

const numeric = (a: string | null, b: string | null): number => Number(a ?? Infinity) - Number(b ?? Infinity);

/** Two numbers of the same length that differ in one digit ("5457", "5467"). */
export function oneDigitApart(a: string, b: string): boolean {
  return a.length === b.length && [...a].filter((ch, i) => ch !== b[i]).length === 1;
}

/** Group the references for the index. Archives in the thesis's order (TsGAOR, TsGAGM, Trotsky Archive). */
export function archiveIndex(edition: Edition): ArchiveEntry[] {
  const refs = indexedReferences(edition);
  const listed = parseBibliography(edition).fonds;
  const codes: ArchiveCode[] = ['TsGAOR', 'TsGAGM', 'T'];
  return codes.map((code) => {
    const mine = refs.filter((r) => r.archive === code);
    const fondKeys = [...new Set([...mine.map((r) => r.fond), ...listed.filter((f) => f.archive === code).map((f) => f.fond)])].sort(numeric);
    const fonds = fondKeys.map((fond): FondEntry => {
      const inFond = mine.filter((r) => r.fond === fond);
      const opisKeys = [...new Set(inFond.map((r) => r.opis))].sort(numeric);
      const opisi = opisKeys.map((opis): OpisEntry => {
        const inOpis = inFond.filter((r) => r.opis === opis);
        const deloKeys = [...new Set(inOpis.map((r) => r.delo as string))].sort(numeric);
        const files = deloKeys.map((delo): DeloEntry => {
          const inDelo = inOpis.filter((r) => r.delo === delo);
          const folios = [...new Set(inDelo.map((r) => r.folios).filter((f): f is string => f !== null))];
          return { anchor: fileAnchor({ archive: code, fond, opis, delo }), delo, folios, refs: inDelo };
        });
        return { opis, anchor: `${code.toLowerCase()}-${fond}-${opis ?? 'x'}`, files, refCount: inOpis.length };
      });
      const info = listed.find((f) => f.archive === code && f.fond === fond);
      const cited = (k: string | null): boolean => mine.some((r) => r.fond === k);
      const isListed = (k: string | null): boolean => listed.some((f) => f.archive === code && f.fond === k);
      // Cited but not listed, or listed but not cited: look for the other half one digit away.
      const lonely = inFond.length > 0 !== (info !== undefined);
      const lookalike = !lonely || fond === null ? null : (fondKeys.find((k) => k !== null && oneDigitApart(k, fond) && cited(k) !== cited(fond) && isListed(k) !== isListed(fond)) ?? null);
      return {
        fond,
        anchor: code === 'T' ? 't-documents' : `${code.toLowerCase()}-${fond}`,
        description: info?.description ?? null,
        listedInBibliography: info !== undefined,
        lookalike,
        opisi,
        refCount: inFond.length,
        fileCount: opisi.reduce((n, o) => n + o.files.length, 0),
      };
    });
    return { code, anchor: code === 'T' ? 'trotsky-archive' : code.toLowerCase(), fonds, refCount: mine.length, fileCount: fonds.reduce((n, f) => n + f.fileCount, 0) };
  });
}
