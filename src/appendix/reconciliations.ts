/**
 * The recorded decisions that turn names printed in Appendix 1 into people
 * (content/people/reconciliations.json), validated so that every decision carries its reason.
 */
import { z } from 'astro/zod';
import data from '../../content/people/reconciliations.json' with { type: 'json' };
import { describeIssues } from '../pipeline/errors.ts';

const reason = z.string().min(10, 'reason must say why (at least 10 characters)');

export const reconciliationsSchema = z
  .object({
    about: z.string(),
    /** A printed variant (surname and initials as printed) → the person it is. */
    variants: z.array(z.object({ written: z.string().min(1), person: z.string().min(1), reason }).strict()),
    /** A bare surname shared by two people, settled roster by roster. */
    bare: z.array(z.object({ surname: z.string().min(1), where: z.array(z.string().min(1)).min(1), person: z.string().min(1), reason }).strict()),
    /** Names that look alike but are different people. */
    distinct: z.array(z.object({ written: z.array(z.string()).min(2), reason }).strict()),
    /** People named only in change lists. */
    extra: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), reason }).strict()),
    /** Mentions in the text: namesakes to keep out; mentions settled by context (a shared surname, or one the thesis itself identifies). */
    mentions: z
      .object({
        excludeAfter: z.array(z.object({ surname: z.string(), pattern: z.string(), reason }).strict()),
        exclude: z.array(z.object({ surname: z.string(), section: z.string(), contains: z.string(), reason }).strict()),
        assign: z.array(z.object({ surname: z.string(), contains: z.string(), person: z.string(), reason }).strict()),
        // A surname the chapters give without initials, taken as this person wherever it stands: the record of why.
        identify: z.array(z.object({ surname: z.string(), person: z.string(), reason }).strict()),
      })
      .strict(),
  })
  .strict();

export type Reconciliations = z.infer<typeof reconciliationsSchema>;

/** Validate a reconciliations file; an error names the field at fault. */
export function parseReconciliations(json: unknown): Reconciliations {
  const parsed = reconciliationsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`content/people/reconciliations.json is malformed: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export const RECONCILIATIONS: Reconciliations = parseReconciliations(data);
