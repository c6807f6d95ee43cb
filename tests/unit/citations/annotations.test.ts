import { describe, expect, it } from 'vitest';
import { citationAnnotations, citationReport, titlePieces } from '../../../src/citations/annotations.ts';
import { textContexts } from '../../../src/citations/contexts.ts';
import { fileAnchor } from '../../../src/citations/archival.ts';
import { citationStream } from '../../../src/citations/stream.ts';
import { flatten, locate } from '../../../src/citations/text.ts';
import { GLOSSARY_SPELLINGS_IN_TEXT, parseAbbreviations, parseGlossary } from '../../../src/citations/glossary.ts';
import { BlockAnnotations, renderInlines } from '../../../src/render/inline-html.ts';
import type { Inline } from '../../../src/pipeline/model.ts';
import { realEdition } from './edition.ts';

const edition = realEdition();
const annotations = citationAnnotations(edition);

/** Every title link with the text of its block and where in it the link stands (its occurrence counted). */
function bibLinksInText(): { a: (typeof annotations)[number]; text: string; at: number }[] {
  const contexts = new Map(textContexts(edition).map((c) => [`${c.section} ${c.block}`, c]));
  return annotations
    .filter((a) => a.className === 'bib')
    .map((a) => {
      const text = contexts.get(`${a.section} ${a.block}`)!.flat.text;
      let at = -1;
      for (let k = 0; k <= (a.occurrence ?? 0); k++) at = text.indexOf(a.text, at + 1);
      return { a, text, at };
    });
}

/** The inline parts of a block, in the order the renderer visits them. */
function partsOf(block: string, section: string): Inline[][] {
  const s = edition.sections.find((x) => x.id === section)!;
  for (const b of s.blocks) {
    if (b.kind === 'notes') {
      for (const n of b.notes) {
        if (n.id === block) return [n.content];
        for (const x of n.extra) if (x.id === block) return x.kind === 'table' ? [...(x.caption ? [x.caption] : []), ...x.headRows.flat(), ...x.bodyRows.flat()] : [x.content];
      }
    } else if (b.kind === 'table' && b.id === block) return [...(b.caption ? [b.caption] : []), ...b.headRows.flat(), ...b.bodyRows.flat()];
    else if ((b.kind === 'paragraph' || b.kind === 'heading') && b.id === block) return [b.content];
  }
  throw new Error(`no block ${block}`);
}

describe('text → annotation placement', () => {
  it('counts occurrences as the renderer does, across text nodes', () => {
    const flat = flatten([[{ t: 'text', v: 'P 1/1/1926 and P ' }, { t: 'em', c: [{ t: 'text', v: 'P' }] }, { t: 'text', v: ' 2/2/1927' }]]);
    expect(locate(flat, 0, 1)).toEqual({ text: 'P', occurrence: 0 });
    expect(locate(flat, 15, 16)).toEqual({ text: 'P', occurrence: 1 });
    expect(locate(flat, 17, 18)).toEqual({ text: 'P', occurrence: 2 });
    expect(locate(flat, 10, 19)).toBeNull(); // spans two text nodes
  });
});

