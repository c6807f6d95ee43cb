import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from '../html-files.ts';
import { narrowPageCsp } from './page-csp.ts';

/** After Astro has written the site, each page's CSP keeps only the hashes of its own inline code (page-csp.ts). */
export function perPageCsp(): AstroIntegration {
  return {
    name: 'edition-per-page-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        let kept = 0;
        let dropped = 0;
        const files = htmlFiles(dist).sort();
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          const narrowed = narrowPageCsp(html, relative(dist, file));
          if (narrowed.html !== html) writeFileSync(file, narrowed.html);
          kept += narrowed.kept;
          dropped += narrowed.dropped;
        }
        logger.info(`CSP narrowed on ${files.length} pages: ${kept} hashes kept (their own inline code), ${dropped} of other pages' removed`);
      },
    },
  };
}
