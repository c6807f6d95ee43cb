import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.describe('archives index', () => {
  test('a file lists its folios and citing notes; follow a citing note to the note and back', async ({ page }) => {
    await page.goto('/archives/');
    await expect(page.locator('h1')).toHaveText('Archives');
    const file = page.locator('li#tsgaor-7952-3-493');
    await expect(file).toContainText('Delo 493');
    await expect(file).toContainText('folios cited: 10');
    const citing = file.locator('a.citing-note');
    await expect(citing).toHaveCount(2);
    // The citing note, its thesis page and its folio read as one line (no layout class leaks in).
    await expect(file.locator('.ref-page').first()).toHaveCSS('display', 'inline');
    await expect(citing.nth(0)).toHaveAttribute('href', '/chapter-2/#ch2.3-n20');
    await expect(citing.nth(1)).toHaveAttribute('href', '/conclusion/#concl-n11');
    await citing.nth(1).click();
    await expect(page).toHaveURL(/\/conclusion\/#concl-n11$/u);
    const note = page.locator('li#concl-n11');
    await expect(note).toBeInViewport();
    await expect(note).toContainText('7952/3/493, 10');
    // Back to the index: through the note's own link once annotations are rendered, else the browser's Back.
    const link = note.locator('a.archival-ref');
    if ((await link.count()) > 0) await link.first().click();
    else await page.goBack();
    await expect(page).toHaveURL(/\/archives\/(#tsgaor-7952-3-493)?$/u);
    await expect(page.locator('li#tsgaor-7952-3-493')).toBeVisible();
  });

  test('counts at every level, fond descriptions from the bibliography, and where the archives are now', async ({ page }) => {
    await page.goto('/archives/');
    await expect(page.locator('h3#tsgaor-7952')).toHaveText('Fond 7952: History of Factories');
    await expect(page.locator('h3#tsgaor-5469')).toContainText("Central Committee of All-Union Metalworkers' Union");
    await expect(page.locator('section.archive').first().locator('p.counts').first()).toHaveText('69 references · 17 files · 3 fonds cited, 1 more fond listed in the bibliography');
    // A note is printed at the foot of the page its block ends, so its page is exact, even in Chapter 2, where two page starts are placed by length.
    await expect(page.locator('li#tsgaor-7952-3-493 .ref-page').first()).toHaveText(' (thesis p. 109)');
    await expect(page.locator('li#tsgaor-7952-3-488 .ref-page').first()).toHaveText(' (thesis p. 13)');
    await expect(page.locator('.ref-page', { hasText: '≈' })).toHaveCount(0);
    await expect(page.locator('#tsgaor-today').locator('..')).toContainText('GARF');
    await expect(page.locator('#trotsky-archive-today').locator('..')).toContainText('Houghton Library');
    await expect(page.locator('#trotsky-archive-today').locator('..')).toContainText('unverified');
    await expect(page.locator('li#t-2850 a.citing-note').first()).toHaveAttribute('href', /^\/chapter-2\/#ch2\.2-n\d+$/u);
  });

  test('the archives index passes axe (WCAG 2.2 AA)', async ({ page }) => {
    await page.goto('/archives/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});

test.describe('downloads', () => {
  test('archival references as CSV and JSON, the bibliography as BibTeX and CSL-JSON', async ({ request }) => {
    const csv = await request.get('/data/archival-references.csv');
    expect(csv.ok()).toBe(true);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,archive,successor_editorial,fond,opis,delo,folios,form,raw,remarks,section,note,note_number,scope,original_page,original_page_approximate,source_line,note_url,index_url,continues');
    expect(lines.length).toBeGreaterThan(80);
    const json = (await (await request.get('/data/archival-references.json')).json()) as { references: { archive: string; delo: string; note: string }[] };
    expect(json.references.length).toBe(lines.length - 1);
    expect(json.references).toContainEqual(expect.objectContaining({ archive: 'TsGAOR', delo: '493', note: 'concl-n11' }));
    const bib = await (await request.get('/data/bibliography.bib')).text();
    expect(bib).toContain('@book{bib-chase-1987,');
    const csl = (await (await request.get('/data/bibliography.csl.json')).json()) as { id: string }[];
    expect(csl.map((x) => x.id)).toContain('bib-chase-1987');
  });
});

test.describe('citations in the notes', () => {
  test('from a note, follow an archival citation to its entry in the index', async ({ page }) => {
    await page.goto('/chapter-3/');
    const link = page.locator('li#ch3-n59 a.archival-ref');
    await expect(link).toHaveText('7952/3/82, 152');
    await link.click();
    await expect(page).toHaveURL(/\/archives\/#tsgaor-7952-3-82$/u);
    await expect(page.locator('li#tsgaor-7952-3-82')).toBeInViewport();
    await expect(page.locator('li#tsgaor-7952-3-82 a.citing-note[href="/chapter-3/#ch3-n59"]')).toHaveCount(1);
  });

  test('hover or focus an op. cit. and see the full reference', async ({ page }) => {
    await page.goto('/introduction/');
    const opcit = page.locator('li#intro-n26 a.bib');
    await expect(opcit).toHaveText('op. cit.');
    await expect(opcit).toHaveAttribute('title', /Chase, W\. J\., Workers, Society and the Soviet State/u);
    await opcit.hover();
    await opcit.focus();
    await expect(opcit).toBeFocused();
    await expect(opcit).toHaveAttribute('href', '/bibliography/#bib-chase-1987');
  });

  test('follow "see below, p. 108" to the page in Chapter 2', async ({ page }) => {
    await page.goto('/introduction/');
    const xref = page.locator('li#intro-n57 a.xref');
    await expect(xref).toHaveText('p. 108');
    await xref.click();
    await expect(page).toHaveURL(/\/chapter-2\/#page-108$/u);
    await expect(page.locator('#page-108')).toBeInViewport();
  });
});

test.describe('cite this', () => {
  test('a chapter is citable without JavaScript, and links to the citations of its paragraphs', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/chapter-3/');
    const cite = page.locator('.section-header details.cite-this');
    await cite.locator('summary').click();
    await expect(cite.locator('[data-cite-format="chicago"]')).toContainText('“Party Membership and Recruitment in Moscow.” Chapter 3 of “The Communist Party in Moscow 1925-1932.” PhD diss., University of Birmingham, 1987, 119–145.');
    await expect(cite.locator('[data-cite-format="ris"]')).toContainText('SP  - 119');
    await cite.getByRole('link', { name: 'Cite a single paragraph' }).click();
    await expect(page).toHaveURL(/\/chapter-3\/cite\/$/u);
    // Every paragraph's citations are there as text, open, with its pages.
    const first = page.locator('section.para-cite').first();
    await expect(first.locator('[data-cite-format="chicago"]')).toBeVisible();
    await expect(first.locator('[data-cite-format="chicago"]')).toContainText('paragraph 1 of');
    // Without JavaScript the date of access is left for the reader, and the page says so.
    await expect(first.locator('[data-cite-format="chicago"]')).toContainText('Accessed [date accessed].');
    await expect(first.locator('.cite-accessed')).toBeVisible();
    await context.close();
  });

  test("the page writes the reader's date of access into each citation; a paragraph on a page placed by length is cited as approximate", async ({ page }) => {
    await page.goto('/conclusion/cite/');
    const first = page.locator('section.para-cite').first();
    const now = new Date();
    const month = now.toLocaleString('en-US', { month: 'long' });
    await expect(first.locator('[data-cite-format="chicago"]')).toContainText(`Accessed ${month} ${now.getDate()}, ${now.getFullYear()}.`);
    await expect(first.locator('[data-cite-format="bibtex"]')).toContainText(`urldate = {${now.getFullYear()}-`);
    await expect(first.locator('.cite-accessed')).toBeHidden();
    // The Conclusion's pages after its first are placed by length ("≈" in the text): its cited pages say so.
    const approx = page.locator('section.para-cite:has(.para-pages abbr)').first();
    await expect(approx.locator('[data-cite-format="chicago"]')).toContainText('(approximate).');
    const exact = page.locator('section.para-cite:not(:has(.para-pages abbr))').first();
    await expect(exact.locator('[data-cite-format="chicago"]')).not.toContainText('approximate');
  });

  test('the ¶ after a paragraph leads to its citation, with the pages it runs over', async ({ page }) => {
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.goto('/chapter-3/');
    // A paragraph cut by a page end: its citation gives both pages.
    const para = page.locator('.section-body > p:not([class]):has(.pb-inline)').first();
    const id = await para.getAttribute('id');
    const pages = (await para.locator('.pb-inline').first().textContent())?.match(/\d+/u)?.[0];
    await para.hover();
    const pilcrow = para.locator('a.para-cite-link');
    await expect(pilcrow).toBeVisible();
    await expect(pilcrow).toHaveAccessibleName('Cite this paragraph');
    await pilcrow.click();
    await expect(page).toHaveURL(new RegExp(`/chapter-3/cite/#${id}$`, 'u'));
    const entry = page.locator(`section.para-cite#${id}`);
    await expect(entry).toBeInViewport();
    await expect(entry.locator('[data-cite-format="chicago"]')).toContainText(`${Number(pages) - 1}–${pages}`);
    await expect(entry.locator('[data-cite-format="chicago"]')).toContainText(`/chapter-3/#${id}`);
    await expect(entry.locator('.cite-copy').first()).toBeVisible();
    // And back to the paragraph.
    await entry.getByRole('link', { name: /in the text/u }).click();
    await expect(page).toHaveURL(new RegExp(`/chapter-3/#${id}$`, 'u'));
  });

  test('the paragraph citations page passes axe (WCAG 2.2 AA)', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/conclusion/cite/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the paragraph citations page skips no heading level (paragraphs before the first heading hang from the h1)', async ({ page }) => {
    await page.goto('/chapter-2/cite/');
    const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels.length).toBeGreaterThan(100);
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((l, i) => (i > 0 && l > (levels[i - 1] ?? 0) + 1 ? [`h${levels[i - 1]} → h${l} at heading ${i + 1}`] : []));
    expect(skips).toEqual([]);
  });
});
