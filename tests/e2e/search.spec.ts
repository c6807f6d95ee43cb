import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

/** Every note's text, from the notes download (the thesis's notes as the edition reads them). */
function notes(): { id: string; text: string }[] {
  return JSON.parse(readFileSync('dist/data/notes.json', 'utf8')) as { id: string; text: string }[];
}

/** Notes (ids) whose text matches. */
function notesCiting(pattern: RegExp): string[] {
  return notes()
    .filter((n) => pattern.test(n.text))
    .map((n) => n.id);
}

/** Notes that cite a file directly or continue a reference to it (loc. cit., ibid.), from the archival-references download. */
function notesCitingFile(fond: string, opis: string, delo: string): string[] {
  const data = JSON.parse(readFileSync('dist/data/archival-references.json', 'utf8')) as { references: { fond: string | null; opis: string | null; delo: string | null; note: string }[] };
  return [...new Set(data.references.filter((r) => r.fond === fond && r.opis === opis && r.delo === delo).map((r) => r.note))];
}

async function search(page: import('@playwright/test').Page, q: string): Promise<void> {
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  await expect(page.locator('#search-status')).toContainText('result');
}

/** Every result, clicking "Show more" until all are listed. */
async function allResultIds(page: import('@playwright/test').Page): Promise<string[]> {
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await more.click();
    await expect(page.locator('#search-results > li')).not.toHaveCount(before);
  }
  return page.locator('#search-results .result-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
}

test('a phrase only in a note lands on that note, highlighted', async ({ page }) => {
  // Note 16 of the Introduction: "William Chase's book on Moscow workers under NEP".
  await search(page, 'tentatively concludes');
  const first = page.locator('#search-results > li').first();
  await expect(first.locator('.result-title')).toHaveText(/Introduction, note 16/u);
  await first.locator('.result-title').click();
  await expect(page).toHaveURL(/\/introduction\/\?highlight=tentatively&highlight=concludes#intro-n16$/u);
  await expect(page.locator('li#intro-n16 mark.pagefind-highlight').first()).toHaveText(/tentatively/iu);
  await expect(page.locator('li#intro-n16')).toBeInViewport();
});

test('7952/3/253 returns exactly the notes that cite it', async ({ page }) => {
  const expected = notesCitingFile('7952', '3', '253');
  // From the thesis text: every note that prints the reference is expected…
  const printed = notesCiting(/7952\/\s*3\/\s*253\b/u);
  expect(printed.length).toBeGreaterThan(5);
  for (const id of printed) expect(expected).toContain(id);
  // …and the others continue it ("Ibid.", "loc. cit.") or print it irregularly ("7952/253").
  const texts = new Map(notes().map((n) => [n.id, n.text]));
  for (const id of expected.filter((x) => !printed.includes(x))) expect(texts.get(id)).toMatch(/\bibid\b|loc\.?\s*cit|7952\/\s*253\b/iu);
  await search(page, '7952/3/253');
  const hrefs = await allResultIds(page);
  expect([...hrefs].sort()).toEqual([...expected].sort());
  // With no words to rank by, the notes come in reading order.
  const reading = notes().map((n) => n.id);
  expect(hrefs).toEqual([...hrefs].sort((a, b) => reading.indexOf(a) - reading.indexOf(b)));
  // Each result shows the reference marked (or the continuing "Ibid.").
  await expect(page.locator('#search-results > li').first().locator('mark').first()).toHaveText('7952/3/253');
});

test('archival references typed other ways find only the notes that cite them', async ({ page }) => {
  // A folio: the notes citing 7952/3/82 from folio 152 (alone, or a range that starts there).
  const folio = notesCiting(/7952\/\s*3\/\s*82,\s*152\b/u);
  expect(folio.length).toBeGreaterThan(0);
  await search(page, '7952/3/82, 152');
  expect((await allResultIds(page)).sort()).toEqual(folio.sort());
  // An archive and fond: notes only, no page text.
  await search(page, 'TsGAOR 7952');
  const fond = await page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => li.className));
  expect(fond.length).toBeGreaterThan(5);
  for (const c of fond) expect(c).toContain('result-note');
  const trotsky = notesCiting(/\bT\s*\)?,?\s*2850\b|\(T\),\s*2850/u);
  await search(page, 'Trotsky Archive 2850');
  expect((await allResultIds(page)).sort()).toEqual(trotsky.sort());
});

