import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/pipeline/block-text.ts';
import { renderBlock } from '../../../src/render/blocks-html.ts';
import { MARKUP_ALLOWANCE, STYLESHEET_BUDGET, floorRatio, linkedStylesheets, overBudget, pageWeight, ratio, transferred } from '../../../src/reading/page-weight.ts';
import { realEdition } from '../pipeline/helpers.ts';

const conclusion = realEdition().sections.find((s) => s.id === 'conclusion')!;
const ownText = conclusion.blocks.map(blockText).join('\n');
const body = conclusion.blocks.map((b) => renderBlock(b)).join('\n');
const page = (main: string): string => `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_astro/Base.x.css"></head><body><main>${main}</main></body></html>`;
const css = 'body{font:1rem/1.5 serif;max-width:40rem;margin:auto}.fn{font-size:.75em}'.repeat(4);

describe('the weight of a chapter page against its own text', () => {
  it('counts the HTML and each linked stylesheet, gzipped, against the gzip of the text', () => {
    const w = pageWeight(page(body), [css], ownText);
    expect(w.css).toBeGreaterThan(0);
    expect(w.css).toBeLessThan(css.length);
    expect(transferred(w)).toBe(w.html + w.css);
    expect(w.text).toBeLessThan(ownText.length / 2);
    expect(ratio(w)).toBeCloseTo(transferred(w) / w.text, 10);
    expect(w.links).toBe((body.match(/<a\b/gu) ?? []).length);
    expect(w.scripts).toBe(0);
  });

  it('puts the floor between the text alone and the page as sent: the words stay, the tags go', () => {
    const w = pageWeight(page(body), [css], ownText);
    expect(floorRatio(w)).toBeGreaterThan(1);
    expect(w.floor).toBeLessThan(transferred(w));
    const bare = pageWeight(ownText, [], ownText);
    expect(bare.floor).toBe(bare.html);
  });

  it('passes the Conclusion as rendered, and fails it when every word is a link with a title', () => {
    expect(overBudget('conclusion', pageWeight(page(body), [css], ownText))).toBeNull();
    let n = 0;
    const linked = body.replace(/(?<=>|\s)([A-Za-z]{4,})(?=[\s.,;])/gu, (w) => `<a href="/glossary/#term-${(n++).toString(36)}" title="Glossary: ${w}">${w}</a>`);
    const heavy = pageWeight(page(linked), [css], ownText);
    expect(ratio(heavy) - floorRatio(heavy)).toBeGreaterThan(MARKUP_ALLOWANCE);
    expect(overBudget('conclusion', heavy)).toMatch(/^conclusion: weighs \d\.\d\d × its own text \(gzip\), \d\.\d\d above its no-markup floor of \d\.\d\d; the budget allows 0\.55/u);
  });

  it('budgets the stylesheets on their own (they count in the page and its floor alike), and counts inline styles as markup', () => {
    const heavyCss = Array.from({ length: 3000 }, (_, i) => `.c${i.toString(36)}{margin:${i % 97}px ${(i * 7) % 89}px}`).join('');
    const heavy = pageWeight(page(body), [heavyCss], ownText);
    expect(ratio(heavy) - floorRatio(heavy)).toBeLessThanOrEqual(MARKUP_ALLOWANCE);
    expect(heavy.css).toBeGreaterThan(STYLESHEET_BUDGET);
    expect(overBudget('conclusion', heavy)).toMatch(/^conclusion: its stylesheets weigh \d+\.\d KB \(gzip\); the budget allows 4 KB/u);
    const inline = page(`<style>${heavyCss}</style>${body}`);
    expect(pageWeight(inline, [css], ownText).floor).toBe(pageWeight(page(body), [css], ownText).floor);
  });

  it('finds the stylesheets a page links, and nothing else', () => {
    const html = '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/Base.CR9B3BM7.css"><link rel="stylesheet" href="/_astro/MapPage.B.css">';
    expect(linkedStylesheets(html)).toEqual(['_astro/Base.CR9B3BM7.css', '_astro/MapPage.B.css']);
  });
});
