// @ts-check
import { defineConfig } from 'astro/config';

// Deliberate choices for a scholarly edition (see README "Rendering decisions"):
// - compressHTML: true — Astro 7's default 'jsx' mode drops spaces between inline
//   elements ("<em>a</em> <span>b</span>" → "ab"); `true` is lossless HTML-aware compression.
// - smartypants: false — the edition renders the thesis's own quotes and dashes, never rewritten.
//   Chapter prose is rendered from the typed model (not Markdown), so this guards any Markdown page.
export default defineConfig({
  site: 'https://merridale-moscow.example.org',
  trailingSlash: 'always',
  compressHTML: true,
  markdown: { smartypants: false },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
