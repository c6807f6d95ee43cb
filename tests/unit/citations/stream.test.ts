import { describe, expect, it } from 'vitest';
import { citationStream, type Abbreviated } from '../../../src/citations/stream.ts';
import { realEdition } from './edition.ts';

const stream = citationStream(realEdition());
const at = (block: string, token?: string): Abbreviated[] => stream.abbreviated.filter((a) => a.context.block === block && (token === undefined || a.token === token));
const bibId = (a: Abbreviated | undefined): string | null => (a?.target?.kind === 'bib' ? a.target.entry.id : null);

describe('op. cit. resolves to the same author’s full citation, else the bibliography', () => {
  it('Chase, op. cit., p. 199 → Chase, Workers, Society and the Soviet State (cited in full in intro n. 16)', () => {
    const [a] = at('intro-n26');
    expect(a?.author).toBe('Chase');
    expect(bibId(a)).toBe('bib-chase-1987');
    expect(a?.reason).toMatch(/earlier in this scope \(intro-n16\)/u);
  });

  it('an author with one work in the bibliography and no earlier full citation in the scope', () => {
    const [a] = at('ch3-n56');
    expect(bibId(a)).toBe('bib-chase-1987');
    expect(a?.reason).toMatch(/only work in the bibliography/u);
  });

  it('an author with several works: the one cited in the scope (Carr in Chapter 2, part 2 → Foundations, vol. 2)', () => {
    expect(bibId(at('ch2.2-n15')[0])).toBe('bib-carr-1971');
  });

  it('a spelling variant of the name (Pospekhov / Pospokhov) finds the full reference', () => {
    expect(bibId(at('ch1-n82')[0])).toBe('bib-pospelkov-1976');
  });

  it('an author outside the bibliography resolves to the note holding the full reference (Vaganov)', () => {
    const [a] = at('ch2.2-n19');
    expect(a?.target?.kind).toBe('local');
    expect(a?.target?.kind === 'local' && a.target.context.block).toBe('ch2.2-n1');
    expect(a?.target?.label).toMatch(/Vaganov, Pravyi uklon/u);
  });

  it('falls back to a full reference in another scope (Viola, cited in full in Chapter 2, part 3)', () => {
    const [a] = at('ch3-n59', 'op. cit.');
    expect(a?.target?.kind === 'local' && a.target.context.block).toBe('ch2.3-n20');
  });

  it('the author named before the quotation, not a person quoted (Avtorkhanov, not Stalin)', () => {
    expect(bibId(at('ch2.2-n97')[0])).toBe('bib-avtorkhanov-1959');
    expect(bibId(at('ch3-n24')[0])).toBe('bib-rigby-1968');
  });

  it('an author whose full citation shortens the bibliography\'s title (Maslova, "Agitproprabota na predpriyatii")', () => {
    for (const n of ['ch5-n13', 'ch5-n18']) {
      const [a] = at(n);
      expect(a?.author).toBe('Maslova');
      expect(bibId(a)).toBe('bib-maslova-1927');
    }
  });

  it('op. cit. in a paragraph a note carries: "Percentages based on figures in E. Smitten, op. cit., p. 63"', () => {
    const [a] = at('ch5-n6-p6');
    expect(bibId(a)).toBe('bib-smitten-1927');
    expect(a?.context.noteId).toBe('ch5-n6');
  });
});

describe('Ibid. resolves to the previous citation', () => {
  it('a newspaper abbreviation (Iz TsK), through a chain of Ibid.', () => {
    for (const n of ['ch1-n91', 'ch1-n92', 'ch1-n93', 'ch1-n95']) {
      const [a] = at(n);
      expect(a?.target?.kind).toBe('periodical');
      expect(a?.target?.kind === 'periodical' && a.target.entry?.title).toBe("Izvestiya Tsentral'nogo Komiteta");
    }
  });

  it('an author cited by name and page only ("Daniels, p. 274")', () => {
    expect(bibId(at('ch2.1-n56')[0])).toBe('bib-daniels-1965');
  });

  it('an anonymous work cited by short title ("Moskovskie Bol\'sheviki, p. 181"), not a similar title with an author', () => {
    expect(bibId(at('ch2.1-n60')[0])).toBe('bib-moskovskie-bolsheviki-borbe-1969');
  });

  it('a stenographic report, within a note and across notes, to its bibliography entry', () => {
    // "IV plenum MK (M. 1926), p. 3. … Ibid., p. 28."
    expect(bibId(at('ch2.1-n52')[0])).toBe('bib-proc-iv-plenum-mk-april-1926');
    // Eleven notes after "Shestoi ob. Plenum MK i MKK, pp.12-13" (n. 76).
    expect(bibId(at('ch2.2-n88')[0])).toBe('bib-proc-vi-plenum-mk-and-mkk-october-1928');
  });

  it('"ibid." after a journal issue goes to the article, not back to the note before (intro n. 17: Kenez in the Russian Review discussion)', () => {
    // "Russian Review, Vol 45, 1986, p. 404. … (ibid., p. 397)"; the note before cites Chase.
    expect(bibId(at('intro-n17')[0])).toBe('bib-fitzpatrick-1986');
  });

  it('KPSS v rezolyutsiyakh cited in full then Ibid. (ch. 1 nn. 3–4)', () => {
    expect(bibId(at('ch1-n4')[0])).toBe('bib-kpss-rezolyutsiyakh-resheniyakh-1953');
  });
});

describe('loc. cit. after the work it refers to', () => {
  it('"III oblast\'naya i II gorodskaya konferentsiya, loc. cit." → the conference report (Chapter 3, n. 12)', () => {
    const [a] = at('ch3-n12');
    expect(bibId(a)).toBe('bib-proc-third-oblast-and-second-city-conference-1932');
    expect(a?.reason).toBe('the work named right before it');
  });
});

describe('the whole thesis', () => {
  it('resolves (nearly) every op. cit., loc. cit. and Ibid.', () => {
    const total = stream.abbreviated.length;
    const resolved = stream.abbreviated.filter((a) => a.target).length;
    expect(total).toBeGreaterThanOrEqual(180);
    expect(resolved / total).toBeGreaterThanOrEqual(0.98);
  });
});

describe('periodicals the notes print half-abbreviated or with a letter lost', () => {
  const periodicalIn = (block: string) => stream.mentions.filter((m) => m.context.block === block && m.target.kind === 'periodical').map((m) => (m.target.kind === 'periodical' ? m.target.entry?.id ?? null : null));

  it('"Izvestiya MK", "Izvestiya TsK" and "Sputnik Kommunist" link to their bibliography entries', () => {
    for (const block of ['ch1-n86', 'ch1-n100', 'ch4-n56']) expect(periodicalIn(block), block).toContain('bib-periodical-izvestiya-moskovskogo-komiteta');
    expect(stream.mentions.some((m) => m.context.noteId === 'ch2.1-n30' && m.target.kind === 'periodical' && m.target.entry?.id === 'bib-periodical-izvestiya-tsentralnogo-komiteta')).toBe(true);
    expect(periodicalIn('intro-n54')).toContain('bib-periodical-sputnik-kommunista');
  });
});
