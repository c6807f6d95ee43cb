import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every page of the built site, as a route ('/chapter-2/'). */
function builtRoutes(dir = 'dist', prefix = '/'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '_astro' || name === 'pagefind' || name === 'data') return [];
    if (statSync(path).isDirectory()) return builtRoutes(path, `${prefix}${name}/`);
    return name === 'index.html' ? [prefix] : [];
  });
}

const routes = builtRoutes();

test.describe('every page', () => {
  test('loads with zero requests to other hosts and no CSP or script errors', async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    const origin = new URL(baseURL ?? 'http://127.0.0.1:4321').host;
    const external: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol !== 'data:' && url.host !== origin) {
        external.push(url.toString());
        return route.abort();
      }
      return route.continue();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(200);
      await expect(page.locator('main')).toBeVisible();
    }
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** One page of each type (those that exist in this build): axe with WCAG 2.2 AA tags. */
const pageTypes = ['/', '/introduction/', '/tables/', '/glossary/', '/bibliography/', '/appendices/', '/about/', '/emendations/', '/archives/', '/search/', '/maps/1925/', '/people/', '/tables/1/'].filter((r) =>
  existsSync(join('dist', r, 'index.html')),
);

for (const route of pageTypes) {
  test(`no accessibility violations on ${route}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(route);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
}

test('a note containing markup-like text renders it as text (escaping)', async ({ page }) => {
  // The renderer escapes every source character; the unit tests cover <script>. Here: the built
  // pages contain no script element that did not come from the site's own bundles.
  await page.goto('/chapter-5/');
  const inline = await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((t) => /alert|<\//u.test(t)));
  expect(inline).toEqual([]);
});

test('responsive down to 320 px: no page scrolls sideways', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const route of ['/', '/chapter-2/', '/chapter-2/cite/', '/introduction/cite/', '/conclusion/cite/', '/tables/', '/glossary/', '/bibliography/', '/about/', '/emendations/', '/archives/']) {
    await page.goto(route);
    // Open every folded block too ("Cite this chapter", with its BibTeX and RIS).
    await page.locator('main details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
});

test('table cells never break a word in the middle, wide or on a phone (tables scroll in their frames instead)', async ({ page }) => {
  test.setTimeout(120_000);
  for (const width of [1300, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const route of ['/emendations/', '/people/', '/people/uglanov/', '/appendices/work-plans/', '/glossary/', '/abbreviations/', '/tables/4/', '/maps/1930/']) {
      await page.goto(route);
      const split = await page.locator('main').evaluate((main) => {
        const out: string[] = [];
        for (const cell of main.querySelectorAll('td, th')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (const m of (n.textContent ?? '').matchAll(/\p{L}{4,}/gu)) {
              const r = document.createRange();
              r.setStart(n, m.index);
              r.setEnd(n, m.index + m[0].length);
              const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
              if (lines.size > 1) out.push(m[0]);
            }
          }
        }
        return out;
      });
      expect(split, `${route} at ${width} px`).toEqual([]);
    }
  }
});

test('on a phone a table\'s caption wraps within the table\'s frame, not cut at its edge (Chapter 3)', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/chapter-3/');
  const frames = await page.locator('.section-body > .table-wrap').evaluateAll((ws) =>
    ws.flatMap((w) => {
      const c = w.querySelector(':scope > table > caption');
      return c ? [{ frame: w.getBoundingClientRect(), caption: c.getBoundingClientRect(), wider: w.scrollWidth > w.clientWidth }] : [];
    }),
  );
  expect(frames.some((f) => f.wider)).toBe(true);
  for (const f of frames) expect(f.caption.right).toBeLessThanOrEqual(f.frame.right + 1);
});

test('print: a chapter prints with its notes and page markers, without the site chrome', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/chapter-1/');
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('section.notes').first()).toBeVisible();
  await expect(page.locator('#page-23')).toBeVisible();
  // In place of the folded citation widget, the chapter's citation with its URL; the other formats stay out.
  await expect(page.locator('.cite-this summary')).toBeHidden();
  await expect(page.locator('.cite-this [data-cite-format="chicago"]')).toBeVisible();
  await expect(page.locator('.cite-this [data-cite-format="chicago"]')).toContainText('/chapter-1/');
  await expect(page.locator('.cite-this [data-cite-format="bibtex"]')).toBeHidden();
});

test('on a phone the header keeps the dark-mode button\'s room from the first paint: the page does not jump when its module shows it', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // Before the module runs (here: never), the button's room is kept, unseen and out of the tab order.
  await page.route(/ThemeToggle.*\.js$/u, (route) => route.abort());
  await page.goto('/chapter-1/');
  const before = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
  await expect(page.locator('.theme-toggle')).toBeHidden();
  await page.unroute(/ThemeToggle.*\.js$/u);
  await page.goto('/chapter-1/');
  await expect(page.locator('.theme-toggle')).toBeVisible();
  expect(await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height)).toBe(before);
});

test('print: paper is light whatever the screen\'s scheme, so page markers and labels print dark on white', async ({ page }) => {
  for (const scheme of ['dark', 'toggle'] as const) {
    if (scheme === 'dark') await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    else {
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await page.addInitScript(() => window.localStorage.setItem('edition-theme', 'dark'));
    }
    await page.goto('/chapter-1/');
    const colours = await page.evaluate(() => ['#page-23', '.section-label', '.pagination-note'].map((s) => getComputedStyle(document.querySelector(s) as Element).color));
    // --muted's light value, #5b554e (7.4:1 on white), not its dark one, #b8b0a4 (2.1:1).
    expect(colours, scheme).toEqual(['rgb(91, 85, 78)', 'rgb(91, 85, 78)', 'rgb(91, 85, 78)']);
  }
});

test('on a phone the people pages\' captions wrap within the screen (Uglanov, Bauman)', async ({ page }) => {
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 700 });
    for (const route of ['/people/uglanov/', '/people/bauman/']) {
      await page.goto(route);
      const caption = await page.locator('main caption').first().evaluate((c) => {
        const r = document.createRange();
        r.selectNodeContents(c);
        // The frame that clips it: the nearest box that scrolls (the table itself, when it was made to scroll).
        let frame: Element | null = c.parentElement;
        while (frame && getComputedStyle(frame).overflowX === 'visible') frame = frame.parentElement;
        return { right: Math.max(...[...r.getClientRects()].map((x) => x.right)), frameRight: frame?.getBoundingClientRect().right ?? Infinity };
      });
      expect(caption.right, `${route} at ${width} px`).toBeLessThanOrEqual(Math.min(width, caption.frameRight) + 1);
    }
  }
});

test('a table that scrolls sideways on a phone shows it, and its frame is a named tab stop', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 700 });
  for (const route of ['/chapter-3/', '/chapter-5/', '/tables/', '/emendations/', '/people/uglanov/', '/people/', '/appendices/work-plans/', '/maps/1925/', '/tables/4/']) {
    await page.goto(route);
    const problems = await page.locator('main').evaluate((main) => {
      const out: string[] = [];
      let scrolling = 0;
      for (const el of main.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(el);
        if (!/auto|scroll/u.test(style.overflowX) || el.scrollWidth <= el.clientWidth + 1 || el.closest('.leaflet-container, svg')) continue;
        if (!el.querySelector('table')) continue;
        scrolling += 1;
        const what = `${el.tagName.toLowerCase()}.${el.className}`;
        if (el.tabIndex < 0) out.push(`${what}: not a tab stop`);
        const labelledBy = el.getAttribute('aria-labelledby');
        const name = el.getAttribute('aria-label') ?? (labelledBy ? document.getElementById(labelledBy)?.textContent : null);
        if (!name?.trim()) out.push(`${what}: no accessible name`);
        // The cue: a shadow drawn at the edge where the table goes on (backgrounds fixed to the frame).
        if (!/gradient/u.test(style.backgroundImage) || !/scroll/u.test(style.backgroundAttachment)) out.push(`${what}: no edge shadow`);
      }
      return { out, scrolling };
    });
    expect(problems.scrolling, `${route}: a table that scrolls`).toBeGreaterThan(0);
    expect(problems.out, route).toEqual([]);
  }
});

test('the scroll cue shows at the edge where a table goes on, and not where it has ended', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/emendations/');
  const frame = page.locator('main .table-wrap').first();
  await frame.scrollIntoViewIfNeeded();
  // Mean brightness of the frame's first and last columns of pixels, decoded in the page (no PNG library here).
  const edges = async (): Promise<{ left: number; right: number }> => {
    const shot = (await frame.screenshot()).toString('base64');
    return page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return { left: NaN, right: NaN };
      ctx.drawImage(img, 0, 0);
      const column = (x: number): number => {
        const px = ctx.getImageData(x, 0, 1, img.height).data;
        let sum = 0;
        for (let i = 0; i < px.length; i += 4) sum += (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
        return sum / img.height;
      };
      return { left: column(1), right: column(img.width - 2) };
    }, shot);
  };
  const start = await edges();
  expect(start.right).toBeLessThan(start.left - 3);
  await frame.evaluate((f) => f.scrollTo({ left: f.scrollWidth }));
  const end = await edges();
  expect(end.left).toBeLessThan(end.right - 3);
});
