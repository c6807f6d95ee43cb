import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadEdition } from '../data/edition-data.ts';
import { noteRecords, textRecords } from './records.ts';

/**
 * Builds the Pagefind index after Astro has written the site (the astro:build:done hook, as
 * Starlight does), from the typed model rather than the pages: one record per paragraph or table
 * and one per footnote, each linking to its anchor. Writing whole chapters as page records made a
 * first query fetch 300-450 KB of fragments; paragraph records keep it small. Writes dist/pagefind/.
 */
export function editionSearch(): AstroIntegration {
  return {
    name: 'edition-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const edition = loadEdition();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', rootSelector: 'html' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const text = textRecords(edition);
        const notes = noteRecords(edition);
        for (const record of [...text, ...notes]) {
          const res = await index.addCustomRecord(record);
          if (res.errors.length) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${text.length} paragraphs and tables, and ${notes.length} notes`);
      },
    },
  };
}