test("the reference as archivists write it (f./op./d./l.), under the archive's present name, or in quotes, finds the same notes", async ({ page }) => {
  const expected = notesCitingFile('7952', '3', '253').sort();
  for (const q of ['f. 7952, op. 3, d. 253', 'f.7952 op.3 d.253', 'GARF f. 7952, op. 3, d. 253', '"7952/3/253"']) {
    await search(page, q);
    expect((await allResultIds(page)).sort(), q).toEqual(expected);
  }
  await search(page, 'GARF 7952');
  await expect(page.locator('#search-status')).toContainText('searched as TsGAOR');
  const cited = await allResultIds(page);
  await search(page, 'TsGAOR 7952');
  expect((await allResultIds(page)).sort()).toEqual(cited.sort());
});

test('a page cited without its space, a two-digit year, and ia/iu for ya/yu find what the thesis prints', async ({ page }) => {
  // Chapter 2, part 2, n. 25 prints "p. 43"; n. 20 prints "p.20".
  await search(page, 'Vtoroi plenum p.43');
  expect(await allResultIds(page)).toContain('ch2.2-n25');
  await search(page, 'Vtoroi plenum p. 20');
  expect(await allResultIds(page)).toContain('ch2.2-n20');
  // Chapter 6 nn. 35 and 37 print "P, 10/4/1926".
  await search(page, 'P 10/4/26');
  expect((await allResultIds(page)).slice(0, 5)).toEqual(expect.arrayContaining(['ch6-n35', 'ch6-n37']));
  await search(page, 'Krasnaia Presnia');
  await expect(page.locator('#search-status')).toContainText('searched as Krasnaya, Presnya');
  await expect(page.locator('#search-results mark').first()).toHaveText(/^(Krasnaya|Presnya)/u);
});

test('a periodical typed in full, or a date with its century, finds the note that prints it short', async ({ page }) => {
  // Chapter 2, part 3, n. 4 prints "P 14/5/1929."; Chapter 2, part 1, n. 48 "RM, 20/1/26."
  expect(notes().find((n) => n.id === 'ch2.3-n4')?.text).toMatch(/^P 14\/5\/1929\.$/u);
  await search(page, 'Pravda 14/5/1929');
  expect((await allResultIds(page)).slice(0, 5)).toContain('ch2.3-n4');
  await search(page, 'Rabochaya Moskva 20/1/1926');
  expect((await allResultIds(page)).slice(0, 5)).toContain('ch2.1-n48');
});

test('several words: the passages that hold them as a phrase come first ("recruitment policy")', async ({ page }) => {
  await search(page, 'recruitment policy');
  const ids = await allResultIds(page);
  expect(ids.slice(0, 5)).toContain('ch2.1-n26');
  // The first results hold the phrase; later ones hold both words apart.
  const excerpts = await page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
  expect(excerpts[0]).toMatch(/recruitment policy/iu);
  expect(excerpts.some((t) => !/recruitment policy/iu.test(t))).toBe(true);
});

test('a reference typed with a stray space ("7952/ 3/267", as the thesis printed it before em-124) is found, marked in the result and on the page it opens', async ({ page }) => {
  expect(notes().find((n) => n.id === 'ch1-n20')?.text).toContain('7952/3/267');
  await search(page, '7952/ 3/267');
  const result = page.locator('#search-results > li').filter({ has: page.locator('a[href$="#ch1-n20"]') });
  await expect(result.locator('mark').first()).toHaveText('7952/3/267');
  await result.locator('.result-title').click();
  await expect(page.locator('li#ch1-n20 mark.pagefind-highlight').first()).toBeVisible();
});

test('a word an emendation link splits ("25,000ers") is highlighted on the page a result opens', async ({ page }) => {
  await page.goto('/chapter-2/?highlight=25%2C000ers#ch2.3-n20');
  await expect(page.locator('li#ch2\\.3-n20 mark.pagefind-highlight').first()).toBeAttached();
  expect((await page.locator('li#ch2\\.3-n20 mark.pagefind-highlight').allTextContents()).join('')).toBe('25,000ers');
});

/** The number of results the status announces. */
async function resultCount(page: import('@playwright/test').Page): Promise<number> {
  return Number((await page.locator('#search-status').textContent())?.match(/^(\d+) result/u)?.[1] ?? NaN);
}

test('ticking a filter by keyboard keeps the focus on it while the results are redrawn', async ({ page }) => {
  await search(page, 'Uglanov');
  const chapter2 = page.locator('#search-filters input[name="section"][value="Chapter 2"]');
  await chapter2.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/section=Chapter\+2/u);
  await expect(page.locator('#search-filters input[name="section"][value="Chapter 2"]')).toBeChecked();
  await expect(page.locator('#search-filters input[name="section"][value="Chapter 2"]')).toBeFocused();
});

