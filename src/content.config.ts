import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { sectionSchema } from './schemas/section.ts';

/** One entry per section of the thesis, written by scripts/build-content.ts from the typed model. */
const sections = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/generated/sections' }),
  schema: sectionSchema,
});

export const collections = { sections };
