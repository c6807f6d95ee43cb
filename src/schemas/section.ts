import { z } from 'astro/zod';
import type { Inline } from '../pipeline/model.ts';

/** Zod schemas mirroring src/pipeline/model.ts, so Astro validates the generated content it renders. */
export const inlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('text'), v: z.string() }),
    z.object({ t: z.literal('em'), c: z.array(inlineSchema) }),
    z.object({ t: z.literal('u'), c: z.array(inlineSchema) }),
    z.object({ t: z.literal('ref'), noteId: z.string().min(1), refId: z.string().min(1), n: z.number().int().positive(), line: z.number().int() }),
    z.object({ t: z.literal('emend'), id: z.string(), original: z.string(), corrected: z.string(), kind: z.enum(['emendation', 'editorial-note']), reason: z.string() }),
  ]),
) as z.ZodType<Inline>;

const inlines = z.array(inlineSchema);
const lines = z.array(z.number().int().positive());
const scope = z.string().nullable();

const paragraphSchema = z.object({
  kind: z.literal('paragraph'),
  id: z.string().min(1),
  content: inlines,
  lines,
  pages: z.array(z.number().int()),
  pageBreaksInside: z.array(z.object({ afterInline: z.number().int(), page: z.number().int(), approximate: z.boolean() })),
  style: z.enum(['prose', 'line', 'list-item']),
  scope,
  blockQuoteFrom: z.number().int().positive().optional(),
});

const tableSchema = z.object({
  kind: z.literal('table'),
  id: z.string(),
  caption: inlines.nullable(),
  captionLine: z.number().int().nullable(),
  headRows: z.array(z.array(inlines)),
  headSpans: z.array(z.array(z.number().int().nonnegative())).optional(),
  bodyRows: z.array(z.array(inlines)),
  rowHeaders: z.literal(false).optional(),
  pageBreaksInside: z.array(z.object({ beforeRow: z.number().int().nonnegative(), page: z.number().int(), approximate: z.boolean() })).optional(),
  lines,
  scope,
});

export const noteSchema = z.object({
  kind: z.literal('note'),
  id: z.string().regex(/^[a-z0-9.-]+-n\d+$/u),
  scope: z.string(),
  n: z.number().int().positive(),
  content: inlines,
  line: z.number().int().positive(),
  refIds: z.array(z.string()).min(1),
  page: z.number().int().nullable(),
  extra: z.array(z.discriminatedUnion('kind', [paragraphSchema, tableSchema])),
});

export const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(2), z.literal(3), z.literal(4)]), headingKind: z.enum(['part', 'lettered', 'subheading', 'fused']), id: z.string().min(1), content: inlines, lines, scope }),
  paragraphSchema,
  tableSchema,
  z.object({ kind: z.literal('pagebreak'), page: z.number().int().positive(), id: z.string(), approximate: z.boolean() }),
  z.object({ kind: z.literal('notes'), scope: z.string(), scopeLabel: z.string(), notes: z.array(noteSchema) }),
]);

export const sectionSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(['front', 'chapter', 'back']),
  label: z.string(),
  title: inlines,
  titleText: z.string(),
  titleLine: z.number().int(),
  titleFromSource: z.boolean(),
  contentsPage: z.number().int().nullable(),
  firstPage: z.number().int().nullable(),
  lastPage: z.number().int().nullable(),
  paginationNote: z.string(),
  blocks: z.array(blockSchema),
  lines: z.tuple([z.number().int(), z.number().int()]),
  order: z.number().int(),
});
