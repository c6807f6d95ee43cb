import { describe, expect, it } from 'vitest';
import { apostropheFreeVariants, archivalTokens, nameVariants, normaliseQuery } from '../../src/search/tokens.ts';
import { noteRecords, pageKind, sectionFilter, textRecords } from '../../src/search/records.ts';
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

  it('makes paragraph, table, glossary and bibliography records that land on their anchors', () => {
    const text = textRecords(edition);
    const para = text.find((r) => r.url === '/chapter-2/#para-1');
    expect(para?.meta?.['title']).toBe('Chapter 2');
    expect(para?.filters).toEqual({ section: ['Chapter 2'], kind: ['text'] });
    const opposition = text.find((r) => r.meta?.['title'] === "Chapter 2 › The 'New Opposition' of 1925.");
    expect(opposition?.url).toMatch(/^\/chapter-2\/#para-\d+$/u);
    expect(text.some((r) => r.url.startsWith('/glossary/#tbl-') && r.filters?.['kind']?.[0] === 'glossary' && r.content.includes('raikom'))).toBe(true);
    expect(text.some((r) => r.url.startsWith('/bibliography/#para-') && r.filters?.['kind']?.[0] === 'bibliography')).toBe(true);
    expect(text.some((r) => r.url.startsWith('/tables/#tbl-') && r.filters?.['kind']?.[0] === 'table')).toBe(true);
    expect(text.some((r) => r.url.startsWith('/appendices/#') && r.filters?.['kind']?.[0] === 'appendix' && r.content.includes('Uglanov'))).toBe(true);
    // Apostrophe-free variants are indexed with the record.
    expect(text.some((r) => r.content.includes("Sokol'niki") && r.content.includes('Sokolniki'))).toBe(true);
    expect(sectionFilter({ kind: 'back', label: 'Tables' })).toBe('Back matter');
    expect(pageKind('glossary')).toBe('glossary');
  });
});