describe('citation annotations on the real thesis', () => {
  it('every annotation is rendered by the real renderer exactly where it was placed', () => {
    const byBlock = new Map<string, typeof annotations>();
    for (const a of annotations) byBlock.set(`${a.section} ${a.block}`, [...(byBlock.get(`${a.section} ${a.block}`) ?? []), a]);
    for (const [key, list] of byBlock) {
      const [section, block] = key.split(' ') as [string, string];
      const ann = new BlockAnnotations(list);
      const html = partsOf(block, section).map((p) => renderInlines(p, { annotations: ann })).join('');
      const links = html.match(/<a class="(?:archival-ref|xref|bib|abbr|gloss)"/gu) ?? [];
      expect(links.length, `${key}: ${list.map((a) => a.text).join(' | ')}`).toBe(list.length);
    }
  });

  it('has every kind of link, with titles where the link text does not say it all', () => {
    const kinds = new Set(annotations.map((a) => a.className));
    expect([...kinds].sort()).toEqual(['abbr', 'archival-ref', 'bib', 'gloss', 'xref']);
    expect(annotations.every((a) => a.href.startsWith('/'))).toBe(true);
    // A cross-reference's text is its target ("p. 121", "Table 1"); every other link explains itself on hover.
    expect(annotations.filter((a) => a.className !== 'xref').every((a) => a.title)).toBe(true);
    expect(annotations.filter((a) => a.className === 'xref').every((a) => a.title === undefined)).toBe(true);
  });

  it('op. cit. shows the full reference on hover and links to the bibliography entry', () => {
    const a = annotations.find((x) => x.block === 'intro-n26' && x.className === 'bib');
    expect(a).toMatchObject({ text: 'op. cit.', href: '/bibliography/#bib-chase-1987' });
    expect(a?.title).toMatch(/Chase, W\. J\., Workers, Society and the Soviet State/u);
  });

  it('a title or shelfmark with an emended word inside is one link, the word marked within it, not linked', () => {
    const bib = (block: string, section?: string) =>
      annotations.filter((a) => a.block === block && (!section || a.section === section) && a.className === 'bib').map((a) => [a.text, a.href, a.around?.emends ?? []]);
    const moskovskie = '/bibliography/#bib-moskovskie-bolsheviki-borbe-1969';
    // "Moskovskie [Bol'sheviki] v bor'be…": the emendation em-061 stands inside the title.
    expect(bib('ch2.1-n16')).toEqual([['Moskovskie Bol\'sheviki v bor\'be s pravym i "levym" opportunizmom', moskovskie, ['em-061']]]);
    // "I Moskovskaya [Oblast'naya] Konferentsiya" (Chapter 6 n. 57, em-091); "O [sheftstve] predpriyatii…" (n. 67, em-078).
    expect(bib('ch6-n57', 'chapter-6')).toEqual([["I Moskovskaya Oblast'naya Konferentsiya", '/bibliography/#bib-proc-first-oblast-conference-1929', ['em-091']]]);
    expect(bib('ch6-n67')).toEqual([['O sheftstve predpriyatii nad uchrezhdenii', '/bibliography/#bib-sheftstve-predpriyatii-nad-1930', ['em-078']]]);
    // An emended shelfmark: "TsGAOR, 7952/ 3/ 96, 83" links "7952/3/96, 83" to the file.
    expect(annotations.filter((a) => a.block === 'ch3-n69' && a.className === 'archival-ref').map((a) => [a.text, a.href])).toEqual([['7952/3/96, 83', '/archives/#tsgaor-7952-3-96']]);
    // Rendered: one link, the emended word a marked span inside it with the printed reading.
    const list = annotations.filter((a) => a.section === 'chapter-6' && a.block === 'ch6-n67');
    const html = renderInlines(partsOf('ch6-n67', 'chapter-6')[0]!, { annotations: new BlockAnnotations(list) });
    expect(html).toBe(
      '<a class="bib" href="/bibliography/#bib-sheftstve-predpriyatii-nad-1930" title="' +
        list[0]!.title!.replace(/"/gu, '&quot;') +
        '">O <span class="emend" data-original="sheftsve" title="Emended; the thesis prints “sheftsve”">sheftstve</span> predpriyatii nad uchrezhdenii</a>. M, 1930.',
    );
    // Each such link names the emendations it holds, and its text begins and ends as they are placed.
    expect(annotations.filter((a) => a.around).every((a) => a.around!.emends.length > 0 && a.text.includes(a.around!.before) && a.text.endsWith(a.around!.after))).toBe(true);
  });

  it('cuts a title into pieces at emendations and emphasis, trimming their edges, and stops at a table cell', () => {
    const text = (parts: Inline[][]) => flatten(parts);
    const flat = text([[{ t: 'text', v: 'Za ' }, { t: 'emend', id: 'em-1', original: 'Bol\'shevistkoe', corrected: 'Bol\'shevistskoe', kind: 'emendation', reason: 'r' }, { t: 'text', v: ' ispravlenie oshibok, p. 3' }]]);
    const title = flat.text.indexOf('Za');
    const end = flat.text.indexOf(', p. 3');
    expect(titlePieces(flat, title, end).map((p) => flat.text.slice(p.start, p.end))).toEqual(['Za', 'ispravlenie oshibok']);
    const cells = text([[{ t: 'text', v: 'Materialy o' }], [{ t: 'text', v: 'khozyaistve' }]]);
    expect(titlePieces(cells, 0, cells.text.length).map((p) => cells.text.slice(p.start, p.end))).toEqual(['Materialy o']);
  });

  it('links glossary terms the text spells otherwise (Mossoviet, sheftstvo) or quotes (\'troikas\') to their entries', () => {
    const gloss = annotations.filter((a) => a.className === 'gloss');
    const linked = (text: string, anchor: string) => gloss.filter((a) => a.text === text && a.href === `/glossary/#${anchor}`).length;
    // The first use on each page of the text that mentions it (chapters, introduction, conclusion, tables, appendices).
    const pagesWith = (word: string) => new Set(textContexts(edition).filter((c) => ['chapter', 'introduction', 'conclusion', 'tables', 'appendices'].some((k) => c.section.startsWith(k)) && c.kind !== 'heading' && c.flat.text.includes(word)).map((c) => c.section)).size;
    expect(linked('Mossoviet', 'term-mossovet')).toBe(3);
    expect(pagesWith('Mossoviet')).toBeGreaterThan(1);
    expect(linked('Mossoviet', 'term-mossovet')).toBe(pagesWith('Mossoviet'));
    expect(linked('sheftstvo', 'term-sheftsvo')).toBe(1);
    expect(linked('troikas', 'term-troika')).toBe(2);
    // The department with its otdel written on ("orgraspredotdel", 21 times on 8 pages) is the glossary's orgraspred.
    expect(linked('orgraspredotdel', 'term-orgraspred')).toBe(pagesWith('orgraspredotdel'));
    expect(pagesWith('orgraspredotdel')).toBe(8);
    expect(linked('agitpropotdel', 'term-agitprop')).toBe(pagesWith('agitpropotdel'));
    // The words after a title the note names describe the work: "Sotsialisticheskoe nastuplenie…, report to the January joint plenum of the MK and MKK (M., 1930)".
    expect(gloss.filter((a) => a.block === 'ch3-n11').map((a) => a.text)).toEqual(['MKK']);
    // A soft sign is not an opening quote: every link starts with a headword or the text's spelling of one.
    const spellings = [...parseGlossary(edition).map((t) => t.term), ...Object.values(GLOSSARY_SPELLINGS_IN_TEXT).flat()].map((w) => w.toLowerCase());
    expect(gloss.filter((a) => !spellings.some((w) => a.text.toLowerCase().startsWith(w))).map((a) => a.text)).toEqual([]);
  });

  it('links the places of publication the thesis abbreviates (M, L) on their first imprint on each page, not on every one', () => {
    const imprints = annotations.filter((a) => a.className === 'abbr' && (a.text === 'M' || a.text === 'L'));
    expect(imprints.every((a) => a.href === `/abbreviations/#abbr-${a.text.toLowerCase()}`)).toBe(true);
    expect(imprints.find((a) => a.text === 'M')?.title).toBe('M = Moscow (place of publication)');
    const bySection = (text: string) => imprints.filter((a) => a.text === text).map((a) => a.section);
    expect(new Set(bySection('M')).size).toBe(bySection('M').length);
    expect(bySection('M')).toEqual(expect.arrayContaining(['introduction', 'chapter-1', 'chapter-6', 'appendices', 'bibliography']));
    // "(M-L., 1929)": the L of a joint imprint too (Chapter 3 n. 49).
    expect(imprints.filter((a) => a.text === 'L').map((a) => a.block)).toContain('ch3-n49');
    // Never an M that opens another abbreviation or a word ("(MK)", "(May)", "(Mossoviet)"): see the one-letter test below.
  });

  it('links a term where the reader first meets it on the page: in the body before the notes, possessive and hyphened forms too', () => {
    const gloss = (section: string, term: string) => annotations.filter((a) => a.section === section && a.className === 'gloss' && a.href === `/glossary/#term-${term}`).map((a) => [a.block, a.text]);
    // The Introduction's n. 16 (on an earlier printed page) names raions and NEP; the body defines raions in para-16.
    expect(gloss('introduction', 'raion')).toEqual([['para-16', 'raions']]);
    expect(gloss('introduction', 'nep')).toEqual([['para-18', 'NEP']]);
    // "bound by the TsK's resolutions" (Conclusion para-4), "raion-level activists" (Chapter 6 para-37), "the Moscow oblast" (Chapter 2 para-117).
    expect(gloss('conclusion', 'tsk')).toEqual([['para-4', 'TsK']]);
    expect(gloss('chapter-6', 'raion')).toEqual([['para-37', 'raion']]);
    expect(gloss('chapter-2', 'oblast')).toEqual([['para-117', 'oblast']]);
    // A compound's second part is not the term ("MK-aktiv").
    expect(annotations.filter((a) => a.className === 'gloss' && a.text === 'aktiv').every((a) => !/-$/u.test(a.block))).toBe(true);
  });

  it('does not gloss a term inside a cited title, and its hover text reads as the Glossary prints it', () => {
    // Every VKP(b) in Chapter 2 names a Russian title ("XIII Moskovskaya Gubernskaya Konferentsiya VKP(b), stenograficheskii otchet").
    const vkp = annotations.filter((a) => a.className === 'gloss' && a.href === '/glossary/#term-vkp-b');
    expect(vkp.filter((a) => a.section === 'chapter-2')).toEqual([]);
    expect(vkp.length).toBeGreaterThan(0);
    for (const a of vkp) expect(a.title).toBe("VKP(b): Vsesoyuznaya Kommunisticheskaya Partiya (bol'shevikov) All-Union Communist Party (bolsheviks)");
    expect(annotations.find((a) => a.className === 'gloss' && a.href === '/glossary/#term-mk')?.title).toBe('MK: Moskovskii Komitet (Moscow Committee of the Communist Party)');
  });

  it('glosses the tables and the appendices too, first use on each page, and links "Pravda (P)" in a table\'s source line', () => {
    const gloss = (section: string) => annotations.filter((a) => a.section === section && a.className === 'gloss');
    expect(gloss('appendices').map((a) => a.text)).toContain('raikom');
    expect(gloss('tables').length).toBeGreaterThan(0);
    for (const section of ['appendices', 'tables']) {
      const hrefs = gloss(section).map((a) => a.href);
      expect(new Set(hrefs).size, section).toBe(hrefs.length);
    }
    expect(annotations.filter((a) => a.section === 'tables' && a.className === 'abbr').map((a) => [a.text, a.href])).toContainEqual(['P', '/abbreviations/#abbr-p']);
  });

  it('marks up RM however the issue is written: "RM., 9/5/1928" (Appendix 1), "RM, November-December 1929"', () => {
    const abbr = (block: string) => annotations.filter((a) => a.block === block && a.className === 'abbr').map((a) => [a.text, a.href]);
    for (const n of [8, 9, 11, 14, 18]) expect(abbr(`app-1-n${n}`), `app-1-n${n}`).toEqual([['RM', '/abbreviations/#abbr-rm']]);
    const ch6 = textContexts(edition).find((c) => c.section === 'chapter-6' && c.flat.text.includes('RM, November-December'));
    expect(abbr(ch6!.block)).toContainEqual(['RM', '/abbreviations/#abbr-rm']);
  });

  it('marks up "V I KPSS", as three notes type the list\'s "VI KPSS", whole', () => {
    const hits = annotations.filter((a) => a.className === 'abbr' && a.text === 'V I KPSS');
    expect(hits.map((a) => a.block).sort()).toEqual(['ch4-n58', 'ch6-n44', 'ch6-n6']);
    expect(hits.every((a) => a.href === '/abbreviations/#abbr-vi-kpss')).toBe(true);
  });

  it('a paragraph id used in several chapters: one chapter\'s links do not push another\'s aside (the first "raions" of Chapter 2)', () => {
    const gloss = (section: string, block: string) => annotations.filter((a) => a.section === section && a.block === block && a.className === 'gloss').map((a) => [a.text, a.occurrence ?? 0]);
    // Chapter 1's para-35 links "kul'tprop" where Chapter 2's para-35 has "raions"; Chapter 1's para-53, "stazh" beside Chapter 4's first "VTUZy".
    expect(gloss('chapter-2', 'para-35')).toEqual([['raions', 0]]);
    expect(gloss('chapter-1', 'para-53')).toEqual([['stazh', 0]]);
    expect(gloss('chapter-4', 'para-53')).toEqual([['VTUZy', 0]]);
  });

  it('links "Carr, The Interregnum" (titles compared without their article) and titles the bibliography mistyped (em-085, em-086)', () => {
    const bib = (block: string) => annotations.filter((a) => a.block === block && a.className === 'bib').map((a) => [a.text, a.href]);
    expect(bib('intro-n66')).toEqual([['The Interregnum', '/bibliography/#bib-carr-1954']]);
    expect(bib('ch6-n76').map(([, href]) => href)).toContain('/bibliography/#bib-mcauley-1984');
    expect(bib('ch5-n76').map(([, href]) => href)).toContain('/bibliography/#bib-pervichnaya-partiinaya-organizatsiya-1970');
  });

  it('a title\'s link takes in its article and, where it closes it, its opening quote, as the note prints them', () => {
    const bib = (block: string) => annotations.filter((a) => a.block === block && a.className === 'bib').map((a) => a.text);
    // Chapter 1, n. 1: "L. Schapiro, The Communist Party of the Soviet Union; … A. Sadler, 'The Party Organisation in the Soviet Enterprise'".
    expect(bib('ch1-n1')).toContain('The Communist Party of the Soviet Union');
    expect(bib('ch1-n1')).toContain("'The Party Organisation in the Soviet Enterprise'");
    // "R. Sakwa, 'The Communist Party and War Communism in Moscow, 1918-1921'": the link runs on to the closing quote, so takes the opening one.
    expect(bib('ch1-n77')).toEqual(["'The Communist Party and War Communism in Moscow, 1918-1921'"]);
    // No title link on any page begins after its article or its opening quote.
    const cut = bibLinksInText().filter(({ a, text, at }) => {
      const before = text.slice(0, at);
      return /(?:^|[\s'(])(?:The|A|An) $/u.test(before) || (/(?<![\p{L}\p{N}])'$/u.test(before) && a.text.endsWith("'"));
    });
    expect(cut.map(({ a }) => `${a.block}: ${a.text}`)).toEqual([]);
  });

  it('a title\'s link runs to the end of the title the note prints, where the bibliography\'s form stops short', () => {
    const bib = (block: string) => annotations.filter((a) => a.block === block && a.className === 'bib').map((a) => a.text);
    // Words the bibliography leaves out, up to the imprint or the page.
    expect(bib('intro-n11')).toContain('Making of the Soviet System, Essays in the Social History of Interwar Russia');
    expect(bib('ch1-n57')).toContain('Communist Party membership in the Soviet Union');
    expect(bib('ch6-n119')).toEqual(['Sotsialisticheskoe nastuplenie']);
    // The rest of an italic title; a date cut at its hyphen; the ")" of "VKP(b)".
    expect(bib('ch1-n116')).toEqual(["Moskovskaya Gorodskaya i M. Oblast'naya organizatsiya"]);
    expect(bib('ch1-n52')[0]).toMatch(/v gody pervoi pyatiletki, 1928-32$/u);
    expect(bib('ch2.4-n8')).toContain('Sbornik vazhneishikh postanovlenii MK i MGK VKP(b)');
    // A quoted title to its closing quote, though the bibliography words its end otherwise.
    expect(bib('intro-n39')).toContain("'Bureaucracy and Revolution, the lesson from Leningrad, 1917-27'");
    expect(bib('intro-n35')[0]).toMatch(/^'Moskovskaya Partiinaya .* industrializatsiyu strany, 1926-28 gg\.'$/u);
    // Not a volume, a year in brackets or an imprint.
    expect(bib('ch2.2-n2')).toContain('Vols 1');
    expect(bib('ch2.2-n25')).toContain('Vtoroi plenum');
    expect(bib('ch4-n15')).toContain('The Technical Intelligentsia and the Soviet State');
    // "S. Fitzpatrick, 'Cultural Revolution as Class War', p. 19, in Fitzpatrick, ed., Cultural Revolution in Russia":
    // the essay is not the book its title begins with; the book is linked where the note names it.
    expect(bib('ch6-n5')).toEqual(['Cultural Revolution in Russia']);
    // No title link on any page stops inside a word, a date or a bracket.
    const cut = bibLinksInText().filter(({ a, text, at }) => /^-[\p{L}\p{N}]/u.test(text.slice(at + a.text.length)) || a.text.split('(').length > a.text.split(')').length);
    expect(cut.map(({ a }) => `${a.block}: ${a.text}`)).toEqual([]);
  });

  it('links a title as the note prints it, to its last word, where the spelling differs from the bibliography\'s', () => {
    const bib = (block: string) => annotations.filter((a) => a.block === block && a.className === 'bib').map((a) => a.text);
    // "Filtzer's Soviet Workers and Stalinist Industrialisation (London, 1986)"; the bibliography spells "Industrialization".
    expect(bib('intro-n9')).toContain('Soviet Workers and Stalinist Industrialisation');
    // "Dinamo v gody stroitel'stvo sotsializma" is emended to the bibliography's "stroitel'stva" (em-105):
    // the link holds the emendation.
    expect(bib('ch4-n25')).toEqual(["Dinamo v gody stroitel'stva sotsializma"]);
    // A link never ends on a little word the title goes on after ("… Social History of" | "Interwar Russia"),
    // unless the title goes on in an emendation the link cannot hold.
    const contexts = new Map(textContexts(edition).map((c) => [`${c.section} ${c.block}`, c]));
    const emendationFollows = (a: (typeof annotations)[number]): boolean => {
      const flat = contexts.get(`${a.section} ${a.block}`)!.flat;
      return flat.runs.some((r) => r.textNode === null && flat.text.slice(0, r.start).trimEnd().endsWith(a.text));
    };
    const littleWordEnds = annotations.filter((x) => x.className === 'bib' && /\s(?:of|in|the|v|i|o)$/u.test(x.text));
    expect(littleWordEnds.filter((a) => !emendationFollows(a)).map((a) => `${a.block}: ${a.text}`)).toEqual([]);
    expect(bib('ch1-n24')).toContain("Moskovskaya Gorodskaya i Moskovskaya Oblast'naya Organizatsiya KPSS v Tsifrakh");
  });

  it('an article cited by journal, volume and year: "Russian Review, Vol 45, 1986" is the discussion \'New Perspectives on Stalinism\'', () => {
    const bib = (block: string) => annotations.filter((a) => a.block === block && a.className === 'bib').map((a) => [a.text, a.href]);
    expect(bib('intro-n17')).toEqual([
      ['Russian Review, Vol 45, 1986', '/bibliography/#bib-fitzpatrick-1986'],
      ['ibid., p. 397', '/bibliography/#bib-fitzpatrick-1986'],
      ['the essay on historical approaches cited above', '/bibliography/#bib-cohen-1985'], // identified by the editor
    ]);
    expect(bib('intro-n21')).toEqual([['Russian Review, Vol 45, 1986', '/bibliography/#bib-fitzpatrick-1986']]);
  });

  it('works cited without the author beside the title: Stalin\'s Sochineniya by a volume it lists, Fitzpatrick\'s Cultural Revolution, Gregor\'s Resolutions', () => {
    const bib = (block: string) => annotations.filter((a) => a.block === block && a.className === 'bib').map((a) => [a.text, a.href]);
    // "Reply to students at Sverdlov University, Sochineniya, vol. xii (M., 1949)"; "Stalin … Sochineniya, vol xi"; "Stalin's speech … Sochineniya, vol xiv".
    for (const n of ['ch2.3-n40', 'ch6-n50', 'ch6-n70']) expect(bib(n), n).toContainEqual(['Sochineniya', '/bibliography/#bib-stalin-1949']);
    // "Fitzpatrick describes the purge … 'quoted'. Cultural Revolution, p. 27."
    expect(bib('ch6-n61')).toEqual([['Cultural Revolution', '/bibliography/#bib-fitzpatrick-1978']]);
    // "Resolutions and Decisions of the CPSU, vol. 2, 1917-29. Ed. R. Gregor (Toronto, 1974)".
    expect(bib('ch1-n85')).toEqual([['Resolutions and Decisions of the CPSU, vol. 2', '/bibliography/#bib-gregor-1974']]);
  });

  it('"Foundations of a Planned Economy, 1926-1929, Vols 1 and 2 (London 1969 and 1972)": vol. 1 is Carr and Davies\'s', () => {
    const bib = annotations.filter((a) => a.block === 'ch2.2-n2' && a.className === 'bib').map((a) => [a.text, a.href]);
    expect(bib.slice(0, 2)).toEqual([
      ['Foundations of a Planned Economy, 1926-1929', '/bibliography/#bib-carr-1971'],
      ['Vols 1', '/bibliography/#bib-carr-davies-1969'],
    ]);
  });

  it('a full citation that shortens the bibliography\'s title: "N. Maslova, Agitproprabota na predpriyatii (M., 1927)"', () => {
    const bib = annotations.filter((a) => a.block === 'ch5-n10' && a.className === 'bib').map((a) => [a.text, a.href]);
    expect(bib).toEqual([['Agitproprabota na predpriyatii', '/bibliography/#bib-maslova-1927']]);
  });

  it('an archival citation links to its file in the Archives index', () => {
    expect(annotations.find((x) => x.block === 'concl-n11' && x.className === 'archival-ref')).toMatchObject({ text: '7952/3/493, 10', href: '/archives/#tsgaor-7952-3-493' });
    expect(annotations.find((x) => x.block === 'concl-n11' && x.className === 'abbr')).toMatchObject({ text: 'TsGAOR', href: '/abbreviations/#abbr-tsgaor' });
  });

  it('every archival citation in the notes links to its file, an emended shelfmark too ("TsGAOR, 7952/ 3/ 96, 83")', () => {
    const refs = citationStream(edition).archival.filter((r) => r.form !== 'example');
    const unlinked = refs.filter((r) => !annotations.some((a) => a.block === r.noteId && a.section === r.section && a.className === 'archival-ref' && a.href === `/archives/#${fileAnchor(r)}`));
    expect(unlinked.map((r) => `${r.noteId}: ${r.raw}`)).toEqual([]);
    expect(annotations.filter((a) => a.block === 'ch1-n21' && a.className === 'archival-ref').map((a) => a.text)).toEqual(['loc. cit.', '7952/3/94, 84']);
  });

  it('one-letter abbreviations only where they cite ("P 3/10/1926", "T 2850"), are defined ("Pravda, (P)") or open an imprint ("(M., 1929)")', () => {
    const contexts = new Map(textContexts(edition).map((c) => [`${c.section} ${c.block}`, c]));
    const oneLetter = annotations.filter((a) => a.className === 'abbr' && /^[PBTML]$/u.test(a.text));
    expect(oneLetter.length).toBeGreaterThan(50);
    for (const a of oneLetter) {
      const c = contexts.get(`${a.section} ${a.block}`)!;
      let at = -1;
      for (let k = 0, from = 0; k <= (a.occurrence ?? 0); k++, from = at + 1) at = c.flat.text.indexOf(a.text, from);
      expect(c.flat.text.slice(at, at + 14), c.block).toMatch(/^(?:[PB]\.?,?\s*\d{1,2}\/\d{1,2}\/\d{2,4}|[PB]\.?,?\s*19\d\d|[PBT]\)|T\s+\d{3,5}|[ML]\.?,?\s*19\d\d|M\.?\s*-\s*L)/u);
    }
  });

  it('the abbreviations and glossary are parsed from the edition, fused glossary rows split', () => {
    expect(parseAbbreviations(edition).find((a) => a.abbr === 'RM')).toMatchObject({ expansion: 'Rabochaya Moskva', anchor: 'abbr-rm', group: 'periodical' });
    const g = parseGlossary(edition);
    expect(g.find((t) => t.term === 'Sovnarkom')?.definition).toMatch(/^Sovet Narodnykh Kommissarov/u);
    expect(g.find((t) => t.term === 'sovnarkhoz')?.definition).toMatch(/economic council/u);
    expect(g.find((t) => t.term === 'TsK')?.definition).toMatch(/Central Committee/u);
    expect(g.find((t) => t.term === 'troika')?.definition).toBe('group of three people');
    expect(g.find((t) => t.term === 'agitprop')?.definition).toBe('agitatsiya i propaganda (agitation - mass political education, and propaganda - work among Party members)');
    // The headword is typed 'orgasped'; emendation em-031 restores the term the text uses 45 times.
    expect(g.find((t) => t.term === 'orgraspred')).toMatchObject({ anchor: 'term-orgraspred', definition: expect.stringMatching(/^organizatsionno-raspredelitel'nyi otdel/u) });
    expect(g.some((t) => t.term === 'orgasped')).toBe(false);
  });

  it('reports the numbers the build prints', () => {
    const r = citationReport(edition);
    expect(r.archival.parsed).toBe(r.archival.foundInText);
    expect(r.abbreviatedReferences.resolved).toBe(r.abbreviatedReferences.total);
    expect(r.crossReferences.resolved).toBe(r.crossReferences.total - 1);
  });
});

describe('audit mends: periodicals, ibid. titles, an idea named like a book', () => {
  const anns = citationAnnotations(realEdition());
  const inBlock = (block: string) => anns.filter((a) => a.block === block && a.className === 'bib').map((a) => [a.text, a.href]);

  it("links a periodical written out to its bibliography entry, as the Ibid. after it is linked", () => {
    expect(inBlock('ch1-n98')).toEqual([["Bol'shevik", '/bibliography/#bib-periodical-bolshevik']]);
    expect(inBlock('ch5-n28')).toEqual([['Propagandist', '/bibliography/#bib-periodical-propagandist']]);
    expect(inBlock('ch6-n52')).toEqual([['Sotsialisticheskii Vestnik', '/bibliography/#bib-periodical-sotsialisticheskii-vestnik']]);
  });

  it('titles an Ibid. of a periodical by the periodical, not by the issue first cited (Chapter 1, nn. 91-95)', () => {
    for (const n of [91, 92, 93, 94, 95]) {
      const a = anns.find((x) => x.block === `ch1-n${n}` && x.className === 'bib');
      expect(a?.title, `ch1-n${n}`).toBe("Ibid. = Izvestiya Tsentral'nogo Komiteta");
    }
  });

  it('links a long title cited with one word otherwise, over the whole title', () => {
    // The bibliography lists "Informatsionnaya svodka o rukovodstve partyacheek stengazetami".
    expect(inBlock('ch5-n74')).toEqual([['Informatsionnaya spravka o rukovodstve partyacheek stengazetami', '/bibliography/#bib-informatsionnaya-svodka-rukovodstve-1928']]);
    // "nastuplenie" for the bibliography's "nastupleniye": the link no longer stops at the first word.
    expect(inBlock('ch2.3-n9')).toEqual([['Sotsialisticheskoe nastuplenie i zadachi moskovskoi organizatsii', '/bibliography/#bib-bauman-1930']]);
  });

  it("does not take 'cultural revolution', the idea, for Fitzpatrick's book (Chapter 6, n. 40), but links the book's title there", () => {
    expect(inBlock('ch6-n40')).toEqual([['Cultural Revolution in Russia', '/bibliography/#bib-fitzpatrick-1978']]);
  });
});