test('typing is announced to screen readers once the reader stops, not at each pause', async ({ page }) => {
  await page.goto('/search/');
  // Record every text the live region is given.
  await page.evaluate(() => {
    const w = window as unknown as { announced: string[] };
    w.announced = [];
    const live = document.querySelector('#search-announce')!;
    new MutationObserver(() => w.announced.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await expect(page.locator('#search-announce')).toHaveAttribute('role', 'status');
  await page.locator('#search-input').pressSequentially('Uglanov', { delay: 150 });
  await expect(page.locator('#search-status')).toContainText('for “Uglanov”');
  await expect(page.locator('#search-announce')).toContainText('for “Uglanov”');
  const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced.filter(Boolean));
  expect(announced).toHaveLength(1);
  expect(announced[0]).toBe(await page.locator('#search-status').textContent());
});

test('filter by chapter', async ({ page }) => {
  await search(page, 'Uglanov');
  const all = await resultCount(page);
  const chapter2 = page.locator('#search-filters input[name="section"][value="Chapter 2"]');
  // The count beside the filter is the number of results it leaves.
  const counted = Number((await chapter2.locator('..').textContent())?.match(/\((\d+)\)/u)?.[1]);
  expect(counted).toBeGreaterThan(0);
  expect(counted).toBeLessThan(all);
  await chapter2.check();
  await expect(page).toHaveURL(/section=Chapter\+2/u);
  await expect(page.locator('#search-status')).toHaveText(new RegExp(`^${counted} results`, 'u'));
  const titles = await page.locator('#search-results .result-title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const t of titles) expect(t).toMatch(/^Chapter 2\b/u);
});

test("Sokolniki finds Sokol'niki, and the landing page marks it", async ({ page }) => {
  await search(page, 'Sokolniki');
  const first = page.locator('#search-results > li').first();
  await expect(first.locator('mark').first()).toHaveText(/^Sokol'niki$/iu);
  const link = first.locator('a').first();
  const target = new URL((await link.getAttribute('href')) ?? '', 'http://x').hash.slice(1);
  await link.click();
  await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  await expect(page.locator('mark.pagefind-highlight').first()).toHaveText(/^Sokol'niki$/iu);
});

test('other transliterations are respelled the thesis\'s way', async ({ page }) => {
  await search(page, 'Ryutin');
  await expect(page.locator('#search-status')).toContainText('searched as Riutin');
  await expect(page.locator('#search-results mark').first()).toHaveText(/^Riutin/u);
});

test("the Glossary's Mossovet finds the text's Mossoviet, and the Glossary row", async ({ page }) => {
  await search(page, 'Mossovet');
  await expect(page.locator('#search-status')).toContainText('searched as Mossoviet');
  await expect(page.locator('#search-results mark').first()).toHaveText(/^Mossoviet$/u);
  await page.locator('#search-filters input[name="kind"][value="glossary"]').check();
  await expect(page.locator('#search-results .result-title').first()).toHaveText(/Glossary: Mossovet/u);
});

test('filter by kind: glossary terms', async ({ page }) => {
  await search(page, 'raikom');
  await page.locator('#search-filters input[name="kind"][value="glossary"]').check();
  await expect(page).toHaveURL(/kind=glossary/u);
  await expect(page.locator('#search-results .result-title').first()).toHaveText('Glossary: raikom');
  await expect(page.locator('#search-filters input[name="kind"][value="glossary"]').locator('..')).toContainText(/\(\d+\)/u);
});

test('the header box and "/" reach search, and Pagefind loads only when searching', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) loaded.push(r.url());
  });
  await page.goto('/chapter-1/');
  expect(loaded).toEqual([]);
  await page.keyboard.press('/');
  await expect(page.locator('#site-search-q')).toBeFocused();
  await page.keyboard.type('Bauman');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Bauman/u);
  await expect(page.locator('#search-status')).toContainText('result');
  expect(loaded.some((u) => u.endsWith('pagefind.js'))).toBe(true);
});

test('the search page with results has no accessibility violations', async ({ page }) => {
  test.setTimeout(90_000);
  await search(page, 'raikom');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});

test('in dark mode the search page with grouped results (marked terms inside links) has no accessibility violations', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  // "Uglanov" gives paragraphs grouped under their heading: sub-result links with <mark> inside.
  await search(page, 'Uglanov');
  await expect(page.locator('#search-results .sub-results a mark').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});

