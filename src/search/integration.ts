import type { AstroIntegration } from 'astro';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadEdition } from '../data/edition-data.ts';
import { noteRecords } from './records.ts';
import { pageForIndex } from './page-html.ts';

/**
 * Builds the Pagefind index after Astro has written the site (the astro:build:done hook, as
 * Starlight does): one page record per section of the thesis (notes left out), and one custom
 * record per footnote. Writes dist/pagefind/.
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
        let pages = 0;
        for (const section of edition.sections) {
          if (section.kind === 'front') continue;
          const file = join(dist, section.slug, 'index.html');
          if (!existsSync(file)) continue;
          const res = await index.addHTMLFile({ url: `/${section.slug}/`, content: pageForIndex(readFileSync(file, 'utf8'), section) });
          if (res.errors.length) throw new Error(`pagefind: ${section.slug}: ${res.errors.join('; ')}`);
          pages++;
        }
        const records = noteRecords(edition);
        for (const record of records) {
          const res = await index.addCustomRecord(record);
          if (res.errors.length) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${pages} pages and ${records.length} notes`);
      },
    },
  };
}
