import { describe, expect, it } from 'vitest';
import { findMentions, mentionsByPlace, passagesOf, wholeWordMatches } from '../../../src/maps/mentions.ts';
import { placeAnnotationsFor } from '../../../src/maps/annotations.ts';
import { placeHref } from '../../../src/maps/places.ts';
import { groupAnnotations, renderSectionBody } from '../../../src/render/blocks-html.ts';
import { MAP_PAGES } from '../../../src/maps/pages.ts';
import { geodata, realEdition } from './helpers.ts';

const g = geodata();
const edition = realEdition();
const byPlace = mentionsByPlace(edition, g.places);

describe('whole-word matching', () => {
  it('matches names as whole words only', () => {
    expect(wholeWordMatches('Babaev spoke; the Babaeva factory', 'Babaev')).toEqual([0]);
    expect(wholeWordMatches('Babaev spoke; the Babaeva factory', 'Babaeva')).toEqual([18]);
    expect(wholeWordMatches("AMO's paper, not AMOK", 'AMO')).toEqual([0]);
    expect(wholeWordMatches("provinces of Ryazan', Tula", "Ryazan'")).toEqual([13]);
  });
});

describe('mentions in the real thesis', () => {
  it('finds every place of the data in the text', () => {
    for (const p of g.places) expect(byPlace.get(p.id)?.length ?? 0, p.id).toBeGreaterThan(0);
  });

  it('links each mention to an existing block of the edition', () => {
    const blocks = new Set<string>();
    for (const s of edition.sections) {
      for (const b of s.blocks) {
        if (b.kind === 'notes') for (const n of b.notes) (blocks.add(`/${s.slug}/#${n.id}`), n.extra.forEach((x) => blocks.add(`/${s.slug}/#${x.id}`)));
        else if (b.kind !== 'pagebreak') blocks.add(`/${s.slug}/#${b.id}`);
      }
    }
    for (const m of findMentions(edition, g.places)) expect(blocks.has(m.href), m.href).toBe(true);
  });

  it('finds the known passages', () => {
    const hrefs = (id: string): string[] => (byPlace.get(id) ?? []).map((m) => m.href);
    // "Trekhgornaya Manufaktura in Krasnaya Presnya raion, which employed 6,600 workers in 1926."
    expect(hrefs('trekhgornaya')).toContain('/introduction/#para-26');
    expect(hrefs('kauchuk')).toContain('/chapter-4/#ch4-n21');
    // The emended 'Elektroavod' is found under its corrected reading.
    expect(hrefs('elektrozavod').length).toBeGreaterThanOrEqual(20);
    expect(byPlace.get('serp-i-molot')?.length).toBeGreaterThanOrEqual(30);
    // Babaev the speaker is not the Babaev factory.
    expect(hrefs('babaev')).toEqual(['/chapter-5/#ch5-n3']);
  });

  it('lists each passage once per place, in reading order', () => {
    const serp = passagesOf(byPlace.get('serp-i-molot') ?? []);
    expect(new Set(serp.map((m) => m.href)).size).toBe(serp.length);
    const order = edition.sections.map((s) => s.id);
    const idx = serp.map((m) => order.indexOf(m.section));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('stays right when the text changes: a paragraph naming a place is found, and one no longer naming it is not', () => {
    const copy = structuredClone(edition);
    const intro = copy.sections.find((s) => s.id === 'introduction');
    const para = intro?.blocks.find((b) => b.kind === 'paragraph' && b.id === 'para-26');
    if (para?.kind !== 'paragraph') throw new Error('no para-26');
    para.content = [{ t: 'text', v: 'A new sentence about Dinamo.' }];
    const after = mentionsByPlace(copy, g.places);
    expect(after.get('dinamo')?.some((m) => m.href === '/introduction/#para-26')).toBe(true);
    expect(after.get('trekhgornaya')?.some((m) => m.href === '/introduction/#para-26')).toBe(false);
  });
});

describe('place annotations', () => {
  const annotations = placeAnnotationsFor(edition, g.places);

  it('annotates the first mention of each place in each section, linking to its marker', () => {
    const keys = annotations.map((a) => `${a.section}|${a.href}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of annotations) {
      expect(a.className).toBe('place');
      expect(a.href).toMatch(/^\/maps\/(1925|oblast-1930)\/#place-[a-z0-9-]+$/u);
    }
    // Every section naming Elektrozavod gets one link, where every mention is an emended 'Elektroavod'
    // (Chapter 1, the Conclusion) too: a link holding the marked emendation.
    const sections = new Set((byPlace.get('elektrozavod') ?? []).map((m) => m.section));
    const linked = annotations.filter((a) => a.href === placeHref({ id: 'elektrozavod', map: 'city' }));
    expect(new Set(linked.map((a) => a.section))).toEqual(sections);
    expect(linked).toHaveLength(sections.size);
    expect(linked.find((a) => a.section === 'conclusion')?.around?.emends).toHaveLength(1);
    expect(linked.find((a) => a.section === 'chapter-4')?.around).toBeUndefined();
    const first = annotations.find((a) => a.section === 'introduction' && a.href.endsWith('#place-trekhgornaya'));
    expect(first).toMatchObject({ block: 'para-26', text: 'Trekhgornaya Manufaktura' });
  });

  it('is placed by the real renderer: every annotation becomes exactly one link around its text', () => {
    for (const section of edition.sections.filter((s) => s.kind !== 'front')) {
      const mine = annotations.filter((a) => a.section === section.id);
      if (mine.length === 0) continue;
      const html = renderSectionBody(section, { annotations: groupAnnotations(mine, section.id) });
      for (const a of mine) {
        const link = `<a class="place" href="${a.href}"`;
        expect(html.split(link).length - 1, `${section.id} ${a.href}`).toBe(1);
      }
    }
  });

  it('links to map pages that exist', () => {
    const pages = new Set(MAP_PAGES.map((p) => p.href));
    for (const a of annotations) expect(pages.has(a.href.split('#')[0] ?? '')).toBe(true);
  });
});

describe('what a maps audit found', () => {
  const blocksOf = (id: string) => (byPlace.get(id) ?? []).map((m) => `${m.section}#${m.block}`);

  it('the Kremlin is the place only where the text means the place, not the leadership or its ration (recorded with reasons)', () => {
    expect(blocksOf('kremlin')).toEqual(['introduction#para-16', 'introduction#para-16']);
    const kremlin = g.places.find((p) => p.id === 'kremlin')!;
    expect(kremlin.notMeant?.map((x) => x.phrase)).toEqual(['strayed beyond the Kremlin', "'Kremlin Ration'"]);
  });

  it("Bogorodsk is found as the thesis's 'Bogorod ukom' too, at the Natural Earth point its source names", () => {
    expect(new Set(blocksOf('bogorodsk').map((b) => b.split('#')[0]))).toEqual(new Set(['chapter-2', 'chapter-5', 'appendices']));
    expect(blocksOf('bogorodsk').length).toBeGreaterThanOrEqual(6);
    const b = g.places.find((p) => p.id === 'bogorodsk')!;
    expect([b.lat, b.lon, b.position]).toEqual([55.8704, 38.48, 'sourced']);
  });

  it('the Lashevich meeting near Dolgoprudnaya is dated 1926, and the Kolomna works is not made the textile mill the thesis names', () => {
    expect(g.places.find((p) => p.id === 'dolgoprudnaya')?.description).toMatch(/6 June 1926/u);
    expect(g.places.find((p) => p.id === 'kolomna')?.description).toMatch(/which mill is meant is left open/u);
    // So the textile works' mention (Chapter 2, line 875) is not linked to Kolomna; the metalworks' (Chapter 3) is.
    expect(blocksOf('kolomna').filter((b) => b.startsWith('chapter-2#'))).toEqual([]);
    expect(blocksOf('kolomna').some((b) => b.startsWith('chapter-3#'))).toBe(true);
  });

  it('a mention covers the whole name the text gives ("Glukhovskaya Manufaktura", "Timiryazev Agricultural college"), once', () => {
    const variants = (id: string) => (byPlace.get(id) ?? []).map((m) => `${m.block} ${m.variant}`);
    expect(variants('glukhovo')).toContain('para-26 Glukhovskaya Manufaktura');
    expect(variants('glukhovo').filter((v) => v.startsWith('para-26 '))).toHaveLength(1);
    expect(variants('ramenskoe')).toContain('para-26 Ramenskaya Fabrika');
    expect(variants('timiryazev-academy')).toContain('para-98 Timiryazev Agricultural college');
    // No place is listed twice for one stretch of text.
    const all = findMentions(edition, g.places);
    const overlapping = all.filter((m, i) => all.some((o, j) => j !== i && o.place === m.place && o.section === m.section && o.block === m.block && o.start < m.end && m.start < o.end));
    expect(overlapping.map((m) => `${m.section} ${m.block} ${m.variant}`)).toEqual([]);
  });
});