test('a word the edition does not have is said to be matched only by its beginning, not silently "found"', async ({ page }) => {
  // Pagefind answers an unindexed word with the words sharing its longest indexed prefix: alone, that is no result.
  for (const q of ['blorpt', 'xylophone', 'Kaganovitch']) {
    await search(page, q);
    await expect(page.locator('#search-status'), q).toHaveText(`No results for “${q}”.`);
    await expect(page.locator('#search-results > li'), q).toHaveCount(0);
  }
  // Beside a word that is found, it is said so.
  await search(page, 'blorpt raikom');
  await expect(page.locator('#search-status')).toContainText('no word in the edition begins “blorpt”; these results hold words beginning “b');
  // A word that is there, a form of it that stemming finds, and a note found by its abbreviation's expansion: no such note.
  // "organization": the thesis's "organisation" spelt otherwise, found, not a chance match.
  // "industrialization": printed twice, though stemming ranks "industry" first.
  for (const q of ['Uglanov', 'recruitment', 'Pravda 14/5/1929', 'organization', 'industrialization']) {
    await search(page, q);
    await expect(page.locator('#search-status'), q).not.toContainText('no word in the edition');
    await expect(page.locator('#search-status'), q).not.toContainText('No results');
  }
});

test('a misspelt name is answered with the edition\'s spelling: "Did you mean Bukharin?", a link to that search', async ({ page }) => {
  await search(page, 'Bucharin');
  const suggestion = page.locator('#search-suggest');
  await expect(suggestion).toHaveText('Did you mean Bukharin?');
  await expect(page.locator('#search-announce')).toContainText('Did you mean “Bukharin”?');
  await suggestion.getByRole('link', { name: 'Bukharin' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=Bukharin$/u);
  await expect(page.locator('#search-status')).toContainText(/^\d+ results? for “Bukharin”/u);
  await expect(suggestion).toBeHidden();
});

test('"Trotsky Archive" finds the notes that cite its documents as "T 2850"', async ({ page }) => {
  await search(page, 'Trotsky Archive');
  const ids = await allResultIds(page);
  expect(ids).toEqual(expect.arrayContaining(['ch2.2-n56', 'ch2.2-n89']));
  expect(ids.length).toBeGreaterThanOrEqual(20);
});

test('the page a result opens marks the words matched, as printed, and not every "the" and "of"', async ({ page }) => {
  await search(page, 'collectivization');
  const href = await page.locator('#search-results a[href*="highlight"]').first().getAttribute('href');
  expect(href).toContain('highlight=collectivisation');
  await page.goto(href as string);
  await expect(page.locator('mark.pagefind-highlight').first()).toBeVisible();
  await search(page, 'Stepanov director of the Serp i Molot');
  const stepanov = await page.locator('#search-results a[href*="highlight"]').first().getAttribute('href');
  expect(stepanov).not.toMatch(/highlight=(the|of)(&|#)/u);
});

test('back from a result, the results shown before (after "Show more") are there again, the one followed in view and focused', async ({ page }) => {
  await search(page, 'Uglanov');
  await page.locator('#search-more').click();
  await expect(page.locator('#search-status')).toContainText('(showing 20');
  const last = page.locator('#search-results a[href*="highlight"]').last();
  const href = await last.getAttribute('href');
  await last.click();
  await expect(page).not.toHaveURL(/\/search\//u);
  await page.goBack();
  // The same twenty results (grouped under their headings at once, so perhaps in fewer entries).
  await expect(page.locator('#search-status')).toContainText('(showing 20');
  await expect(page.locator(`#search-results a[href="${href}"]`)).toBeFocused();
  await expect(page.locator(`#search-results a[href="${href}"]`)).toBeInViewport();
});

test('on the search page "/" goes to its own box, and the keyboard can skip the filters to the results', async ({ page }) => {
  await search(page, 'Uglanov');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(page.locator('#search-input')).toBeFocused();
  await expect(page.locator('.site-header .site-search')).toBeHidden();
  const skip = page.locator('.skip-filters');
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#search-results') !== null)).toBe(true);
  // A filter value no result has ("glossary" for Uglanov) is shown with its 0 but is not a tab stop.
  const glossary = page.locator('#search-filters input[name="kind"][value="glossary"]');
  await expect(glossary).toBeDisabled();
  await expect(glossary.locator('..')).toContainText('(0)');
  const appendix = page.locator('#search-filters input[name="kind"][value="appendix"]');
  await expect(appendix).toBeEnabled();
  await appendix.focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).not.toBe('glossary');
});

test('a word searched as the typescript prints it, where the edition emends it ("Elektroavod"), finds the passages', async ({ page }) => {
  await search(page, 'Elektroavod');
  await expect(page.locator('#search-status')).toContainText(/^\d+ results? for “Elektroavod”/u);
  await expect(page.locator('#search-results .result-excerpt, #search-results .sub-results a').first()).toBeVisible();
  await expect(page.locator('#search-suggest')).toBeHidden();
});

test('a name finds the person\'s page first, then the passages', async ({ page }) => {
  await search(page, 'Uglanov');
  const first = page.locator('#search-results .result-title').first();
  await expect(first).toHaveText('People: Uglanov, N.A.');
  await first.click();
  await expect(page).toHaveURL(/\/people\/uglanov\//u);
});
