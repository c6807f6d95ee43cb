import { z } from 'astro/zod';
import type { Emendation, Irregularity, SourceLine } from './model.ts';
import { EMENDATIONS_FILE, IRREGULARITIES_FILE, SourceError } from './errors.ts';

export const emendationSchema = z
  .object({
    id: z.string().regex(/^em-\d{3}$/u, 'id must look like em-001'),
    line: z.number().int().positive(),
    original: z.string().min(1),
    corrected: z.string(),
    reason: z.string().min(10, 'reason must say why (at least 10 characters)'),
    count: z.number().int().positive().default(1),
    kind: z.enum(['emendation', 'editorial-note']).default('emendation'),
  })
  .strict();

export const irregularitySchema = z
  .object({
    id: z.string().regex(/^irr-\d{2}$/u, 'id must look like irr-01'),
    scope: z.string().min(1),
    kind: z.enum(['skipped-number', 'duplicate-marker']),
    n: z.number().int().positive(),
    lines: z.array(z.number().int().positive()),
    reason: z.string().min(10),
  })
  .strict();

function describe(issue: z.core.$ZodIssue): string {
  return `${issue.path.length ? `field '${issue.path.join('.')}': ` : ''}${issue.message}`;
}

/** Validate the emendations file's JSON; each problem names the entry. */
export function parseEmendations(json: unknown, file = EMENDATIONS_FILE, seen = new Set<string>()): Emendation[] {
  if (!Array.isArray(json)) throw new SourceError(file, null, 'must be a JSON array of emendations');
  return json.map((entry, i) => {
    const parsed = emendationSchema.safeParse(entry);
    const label = typeof entry === 'object' && entry !== null && 'id' in entry ? String((entry as { id: unknown }).id) : `#${i + 1}`;
    if (!parsed.success) throw new SourceError(file, null, `entry ${i + 1} (${label}) is malformed: ${parsed.error.issues.map(describe).join('; ')}`);
    if (seen.has(parsed.data.id)) throw new SourceError(file, null, `entry ${i + 1}: duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

export function parseIrregularities(json: unknown): Irregularity[] {
  if (!Array.isArray(json)) throw new SourceError(IRREGULARITIES_FILE, null, 'must be a JSON array');
  return json.map((entry, i) => {
    const parsed = irregularitySchema.safeParse(entry);
    if (!parsed.success) throw new SourceError(IRREGULARITIES_FILE, null, `entry ${i + 1} is malformed: ${parsed.error.issues.map(describe).join('; ')}`);
    return parsed.data;
  });
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Check each emendation against the line it names: the printed reading must be there, `count` times. */
export function checkEmendationsAgainstSource(emendations: readonly Emendation[], lines: readonly SourceLine[], fileOf: ReadonlyMap<string, string> = new Map()): void {
  for (const em of emendations) {
    const file = fileOf.get(em.id) ?? EMENDATIONS_FILE;
    const line = lines[em.line - 1];
    if (!line) throw new SourceError(file, null, `${em.id}: line ${em.line} is beyond the end of the source (${lines.length} lines)`);
    const found = occurrences(line.text, em.original);
    if (found !== em.count) {
      throw new SourceError(file, null, `${em.id}: expected "${em.original}" ${em.count} time(s) on source line ${em.line}, found ${found}`);
    }
  }
}

/** Emendations grouped by the line they correct. */
export function emendationsByLine(emendations: readonly Emendation[]): Map<number, Emendation[]> {
  const map = new Map<number, Emendation[]>();
  for (const em of emendations) map.set(em.line, [...(map.get(em.line) ?? []), em]);
  return map;
}
