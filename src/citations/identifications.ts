/**
 * Citations the editor identifies from their context (content/citations/identifications.json): a
 * note that names a work only as "the stenographic report of the plenum" links to the report of the
 * plenum its paragraph is about, with the reason on hover. Validated against the edition, so that a
 * decision that no longer fits the text fails the build.
 */
import { z } from 'astro/zod';
import data from '../../content/citations/identifications.json' with { type: 'json' };
import { describeIssues } from '../pipeline/errors.ts';

const FILE = 'content/citations/identifications.json';

export const identificationsSchema = z
  .object({
    about: z.string(),
    identifications: z.array(
      z
        .object({
          note: z.string().regex(/^[a-z0-9.-]+-n\d+$/u),
          text: z.string().min(3),
          entry: z.string().regex(/^bib-/u),
          /**
           * Further works the same words name ("the stenographic reports of the two 1927
           * conferences"): one link goes to `entry`; these are named beside it on hover, and the note
           * is listed among those citing each of them.
           */
          also: z.array(z.string().regex(/^bib-/u)).min(1).optional(),
          reason: z.string().min(10, 'reason must say why (at least 10 characters)'),
        })
        .strict(),
    ),
  })
  .strict();

export type Identification = z.infer<typeof identificationsSchema>['identifications'][number];

export function parseIdentifications(json: unknown): Identification[] {
  const parsed = identificationsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${FILE} is malformed: ${describeIssues(parsed.error.issues)}`);
  return parsed.data.identifications;
}

/** Where each identification falls: its note's text must hold the words once, and the entry must exist. */
export function placeIdentifications<E extends { id: string }>(
  ids: readonly Identification[],
  noteText: (note: string) => string | undefined,
  entries: readonly E[],
): { id: Identification; start: number; end: number; entry: E; also: E[] }[] {
  return ids.map((id) => {
    const text = noteText(id.note);
    if (text === undefined) throw new Error(`${FILE}: note ${id.note} does not exist`);
    const start = text.indexOf(id.text);
    if (start < 0 || text.indexOf(id.text, start + 1) >= 0) throw new Error(`${FILE}: note ${id.note} does not hold "${id.text}" exactly once`);
    const find = (wanted: string): E => {
      const entry = entries.find((e) => e.id === wanted);
      if (!entry) throw new Error(`${FILE}: no bibliography entry ${wanted} (for ${id.note})`);
      return entry;
    };
    const also = (id.also ?? []).map(find);
    if (new Set([id.entry, ...(id.also ?? [])]).size !== 1 + also.length) throw new Error(`${FILE}: ${id.note} names the same entry twice`);
    return { id, start, end: start + id.text.length, entry: find(id.entry), also };
  });
}

export const IDENTIFICATIONS: Identification[] = parseIdentifications(data);
