import { z } from 'astro/zod';
import type { Emendation, Irregularity, SourceLine } from './model.ts';
import { movedTo } from './lines.ts';
import { EMENDATIONS_FILE, IRREGULARITIES_FILE, SourceError, THESIS_FILE } from './errors.ts';

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
  .strict()
  // An emendation corrects words: note markers belong to the notes (irregularities are data of their
  // own) and markup to the parser, so a reading that holds either would break them silently.
  .refine((e) => !/[⁰¹²³⁴⁵⁶⁷⁸⁹<>*]/u.test(e.original + e.corrected), {
    message: 'original and corrected may not hold note markers (superscript digits) or markup (<, >, *): correct the words around them',
  })
  // A correction is of words on one line, and shows something: a deletion keeps the words around it ("the the" → "the").
  .refine((e) => !/[\n\r]/u.test(e.original + e.corrected), { message: 'original and corrected are on one line: they may not hold a line break' })
  .refine((e) => e.corrected.trim() !== '', { message: 'corrected may not be empty: to delete words, correct the words around them ("the the" → "the")' })
  .refine((e) => e.kind === 'editorial-note' || e.corrected !== e.original, { message: 'corrected is the same as original: a reading kept as printed and flagged is kind "editorial-note"' });

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

/**
 * Validate an emendations file's JSON; each problem names the entry. `seen`: the ids of files read
 * before, each with where it is (so a duplicate names both).
 */
export function parseEmendations(json: unknown, file = EMENDATIONS_FILE, seen = new Map<string, string>()): Emendation[] {
  if (!Array.isArray(json)) throw new SourceError(file, null, 'must be a JSON array of emendations');
  return json.map((entry, i) => {
    const parsed = emendationSchema.safeParse(entry);
    const label = typeof entry === 'object' && entry !== null && 'id' in entry ? String((entry as { id: unknown }).id) : `#${i + 1}`;
    if (!parsed.success) throw new SourceError(file, null, `entry ${i + 1} (${label}) is malformed: ${parsed.error.issues.map(describe).join('; ')}`);
    const first = seen.get(parsed.data.id);
    if (first !== undefined) throw new SourceError(file, null, `entry ${i + 1}: duplicate id ${parsed.data.id} (already ${first})`);
    seen.set(parsed.data.id, `entry ${i + 1} of ${file}`);
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

/** Where `needle` occurs in `haystack`, as [start, end) ranges, not overlapping one another. */
function occurrences(haystack: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) out.push([at, at + needle.length]);
  return out;
}

/**
 * Check each emendation against the line it names: the printed reading must be there, `count`
 * times, and no two emendations of a line may correct overlapping text (the first applied would
 * hide the other's reading, and the second would silently do nothing).
 */
export function checkEmendationsAgainstSource(emendations: readonly Emendation[], lines: readonly SourceLine[], fileOf: ReadonlyMap<string, string> = new Map(), sourceIntact?: boolean): void {
  const claimed = new Map<number, { em: Emendation; range: [number, number] }[]>();
  for (const em of emendations) {
    const file = fileOf.get(em.id) ?? EMENDATIONS_FILE;
    const line = lines[em.line - 1];
    if (!line) {
      if (sourceIntact === false) throw new SourceError(THESIS_FILE, lines.length, `the source ends at line ${lines.length}, but ${em.id} (${file}) corrects line ${em.line}: it has been cut short (it does not match its recorded SHA-256)`);
      throw new SourceError(file, null, `${em.id}: line ${em.line} is beyond the end of the source (${lines.length} lines)`);
    }
    const found = occurrences(line.text, em.original);
    if (found.length !== em.count) {
      const moved = movedTo(lines, em.line, holdsReading(em));
      if (moved !== null && sourceIntact !== true) throw shiftedSource(em, moved, file, emendations, lines);
      // The source as recorded (or the reading nowhere near): the emendation names the wrong line or count.
      throw new SourceError(file, null, `${em.id}: expected "${em.original}" ${em.count} time(s) on source line ${em.line}, found ${found.length}${moved === null ? '' : `; it is on line ${moved}: is the emendation's line wrong?`}`);
    }
    const onLine = claimed.get(em.line) ?? [];
    for (const range of found) {
      const other = onLine.find((c) => c.range[0] < range[1] && range[0] < c.range[1]);
      if (other) {
        throw new SourceError(file, null, `${em.id}: "${em.original}" on source line ${em.line} overlaps ${other.em.id} ("${other.em.original}", ${fileOf.get(other.em.id) ?? EMENDATIONS_FILE}) there; one emendation must cover both corrections`);
      }
      onLine.push({ em, range });
    }
    claimed.set(em.line, onLine);
  }
}

/** A line holds an emendation's printed reading as often as its count says. */
const holdsReading = (e: Emendation) => (text: string): boolean => occurrences(text, e.original).length === e.count;

/**
 * When an emendation's reading is not on its line but on line `n` near it, the source has most
 * likely lost or gained lines before it (it is never edited: is it damaged?). The error is then the
 * source's, placed between the last emendation still on its line and this one.
 */
function shiftedSource(em: Emendation, n: number, file: string, all: readonly Emendation[], lines: readonly SourceLine[]): SourceError {
  const after = Math.max(0, ...all.filter((e) => e.line < em.line && holdsReading(e)(lines[e.line - 1]?.text ?? '')).map((e) => e.line));
  return new SourceError(
    THESIS_FILE,
    after + 1,
    `the source seems to have ${n < em.line ? 'lost' : 'gained'} ${Math.abs(n - em.line)} line(s) between line ${after + 1} and line ${em.line}: ${em.id} (${file}) expects "${em.original}" on line ${em.line}, and it is on line ${n} (the source is never edited: is it damaged? its SHA-256 is recorded in content/source/thesis.sha256)`,
  );
}

/** Every emendation must be applied as often as its count says: one that is not is reported, never skipped. */
export function checkEmendationsApplied(emendations: readonly Emendation[], applied: ReadonlyMap<string, number>, fileOf: ReadonlyMap<string, string> = new Map()): void {
  for (const em of emendations) {
    const n = applied.get(em.id) ?? 0;
    if (n !== em.count) throw new SourceError(fileOf.get(em.id) ?? EMENDATIONS_FILE, null, `${em.id}: "${em.original}" on source line ${em.line} is applied ${n} time(s) in the edition, not ${em.count}: does it run across a note marker, markup or a break the parser splits the line at?`);
  }
}

/**
 * A problem found on a line that an emendation corrects may be the emendation's doing: the error
 * says which emendation the line carries (the source alone may be blameless).
 */
export function withEmendationHint(err: unknown, files: readonly { file: string; json: unknown }[]): unknown {
  if (!(err instanceof SourceError) || err.file !== THESIS_FILE || err.line === null) return err;
  const onLine = files.flatMap((f) => {
    try {
      return parseEmendations(f.json, f.file).filter((e) => e.line === err.line).map((e) => `${e.id} (${f.file})`);
    } catch {
      return [];
    }
  });
  if (onLine.length === 0) return err;
  return new SourceError(err.file, err.line, `${err.problem} [this line carries emendation ${onLine.join(', ')}: if the problem is new, check it first]`);
}

/** Emendations grouped by the line they correct. */
export function emendationsByLine(emendations: readonly Emendation[]): Map<number, Emendation[]> {
  const map = new Map<number, Emendation[]>();
  for (const em of emendations) map.set(em.line, [...(map.get(em.line) ?? []), em]);
  return map;
}
