/**
 * Build-time loader for everything in content/geodata/: validates each file with its schema and
 * derives the schematic polygons. Read once per build (the files are small).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { anchorById, featureLine, parseAnchors, type Anchor } from './anchors.ts';
import { buildRaions, citySchematicSchema, type CitySchematic, type Raion } from './city.ts';
import { buildOkrugs, okrugsFileSchema, type Okrug } from './okrugs.ts';
import { compiledRowProblems, parsePlaces, type Place } from './places.ts';
import type { LatLng } from './geo.ts';

const latLng = z.tuple([z.number(), z.number()]);
const outlineSchema = z.object({ note: z.string(), ring: z.array(latLng).min(3) });
const regionsSchema = z.object({ note: z.string(), regions: z.array(z.object({ name: z.string(), nameRu: z.string(), rings: z.array(z.array(latLng)) })) });
const riversSchema = z.object({ note: z.string(), rivers: z.array(z.object({ name: z.string(), line: z.array(latLng).min(2) })) });

export interface Geodata {
  places: Place[];
  anchors: Anchor[];
  schematic: CitySchematic;
  /** The city limit used on the city maps (the Okruzhnaya railway), clockwise. */
  cityLimit: LatLng[];
  raions1925: Raion[];
  raions1930: Raion[];
  lines: { sadovoe: LatLng[]; boulevard: LatLng[]; kremlin: LatLng[]; yauza: LatLng[]; moskva: LatLng[] };
  okrugs: Okrug[];
  okrugsNote: string;
  oblastOutline: LatLng[];
  oblastOutlineNote: string;
  modernRegions: z.infer<typeof regionsSchema>;
  rivers: z.infer<typeof riversSchema>;
}

let cached: Geodata | null = null;

export function loadGeodata(root = process.cwd()): Geodata {
  if (cached) return cached;
  const dir = join(root, 'content/geodata');
  const text = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const json = (f: string): unknown => JSON.parse(text(f));
  const anchors = parseAnchors(text('schematic_anchors.csv'), text('schematic_anchors_moskva.csv'));
  const schematic = citySchematicSchema.parse(json('city-raions.json'));
  const cityLimit = featureLine(anchors, schematic.limit.feature);
  const byId = anchorById(anchors);
  const outline = outlineSchema.parse(json('oblast-1930-outline.json'));
  const okrugFile = okrugsFileSchema.parse(json('okrugs-1930.json'));
  const places = parsePlaces(json('places.json'));
  const drift = compiledRowProblems(places, text('places_compiled.csv'));
  if (drift.length > 0) throw new Error(drift.join('\n'));
  const oblastOutline = outline.ring.map(([a, b]) => [a, b] as const);
  cached = {
    places,
    anchors,
    schematic,
    cityLimit,
    raions1925: buildRaions(schematic, 1925, byId, cityLimit),
    raions1930: buildRaions(schematic, 1930, byId, cityLimit),
    lines: {
      sadovoe: featureLine(anchors, 'sadovoe_ring'),
      boulevard: featureLine(anchors, 'boulevard_ring'),
      kremlin: featureLine(anchors, 'kremlin_outline'),
      yauza: featureLine(anchors, 'yauza'),
      moskva: featureLine(anchors, 'moskva'),
    },
    okrugs: buildOkrugs(okrugFile.okrugs, oblastOutline),
    okrugsNote: okrugFile.note,
    oblastOutline,
    oblastOutlineNote: outline.note,
    modernRegions: regionsSchema.parse(json('modern-regions-central-russia.json')),
    rivers: riversSchema.parse(json('rivers-oblast.json')),
  };
  return cached;
}
