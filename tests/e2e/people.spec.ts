import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.describe('people pages', () => {
  test('a person page lists posts and mentions, and a mention lands on its paragraph', async ({ page }) => {
    await page.goto('/people/uglanov/');
    await expect(page.locator('h1')).toHaveText('Uglanov, N.A.');
    await expect(page.locator('table.posts-table tbody tr')).toHaveCount(10);
    await expect(page.locator('table.posts-table tbody tr').first()).toContainText('second secretary');
    await expect(page.locator('ul.changes li')).toHaveCount(2);
    const mentions = page.locator('ul.mentions li');
    await expect(mentions).toHaveCount(109);
    await expect(page.locator('ul.mentions li a[href*="-n"]').first()).toBeVisible(); // notes too
    const link = page.locator('ul.mentions li a[href*="#para-"]').first();
    const target = (await link.getAttribute('href')) as string;
    expect(target).toMatch(/^\/(introduction|chapter-\d|conclusion)\/#para-\d+$/u);
    await link.click();
    await expect(page).toHaveURL((url) => url.pathname + url.hash === target);
    await expect(page.locator(`[id="${target.split('#')[1]}"]`)).toContainText('Uglanov');
  });

  test('the timeline renders one mark per post', async ({ page }) => {
    await page.goto('/people/uglanov/');
    const chart = page.locator('.timeline-chart');
    await expect(chart).toHaveAttribute('data-drawn', 'true');
    await expect(chart.locator('svg .mark')).toHaveCount(12);
    await expect(chart.locator('svg .mark.change')).toHaveCount(2);
    await page.goto('/people/kamenev/');
    const marks = await page.locator('.timeline-chart').getAttribute('data-marks');
    await expect(page.locator('.timeline-chart svg .mark')).toHaveCount(Number(marks));
  });

  test('the index lists everyone with counts, and the data downloads parse', async ({ page, request }) => {
    await page.goto('/people/');
    await expect(page.locator('table.people-table tbody tr')).toHaveCount(124);
    await expect(page.locator('tr[data-person="uglanov"] td').last()).toHaveText('109');
    const people = (await (await request.get('/data/people.json')).json()) as { people: { id: string }[] };
    expect(people.people).toHaveLength(124);
    const rosters = (await (await request.get('/data/rosters.json')).json()) as { rosters: unknown[] };
    // 12 rosters and 8 lists of changes (the raion plenums after 18/10/1928 are a list of their own).
    expect(rosters.rosters).toHaveLength(20);
  });

  test('the work plans page shows the plans by month', async ({ page }) => {
    await page.goto('/appendices/work-plans/');
    await expect(page.locator('#by-month-plenum ~ .table-wrap table.month-table')).toHaveCount(4);
  });

  for (const route of ['/people/', '/people/uglanov/', '/people/kamenev/', '/appendices/work-plans/']) {
    test(`no accessibility violations on ${route}`, async ({ page }) => {
      test.setTimeout(180_000); // axe on a long page is slow on a shared machine
      await page.goto(route);
      await expect(page.locator('main')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  }
});
