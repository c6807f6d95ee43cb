/**
 * Paragraphs the editor judges to go on across a page end where the sentence happened to end with
 * the page. The source gives each paragraph one line, so a page that ends with a full stop leaves
 * two lines whatever the typescript had; the structure stage joins them only on a decision recorded
 * here, with its reason, and the Emendations page lists each one.
 */
import { z } from 'astro/zod';
import type { ParagraphContinuation, SourceLine } from './model.ts';
import { CONTINUATIONS_FILE, describeIssues, SourceError } from './errors.ts';
import { movedTo } from './lines.ts';

const continuationSchema = z
  .object({
    line: z.number().int().positive(),
    /** The first words of the line, so that a decision cannot silently move to another paragraph. */
    opening: z.string().min(8),
    reason: z.string().min(10, 'reason must say why (at least 10 characters)'),
  })
  .strict();

const fileSchema = z.object({ about: z.string(), continuations: z.array(z.unknown()) }).strict();

/** Validate the decisions (checkContinuationOpenings checks each against the line it names). */
export function parseContinuations(json: unknown): ParagraphContinuation[] {
  const file = fileSchema.safeParse(json);
  if (!file.success) throw new SourceError(CONTINUATIONS_FILE, null, `must be { "about": …, "continuations": […] }: ${describeIssues(file.error.issues)}`);
  const seen = new Set<number>();
  return file.data.continuations.map((entry, i) => {
    const parsed = continuationSchema.safeParse(entry);
    if (!parsed.success) throw new SourceError(CONTINUATIONS_FILE, null, `entry ${i + 1} is malformed: ${describeIssues(parsed.error.issues)}`);
    const { line, opening, reason } = parsed.data;
    if (seen.has(line)) throw new SourceError(CONTINUATIONS_FILE, null, `entry ${i + 1}: line ${line} is decided twice`);
    seen.add(line);
    return { line, opening, reason, page: null };
  });
}

/**
 * Each continuation's line must still begin with its opening words. Checked after the notes (a
 * source that lost a note's line is named there, exactly), and a decision found a few lines away
 * says the source has lost or gained lines before it, or, with the source as recorded
 * (`sourceIntact`), that the entry's line is wrong.
 */
export function checkContinuationOpenings(continuations: readonly ParagraphContinuation[], lines: readonly SourceLine[], sourceIntact?: boolean): void {
  continuations.forEach(({ line, opening }, i) => {
    const text = lines[line - 1]?.text;
    if (text === undefined) throw new SourceError(CONTINUATIONS_FILE, null, `entry ${i + 1}: line ${line} is beyond the end of the source (${lines.length} lines)`);
    if (!text.startsWith(opening)) {
      // Found a few lines away, the source has lost or gained lines before it (it is never edited).
      const moved = movedTo(lines, line, (t) => t.startsWith(opening));
      // With the source as recorded, the entry's line is what is wrong.
      const why = sourceIntact === true ? "is the entry's line wrong?" : `the source seems to have ${moved !== null && moved < line ? 'lost' : 'gained'} line(s) before line ${line} (is it damaged? its SHA-256 is recorded in content/source/thesis.sha256)`;
      const shift = moved === null ? '' : `; it is on line ${moved}: ${why}`;
      throw new SourceError(CONTINUATIONS_FILE, null, `entry ${i + 1}: source line ${line} does not begin "${opening}" (it begins "${text.slice(0, 40)}")${shift}`);
    }
  });
}
