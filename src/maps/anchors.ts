/**
 * Anchor points for the schematic city lines (rings, Kremlin, rivers, the Okruzhnaya railway),
 * read from content/geodata/schematic_anchors*.csv and grouped into ordered polylines.
 */
import { z } from 'astro/zod';
import { csvRecords } from './csv.ts';
import type { LatLng } from './geo.ts';

export const anchorSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/u),
  feature: z.string().min(1),
  order: z.coerce.number().int().positive(),
  name: z.string().min(1),
  lat: z.coerce.number().min(55.5).max(56),
  lon: z.coerce.number().min(37.3).max(37.9),
  status: z.enum(['estimate', 'unverified', 'sourced']),
  accuracy_m: z.coerce.number().positive(),
  source: z.string().min(1),
});
export type Anchor = z.infer<typeof anchorSchema>;

/** Parse and validate one or more anchor CSV texts; ids must be unique across all of them. */
export function parseAnchors(...csvTexts: string[]): Anchor[] {
  const anchors = csvTexts.flatMap((t) => csvRecords(t).map((r) => anchorSchema.parse(r)));
  const ids = new Set<string>();
  for (const a of anchors) {
    if (ids.has(a.id)) throw new Error(`duplicate anchor id ${a.id}`);
    ids.add(a.id);
  }
  return anchors;
}

/** The anchors of one feature ('sadovoe_ring', 'yauza', 'moskva'…), in their drawing order. */
export function featureLine(anchors: readonly Anchor[], feature: string): LatLng[] {
  return anchors
    .filter((a) => a.feature === feature)
    .sort((a, b) => a.order - b.order)
    .map((a) => [a.lat, a.lon] as const);
}

export function anchorById(anchors: readonly Anchor[]): Map<string, Anchor> {
  return new Map(anchors.map((a) => [a.id, a]));
}
