/**
 * The places of the text: the factories, institutions, streets and towns the thesis names, with
 * their positions, how those positions are known, and the spellings the thesis uses for them.
 */
import { z } from 'astro/zod';
import { csvRecords } from './csv.ts';
import { describeIssues } from '../pipeline/errors.ts';

export const placeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u),
    name: z.string().min(1),
    kind: z.enum(['factory', 'institution', 'landmark', 'street', 'station', 'town']),
    /** Which map shows it: the city maps (1925 and 1930) or the oblast' map. */
    map: z.enum(['city', 'oblast']),
    lat: z.number().min(52).max(59),
    lon: z.number().min(33).max(42),
    /** 'sourced': a published coordinate; 'approximate': placed by the editor (see source). */
    position: z.enum(['sourced', 'approximate']),
    accuracyM: z.number().positive(),
    /** The row of places_compiled.csv the position was taken from, where there is one (provenance for the data download). */
    compiledRow: z.string().regex(/^[a-z_]+$/u).optional(),
    /** How the position is known, written for readers: shown beside the place on its map page. */
    source: z.string().min(10),
    /** Exact spellings used in the thesis (the first is the usual one), matched as whole words. */
    variants: z.array(z.string().min(2)).min(1),
    /** Passages where a variant names something other than the place ("beyond the Kremlin": the leadership), each with the editor's reason; a match inside `phrase` is no mention. */
    notMeant: z.array(z.object({ phrase: z.string().min(3), reason: z.string().min(10) }).strict()).optional(),
    /** Raion ids (city-raions.json) in which the point falls on the schematic maps; null outside the city. */
    raion1925: z.string().nullable(),
    raion1930: z.string().nullable(),
    /** Where the thesis itself names the raion (which may differ from the reconstruction). */
    thesisSays: z.object({ raion: z.string(), section: z.string(), block: z.string(), note: z.string() }).optional(),
    description: z.string().min(1),
  })
  .refine((p) => p.map === 'oblast' || p.id === 'kremlin' || (p.raion1925 !== null && p.raion1930 !== null), {
    message: 'every city place except the Kremlin (where the raions meet) has a raion in 1925 and in 1930',
  });

export const placesFileSchema = z.object({ note: z.string(), places: z.array(placeSchema).min(25) });
export type Place = z.infer<typeof placeSchema>;

/** Validate the places file; ids and variants must be unique across places. */
export function parsePlaces(json: unknown): Place[] {
  const parsed = placesFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`content/geodata/places.json is malformed: ${describeIssues(parsed.error.issues)}`);
  const { places } = parsed.data;
  const ids = new Set<string>();
  const variants = new Map<string, string>();
  for (const p of places) {
    if (ids.has(p.id)) throw new Error(`content/geodata/places.json: duplicate id ${p.id}`);
    ids.add(p.id);
    for (const v of p.variants) {
      const other = variants.get(v);
      if (other) throw new Error(`content/geodata/places.json: variant '${v}' belongs to both ${other} and ${p.id}`);
      variants.set(v, p.id);
    }
  }
  return places;
}

/** The map page on which a place's marker is drawn. */
export function placeHref(p: Pick<Place, 'id' | 'map'>): string {
  return `${p.map === 'city' ? '/maps/1925/' : '/maps/oblast-1930/'}#place-${p.id}`;
}

const compiledStatus = { estimate: 'approximate', sourced: 'sourced' } as const;

/**
 * Problems between the places and the compiled list their positions came from: a cited row that
 * does not exist, or a point that drifted from its row. A place may leave its row's point only when
 * the editor re-placed it (its position is then 'approximate' and its source says why), as AMO is
 * moved from the later ZiL site to the part the 1920s works occupied.
 */
export function compiledRowProblems(places: readonly Place[], compiledCsv: string): string[] {
  const rows = new Map(csvRecords(compiledCsv).map((r) => [r['id'] ?? '', r]));
  const problems: string[] = [];
  for (const p of places) {
    if (p.compiledRow === undefined) continue;
    const row = rows.get(p.compiledRow);
    if (!row) {
      problems.push(`places.json: ${p.id} cites places_compiled.csv row '${p.compiledRow}', which does not exist`);
      continue;
    }
    const samePoint = Math.abs(Number(row['lat']) - p.lat) < 1e-4 && Math.abs(Number(row['lon']) - p.lon) < 1e-4;
    const keepsStatus = compiledStatus[row['status'] as keyof typeof compiledStatus] === p.position;
    if (!samePoint && (keepsStatus || p.position !== 'approximate')) {
      problems.push(`places.json: ${p.id} is at ${p.lat}, ${p.lon} but its row '${p.compiledRow}' is at ${row['lat']}, ${row['lon']} (a re-placed point must be 'approximate')`);
    }
  }
  return problems;
}
