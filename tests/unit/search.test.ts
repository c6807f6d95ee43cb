import { describe, expect, it } from 'vitest';
import { apostropheFreeVariants, archivalTokens, nameVariants, normaliseQuery } from '../../src/search/tokens.ts';
import { noteRecords, pageKind, sectionFilter } from '../../src/search/records.ts';
import { pageForIndex } from '../../src/search/page-html.ts';
import { withHighlight } from '../../src/search/ui.ts';
import { realEdition } from './pipeline/helpers.ts';

describe('search tokens', () => {
  it('rewrites archival references as people type them', () => {
    expect(normaliseQuery('7952/3/82')).toBe('f7952o3d82');
    expect(normaliseQuery('7952/3/82, 152')).toBe('f7952o3d82l152');
    expect(normaliseQuery('7952/ 3/ 96, 83')).toBe('f7952o3d96l83');
    expect(normaliseQuery('TsGAOR 7952')).toBe('tsgaor7952');
    expect(normaliseQuery('T 2850')).toBe('trotsky2850');
    expect(normaliseQuery('Trotsky Archive 2850')).toBe('trotsky2850');
    expect(normaliseQuery('Trotsky Archive, (T), 2852')).toBe('trotsky2852');
    expect(normaliseQuery("Sokol'niki raikom")).toBe('Sokolniki raikom');
  });

  it('gives each reference one token per level', () => {
    expect(archivalTokens({ archive: 'TsGAOR', fond: '7952', opis: '3', delo: '82', folios: '152-168' })).toEqual(['f7952', 'tsgaor7952', 'f7952o3', 'f7952o3d82', 'f7952o3d82l152']);
    expect(archivalTokens({ archive: 'T', fond: null, opis: null, delo: '2850', folios: null })).toEqual(['trotsky2850']);
  });

  it('indexes apostrophe-free forms and name variants', () => {
    expect(apostropheFreeVariants("the Sokol'niki raion of the oblast' and Kul'tprop")).toEqual(['Sokolniki', 'oblast', 'Kultprop']);
    expect(nameVariants('Riutin was removed')).toEqual(['Riutin', 'Ryutin']);
  });

  it('puts the terms to highlight before the fragment', () => {
    expect(withHighlight('/chapter-2/#ch2.3-n15', 'Uglanov f7952o3d82')).toBe('/chapter-2/?highlight=Uglanov#ch2.3-n15');
  });
});

describe('search records from the real thesis', () => {
  const edition = realEdition();
  const records = noteRecords(edition);

  it('makes one record per note, titled with its place and linking to it', () => {
    expect(records).toHaveLength(edition.stats.notes);
    const n15 = records.find((r) => r.url === '/chapter-2/#ch2.3-n15');
    expect(n15?.meta?.['title']).toBe('Chapter 2, part 3, note 15');
    expect(n15?.filters).toEqual({ section: ['Chapter 2'], kind: ['note'] });
  });

  it('tags exactly the notes that cite TsGAOR 7952/3/253 with its file token', () => {
    const tagged = records.filter((r) => r.content.split(/\s+/u).includes('f7952o3d253')).map((r) => r.meta?.['noteId']);
    // Computed from the text: notes whose text cites 7952/3/253 (spaces after the slashes tolerated).
    const citing = records.filter((r) => /7952\/\s*3\/\s*253\b/u.test(r.content)).map((r) => r.meta?.['noteId']);
    expect(citing.length).toBeGreaterThan(0);
    for (const id of citing) expect(tagged).toContain(id);
  });

  it('excludes notes from page records and adds filters', () => {
    const html = '<html><body><main><article data-pagefind-body><p>Sokol\'niki</p><section class="notes"><ol></ol></section></article></main></body></html>';
    const out = pageForIndex(html, { id: 'chapter-1', kind: 'chapter', label: 'Chapter 1' });
    expect(out).toContain('<section data-pagefind-ignore="all" class="notes"');
    expect(out).toContain('<span data-pagefind-filter="section">Chapter 1</span><span data-pagefind-filter="kind">text</span>');
    expect(out).toContain('Sokolniki');
    expect(sectionFilter({ kind: 'back', label: 'Tables' })).toBe('Back matter');
    expect(pageKind('glossary')).toBe('glossary');
  });
});
