import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadEdition } from '../data/edition-data.ts';
import { editionWords, noteRecords, peopleRecords, searchOutline, textRecords } from './records.ts';
import { editionVocabulary } from './suggest.ts';

/** Written beside the index; the search page fetches it with the engine (titles for results). */
export const OUTLINE_FILE = 'edition-outline.json';
/** The edition's words, for "did you mean" (suggest.ts): fetched only when a searched word is not found. */
export const WORDS_FILE = 'edition-words.json';

/**
 * Builds the Pagefind index after Astro has written the site (astro:build:done), from the typed
 * model rather than the pages: one custom record per paragraph, table or glossary row, and one per
 * footnote, each linking to its anchor (records.ts), and the outline the page titles results
 * with. Whole chapters as page records made a first
 * query fetch 300-450 KB of fragments, and counted each note twice (in the page and on its own).
 * Writes dist/pagefind/.
 */
export function editionSearch(): AstroIntegration {
  return {
    name: 'edition-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const edition = loadEdition();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        try {
          const text = textRecords(edition);
          const notes = noteRecords(edition);
          const people = peopleRecords(edition);
          for (const record of [...text, ...notes, ...people]) {
            const res = await index.addCustomRecord(record);
            if (res.errors.length) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
          }
          const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
          if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
          writeFileSync(join(dist, 'pagefind', OUTLINE_FILE), JSON.stringify(searchOutline(edition)));
          writeFileSync(join(dist, 'pagefind', WORDS_FILE), JSON.stringify(editionVocabulary(editionWords(edition))));
          logger.info(`indexed ${text.length} paragraphs, tables and glossary rows, ${notes.length} notes and ${people.length} people`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
