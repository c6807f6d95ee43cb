import { describe, expect, it } from 'vitest';
import { archivalFilterValues, extractReferences, folioNumbers } from '../../../src/search/archival.ts';

const keys = (q: string): string[] => extractReferences(q).refs.map((r) => r.key);

describe('archival references as filter values', () => {
  it('expands folio ranges the way the thesis abbreviates them', () => {
    expect(folioNumbers('130-3')).toEqual([130, 131, 132, 133]);
    expect(folioNumbers('71-5')).toEqual([71, 72, 73, 74, 75]);
    expect(folioNumbers('152-168')).toHaveLength(17);
    expect(folioNumbers('1 and 13')).toEqual([1, 13]);
    expect(folioNumbers('96-99')).toEqual([96, 97, 98, 99]);
    expect(folioNumbers('passim')).toEqual([]);
    expect(folioNumbers('loc. cit.')).toEqual([]);
    expect(folioNumbers(null)).toEqual([]);
    // A range that cannot be one (end before start, or hundreds of folios) keeps only its start.
    expect(folioNumbers('30-1000')).toEqual([30]);
  });

  it('gives each reference one value per level', () => {
    expect(archivalFilterValues({ archive: 'TsGAOR', fond: '7952', opis: '3', delo: '82', folios: '152-154' })).toEqual([
      'TsGAOR 7952',
      'fond 7952',
      '7952/3',
      '7952/3/82',
      '7952/3/82, 152',
      '7952/3/82, 153',
      '7952/3/82, 154',
    ]);
    expect(archivalFilterValues({ archive: 'T', fond: null, opis: null, delo: '2850', folios: null })).toEqual(['T 2850']);
    expect(archivalFilterValues({ archive: 'TsGAOR', fond: null, opis: null, delo: null, folios: null })).toEqual([]);
  });
});

describe('references in a query', () => {
  it('reads them as people type them', () => {
    expect(keys('7952/3/82')).toEqual(['7952/3/82']);
    expect(keys('7952/3/82, 152')).toEqual(['7952/3/82, 152']);
    expect(keys('7952/3/82,152')).toEqual(['7952/3/82, 152']);
    expect(keys('7952/3/82, 152-168')).toEqual(['7952/3/82, 152']);
    expect(keys('7952/3/82, l. 153')).toEqual(['7952/3/82, 153']);
    expect(keys('7952/ 3/ 96, 83')).toEqual(['7952/3/96, 83']);
    expect(keys('TsGAOR 7952/3/253')).toEqual(['7952/3/253']);
    expect(keys('TsGAOR, 7952/3/253, 14')).toEqual(['7952/3/253, 14']);
    expect(keys('TsGAOR 7952')).toEqual(['TsGAOR 7952']);
    expect(keys('tsgaor 7952')).toEqual(['TsGAOR 7952']);
    expect(keys('TsGAGM, fond 1')).toEqual(['TsGAGM 1']);
    expect(keys('fond 7952')).toEqual(['fond 7952']);
    expect(keys('fond no. 7952 opis no. 3 delo no. 488, listok no. 13')).toEqual(['7952/3/488, 13']);
    expect(keys('7952/3')).toEqual(['7952/3']);
    expect(keys('T 2850')).toEqual(['T 2850']);
    expect(keys('t 2850')).toEqual(['T 2850']);
    expect(keys('Trotsky Archive 2850')).toEqual(['T 2850']);
    expect(keys('Trotsky Archive, (T), 2852')).toEqual(['T 2852']);
    expect(keys('(T) 2852')).toEqual(['T 2852']);
    // The Russian short form, as archivists write it.
    expect(keys('f. 7952, op. 3, d. 253')).toEqual(['7952/3/253']);
    expect(keys('f.7952 op.3 d.253')).toEqual(['7952/3/253']);
    expect(keys('TsGAOR f. 7952, op. 3, d. 253, l. 14')).toEqual(['7952/3/253, 14']);
    expect(keys('f. 7952, op. 3, d. 82, ll. 152-168')).toEqual(['7952/3/82, 152']);
  });

  it('leaves the other words for the text search', () => {
    expect(extractReferences('Martenovka 7952/3/253 criticism')).toEqual({ refs: [{ key: '7952/3/253', highlight: ['7952/3/253'] }], rest: 'Martenovka criticism' });
    expect(extractReferences('Uglanov 1928')).toEqual({ refs: [], rest: 'Uglanov 1928' });
    // Dates and a lone number are words, not references.
    expect(keys('21/9/1928')).toEqual([]);
    expect(keys('7952')).toEqual([]);
    expect(keys('1925/26')).toEqual([]);
    expect(keys('Trotsky')).toEqual([]);
    expect(keys('Treaty 1918')).toEqual([]);
  });

  it('says what to highlight on the page a result opens', () => {
    expect(extractReferences('7952/3/82, 152').refs[0]?.highlight).toEqual(['7952/3/82']);
    expect(extractReferences('T 2850').refs[0]?.highlight).toContain('T 2850');
  });
});
