/**
 * The places of the text: the factories, institutions, streets and towns the thesis names, with
 * their positions, how those positions are known, and the spellings the thesis uses for them.
 */
import { z } from 'astro/zod';

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
    source: z.string().min(10),
    /** Exact spellings used in the thesis (the first is the usual one), matched as whole words. */
    variants: z.array(z.string().min(2)).min(1),
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
  const { places } = placesFileSchema.parse(json);
  const ids = new Set<string>();
  const variants = new Map<string, string>();
  for (const p of places) {
    if (ids.has(p.id)) throw new Error(`places.json: duplicate id ${p.id}`);
    ids.add(p.id);
    for (const v of p.variants) {
      const other = variants.get(v);
      if (other) throw new Error(`places.json: variant '${v}' belongs to both ${other} and ${p.id}`);
      variants.set(v, p.id);
    }
  }
  return places;
}

/** The map page on which a place's marker is drawn. */
export function placeHref(p: Pick<Place, 'id' | 'map'>): string {
  return `${p.map === 'city' ? '/maps/1925/' : '/maps/oblast-1930/'}#place-${p.id}`;
}
