import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

/** Notes (ids) whose text cites a given file, computed from the generated notes download. */
function notesCiting(pattern: RegExp): string[] {
  const notes = JSON.parse(readFileSync('dist/data/notes.json', 'utf8')) as { id: string; text: string }[];
  return notes.filter((n) => pattern.test(n.text)).map((n) => n.id);
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
  // Every note whose text has the reference is among them; the others continue it ("TsGAOR, loc. cit.").
  for (const id of notesCiting(/7952\/\s*3\/\s*253\b/u)) expect(expected).toContain(id);
  await search(page, '7952/3/253');
  const hrefs = await allResultIds(page);
  expect(hrefs.sort()).toEqual(expected.sort());
});

test('T 2850 finds the notes citing Trotsky Archive document 2850', async ({ page }) => {
  const expected = notesCiting(/\bT\s*\)?,?\s*2850\b|\(T\),\s*2850/u);
  expect(expected.length).toBeGreaterThan(0);
  await search(page, 'T 2850');
  const hrefs = await allResultIds(page);
  expect(hrefs.sort()).toEqual(expected.sort());
});

test('filter by chapter', async ({ page }) => {
  await search(page, 'Uglanov');
  const all = await page.locator('#search-results > li').count();
  await page.locator('#search-filters input[name="section"][value="Chapter 2"]').check();
  await expect(page.locator('#search-status')).toContainText('result');
  await expect(page).toHaveURL(/section=Chapter\+2/u);
  const titles = await page.locator('#search-results .result-title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.length).toBeLessThanOrEqual(all);
  for (const t of titles) expect(t).toMatch(/Chapter 2/u);
});

test("Sokolniki finds Sokol'niki", async ({ page }) => {
  await search(page, 'Sokolniki');
  await expect(page.locator('#search-results > li').first()).toBeVisible();
  await expect(page.locator('#search-results').first()).toContainText("Sokol'niki");
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
