import { describe, expect, it } from 'vitest';
import { noteRecords, noteText, pageKind, sectionFilter, textRecords } from '../../../src/search/records.ts';
import { realEdition } from '../pipeline/helpers.ts';

describe('search records from the real thesis', () => {
  const edition = realEdition();
  const notes = noteRecords(edition);
  const text = textRecords(edition);
  const allNotes = edition.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : [])));

  it('makes one record per note, titled with its place and linking to it', () => {
    expect(notes).toHaveLength(edition.stats.notes);
    const n15 = notes.find((r) => r.url === '/chapter-2/#ch2.3-n15');
    expect(n15?.meta?.['title']).toBe('Chapter 2, part 3, note 15');
    expect(n15?.meta?.['place']).toMatch(/^Chapter 2, part 3, note 15 \(thesis p\. \d+\)$/u);
    expect(n15?.filters?.['section']).toEqual(['Chapter 2']);
    expect(n15?.filters?.['kind']).toEqual(['note']);
    expect(notes.find((r) => r.url === '/introduction/#intro-n16')?.meta?.['title']).toBe('Introduction, note 16');
  });

  it('indexes each thing once: every record has its own URL', () => {
    const urls = [...text, ...notes].map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('uses only the section and kind filter values the page shows', () => {
    const sections = new Set([...text, ...notes].flatMap((r) => r.filters?.['section'] ?? []));
    expect([...sections].sort()).toEqual(['Back matter', 'Chapter 1', 'Chapter 2', 'Chapter 3', 'Chapter 4', 'Chapter 5', 'Chapter 6', 'Conclusion', 'Introduction']);
    const kinds = new Set([...text, ...notes].flatMap((r) => r.filters?.['kind'] ?? []));
    expect([...kinds].sort()).toEqual(['appendix', 'bibliography', 'glossary', 'note', 'table', 'text']);
    expect(sectionFilter({ kind: 'back', label: 'Tables' })).toBe('Back matter');
    expect(pageKind('abbreviations')).toBe('glossary');
  });

  it('files exactly the notes that cite TsGAOR 7952/3/253 under its filter value', () => {
    const cited = (id: string): boolean => notes.find((r) => r.url.endsWith(`#${id}`))?.filters?.['ref']?.includes('7952/3/253') ?? false;
    // From the thesis text: every note that prints the reference (the OCR's spaces after slashes tolerated)…
    const printed = allNotes.filter((n) => /7952\/\s*3\/\s*253\b/u.test(noteText(n))).map((n) => n.id);
    expect(printed.length).toBeGreaterThan(5);
    for (const id of printed) expect(cited(id)).toBe(true);
    // …and the others continue it (ibid., loc. cit.) or print it irregularly (7952/253).
    for (const n of allNotes.filter((x) => cited(x.id) && !printed.includes(x.id))) expect(noteText(n)).toMatch(/\bibid\b|loc\.?\s*cit|7952\/\s*253\b/iu);
    // Folio values: "TsGAOR, 7952/3/253, 130-3" (ch4-n81) is found by any folio of the range.
    const n81 = notes.find((r) => r.url === '/chapter-4/#ch4-n81');
    expect(n81?.filters?.['ref']).toEqual(expect.arrayContaining(['7952/3/253, 130', '7952/3/253, 133', 'TsGAOR 7952', '7952/3']));
  });

  it('files the Trotsky Archive documents a note cites', () => {
    const printed = allNotes.filter((n) => /\bT\s+2850\b/u.test(noteText(n))).map((n) => n.id);
    const filed = notes.filter((r) => r.filters?.['ref']?.includes('T 2850')).map((r) => r.url.split('#')[1]);
    expect(filed.sort()).toEqual(printed.sort());
  });

  it('keeps the text as printed: no extra words in what readers see in excerpts', () => {
    const para = text.find((r) => r.content.includes("Sokol'niki"));
    expect(para?.content).not.toMatch(/\bSokolniki\b/u);
    for (const r of [...text, ...notes]) expect(r.content).not.toMatch(/\bf7952|trotsky\d/u);
  });

  it('makes paragraph, table, glossary, appendix and bibliography records that land on their anchors', () => {
    const p1 = text.find((r) => r.url === '/chapter-2/#para-1');
    expect(p1?.meta?.['title']).toBe('Chapter 2');
    expect(p1?.filters).toEqual({ section: ['Chapter 2'], kind: ['text'] });
    const opposition = text.find((r) => r.meta?.['title'] === "Chapter 2 › The 'New Opposition' of 1925.");
    expect(opposition?.url).toMatch(/^\/chapter-2\/#para-\d+$/u);
    expect(opposition?.meta?.['heading']).toMatch(/^\/chapter-2\/#[\w.-]+$/u);
    expect(opposition?.meta?.['page']).toMatch(/^\d+(–\d+)?$/u);
    const raikom = text.find((r) => r.url === '/glossary/#term-raikom');
    expect(raikom?.meta?.['title']).toBe('Glossary: raikom');
    expect(raikom?.filters?.['kind']).toEqual(['glossary']);
    expect(text.find((r) => r.url === '/abbreviations/#abbr-tsgaor')?.content).toMatch(/Tsentral'nyi Gosudarstvennyi Arkhiv Oktyabr'skoi Revolyutsii/u);
    expect(text.some((r) => r.url.startsWith('/bibliography/#para-') && r.filters?.['kind']?.[0] === 'bibliography')).toBe(true);
    expect(text.some((r) => r.url.startsWith('/tables/#tbl-') && r.filters?.['kind']?.[0] === 'table')).toBe(true);
    expect(text.some((r) => r.url.startsWith('/appendices/#') && r.filters?.['kind']?.[0] === 'appendix' && r.content.includes('Uglanov'))).toBe(true);
  });

  it("includes a note's own tables and paragraphs", () => {
    const withTable = allNotes.find((n) => n.extra.some((x) => x.kind === 'table'));
    if (withTable) {
      const rec = notes.find((r) => r.url.endsWith(`#${withTable.id}`));
      expect(rec?.content.length).toBeGreaterThan(noteText({ content: withTable.content, extra: [] }).length);
    }
  });
});
