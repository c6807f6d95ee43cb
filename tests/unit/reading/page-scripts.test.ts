import { describe, expect, it } from 'vitest';
import { isLeaflet, pageScripts } from '../../../src/reading/page-scripts.ts';

describe('the JavaScript a page transfers before any interaction', () => {
  const files: Record<string, string> = {
    'theme-before-paint.js': 'document.documentElement.dataset.js=""',
    '_astro/Table.js': 'import{s as a}from"./d3-selection.js";import"./shared.js";const p=()=>import("./later.js");',
    '_astro/d3-selection.js': 'export const s=1;',
    '_astro/shared.js': 'import{s}from"./d3-selection.js";',
    '_astro/later.js': 'export const x=1;',
  };
  const read = (p: string): string | null => files[p] ?? null;

  it('follows the scripts a page carries through their static imports, once each, not their import()s', () => {
    const html = '<script src="/theme-before-paint.js"></script><script type="module" src="/_astro/Table.js"></script><script type="module" src="/_astro/missing.js"></script>';
    expect(pageScripts(html, read).sort()).toEqual(['_astro/Table.js', '_astro/d3-selection.js', '_astro/shared.js', 'theme-before-paint.js']);
    expect(pageScripts('<p>no scripts</p>', read)).toEqual([]);
  });

  it("knows Leaflet's bundle by its name and version", () => {
    expect(isLeaflet('var version="1.9.4";/* Leaflet */ L.Map=')).toBe(true);
    expect(isLeaflet('import{select}from"./d3-selection.js"')).toBe(false);
  });
});
