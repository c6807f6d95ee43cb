// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { editionSearch } from './src/search/integration.ts';
import { perPageCsp } from './src/security/integration.ts';

// Deliberate choices for a scholarly edition (see README "Rendering decisions"):
// - compressHTML: true — Astro 7's default 'jsx' mode drops spaces between inline
//   elements ("<em>a</em> <span>b</span>" → "ab"); `true` is lossless HTML-aware compression.
// - Markdown: Sätteri (Astro 7's default processor) with smart punctuation off — the edition renders
//   the thesis's own quotes and dashes, never rewritten. Chapter prose is rendered from the typed
//   model (not Markdown, so no GFM footnote renumbering either); this guards any Markdown page.
//   No syntax highlighting: there is no code in the thesis, and Shiki's inline styles would need
//   CSP exceptions.
// The address the edition is published at, for its citations, BibTeX/RIS and canonical URLs: set
// EDITION_SITE when deploying (the default is a placeholder, reserved by RFC 2606, never a real host).
const site = process.env['EDITION_SITE'] ?? 'https://merridale-moscow.example.org';
if (!URL.canParse(site) || !/^https?:$/u.test(new URL(site).protocol)) {
  throw new Error(`EDITION_SITE must be the edition's absolute address, as https://your.host or https://your.host/edition/ (got "${site}")`);
}

export default defineConfig({
  site,
  trailingSlash: 'always',
  compressHTML: true,
  markdown: { processor: satteri({ features: { smartPunctuation: false } }), syntaxHighlight: false },
  // Stylesheets stay linked (Astro's 'auto' inlines only tiny ones). Inlining them all was measured
  // (Lighthouse mobile, 3 runs each): first paint earlier, but the browser then lays the page out
  // while it is still parsing, and Chapter 2 fell from 94-97 to 89-92, /maps/1930/ from 98-100 to 93-95.
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [editionSearch(), perPageCsp()],
  // Content-Security-Policy as a <meta> on every page: Astro adds the hashes of the scripts and
  // styles it emits (all of the build's, on every page; perPageCsp() then keeps each page's own);
  // nothing else runs, and nothing is fetched from another host.
  // 'wasm-unsafe-eval' lets Pagefind instantiate its WebAssembly search engine (no JS eval).
  // Scripts are never inlined (Astro inlines a small import-free one by default): the cite block's
  // copy button was ~0.3 KB gzip of every section page, and a cached file keeps it out of the
  // page's weight and its CSP. Stylesheets keep Vite's default size rule (undefined → 4 KB).
  vite: { build: { assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined) } },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
