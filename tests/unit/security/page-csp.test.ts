import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CspError, inlineBodies, narrowPageCsp } from '../../../src/security/page-csp.ts';

const sha = (body: string): string => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const copyScript = 'for(let e of document.querySelectorAll(`.cite-text`)){e.after(document.createElement(`button`))}';
const otherScript = 'document.body.dataset.search=`1`';
const mapStyle = '.map-page[data-astro-cid-qxvehde4]{max-width:72rem}';
const islandStyle = 'astro-island,astro-slot{display:contents}';

/** The head Astro writes: every hash of the build on every page. */
function page(body: string): string {
  const policy = `default-src 'self';img-src 'self' data:;object-src 'none';base-uri 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha(copyScript)} ${sha(otherScript)}; style-src 'self' ${sha(mapStyle)} ${sha(islandStyle)};`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"><link rel="stylesheet" href="/_astro/Base.css"></head><body>${body}</body></html>`;
}
const policyOf = (html: string): string => /content="(default-src[^"]*)"/u.exec(html)?.[1] ?? '';

describe('per-page Content-Security-Policy', () => {
  it("keeps the hashes of the page's own inline script and drops the rest", () => {
    const html = page(`<main><p>text</p><script type="module">${copyScript}</script><script type="module" src="/_astro/x.js"></script></main>`);
    const out = narrowPageCsp(html, 'conclusion/index.html');
    expect(policyOf(out.html)).toBe(`default-src 'self';img-src 'self' data:;object-src 'none';base-uri 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha(copyScript)}; style-src 'self';`);
    expect(out).toMatchObject({ kept: 1, dropped: 3 });
    expect(out.html.replace(policyOf(out.html), '')).toBe(html.replace(policyOf(html), ''));
  });

  it('keeps a style hash where the page inlines that style', () => {
    const out = narrowPageCsp(page(`<style>${mapStyle}</style><main></main>`), 'maps/1925/index.html');
    expect(policyOf(out.html)).toContain(`style-src 'self' ${sha(mapStyle)};`);
    expect(policyOf(out.html)).not.toContain(sha(islandStyle));
    expect(policyOf(out.html)).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('fails, naming the page, when an inline script is one the policy would block', () => {
    expect(() => narrowPageCsp(page('<script>alert(1)</script>'), 'chapter-5/index.html')).toThrow(CspError);
    expect(() => narrowPageCsp(page('<script>alert(1)</script>'), 'chapter-5/index.html')).toThrow(/chapter-5\/index.html: an inline script .* not allowed by the page's script-src/u);
  });

  it('does not hash data blocks, which are never executed', () => {
    expect(inlineBodies('<script type="application/ld+json">{"a":1}</script><script>x()</script>').script).toEqual(['x()']);
  });

  it('leaves a page without a policy unchanged', () => {
    const html = '<html><head></head><body><script>x()</script></body></html>';
    expect(narrowPageCsp(html, 'x.html')).toEqual({ html, kept: 0, dropped: 0 });
  });
});
