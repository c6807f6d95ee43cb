/** Present-day successors of the archives the thesis cites, from the sourced data file content/archives/successors.json. */
import data from '../../content/archives/successors.json' with { type: 'json' };
import type { ArchiveCode } from './archival.ts';

export interface ArchiveSuccessor {
  code: ArchiveCode;
  name: string;
  english: string;
  successor: string;
  successorUrl: string;
  /** 'sourced' | 'probable' | 'partly sourced': how far the sources carry the mapping. */
  status: string;
  statement: string;
  sources: { title: string; url: string }[];
  fondNumbers: string;
  fondNote: string;
  howToOrder: string;
}

export const ARCHIVE_SUCCESSORS: readonly ArchiveSuccessor[] = data.archives as ArchiveSuccessor[];

export function successorOf(code: ArchiveCode): ArchiveSuccessor | null {
  return ARCHIVE_SUCCESSORS.find((a) => a.code === code) ?? null;
}
