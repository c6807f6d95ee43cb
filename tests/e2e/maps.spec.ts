import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The three reconstructed maps, with the number of areas the thesis's captions call for. */
const MAPS = [
  { path: '/maps/1925/', areaClass: 'raion', areas: 6, minPlaces: 20 },
  { path: '/maps/1930/', areaClass: 'raion', areas: 10, minPlaces: 20 },
  { path: '/maps/oblast-1930/', areaClass: 'okrug', areas: 10, minPlaces: 8 },
] as const;

const LOCAL = new Set(['127.0.0.1', 'localhost']);

/** Block every request that leaves the machine, and record it. */
async function blockExternal(page: Page): Promise<string[]> {
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || LOCAL.has(url.hostname)) return route.continue();
    external.push(url.href);
    return route.abort();
  });
  return external;
}

interface Payload {
  areas: { id: string }[];
  places: { id: string; passages: { href: string }[] }[];
}

async function payloadOf(page: Page): Promise<Payload> {
  return JSON.parse((await page.locator('script.map-data').textContent()) ?? '{}') as Payload;
}

for (const m of MAPS) {
  test.describe(`map page ${m.path}`, () => {
    test('renders its polygons and markers with no request leaving the machine', async ({ page }) => {
      const external = await blockExternal(page);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      await page.goto(m.path);
      await expect(page.locator('.reconstruction-notice h2')).toHaveText('Reconstruction');
      await expect(page.locator('.leaflet-container')).toHaveCount(1);
      const data = await payloadOf(page);
      expect(data.areas).toHaveLength(m.areas);
      expect(data.places.length).toBeGreaterThanOrEqual(m.minPlaces);
      // Every area is an SVG path in Leaflet's overlay pane, and every place a focusable marker.
      await expect(page.locator(`.leaflet-overlay-pane path.${m.areaClass}`)).toHaveCount(m.areas);
      for (const a of data.areas) await expect(page.locator(`.leaflet-overlay-pane path.${m.areaClass}-${a.id}`)).toHaveCount(1);
      // Every place has a focusable marker of its own, or is one of a numbered group of close places.
      await expect(page.locator('.leaflet-marker-pane .place-marker').first()).toBeVisible();
      const singles = await page.locator('.leaflet-marker-pane .place-marker').evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
      const grouped = await page.locator('.leaflet-marker-pane .place-group').evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-places') ?? '').split(' ')));
      expect([...singles, ...grouped].sort()).toEqual(data.places.map((p) => p.id).sort());
      const targets = page.locator('.leaflet-marker-pane .place-marker, .leaflet-marker-pane .place-group');
      await expect(page.locator('.leaflet-marker-pane [role="button"][tabindex="0"]')).toHaveCount(await targets.count());
      // The fallback table lists the same places.
      await expect(page.locator('table.place-table tbody tr')).toHaveCount(data.places.length);
      await page.waitForLoadState('networkidle');
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('has no axe violations (WCAG 2.2 AA)', async ({ page }) => {
      await blockExternal(page);
      await page.goto(m.path);
      await expect(page.locator('.leaflet-marker-pane .place-marker').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  });
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('has no axe violations with a popup open', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/1925/');
    await page.locator('.place-marker[data-place="serp-i-molot"]').click();
    await expect(page.locator('.leaflet-popup .map-popup-passages li').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
});

test.describe('places and passages', () => {
  test('clicking a marker opens a popup listing the passages; a link lands on the passage', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/1925/');
    const data = await payloadOf(page);
    const trekh = data.places.find((p) => p.id === 'trekhgornaya');
    expect(trekh?.passages.length).toBeGreaterThanOrEqual(4);
    await page.locator('.place-marker[data-place="trekhgornaya"]').click();
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    await expect(popup.locator('.map-popup-title')).toContainText('Trekhgornaya');
    await expect(popup.locator('.map-popup-passages a')).toHaveCount(trekh?.passages.length ?? -1);
    const link = popup.locator('.map-popup-passages a[href="/introduction/#para-26"]');
    await expect(link).toHaveText(/Introduction, para\. 26/u);
    // The link is followed as a reader's activation does (the element's own click), not by a mouse at
    // coordinates: on a loaded machine the popup can still be panning into view, and a pointer click
    // then lands on the map and closes it (seen once in CI).
    await Promise.all([page.waitForURL(/\/introduction\/#para-26$/u, { timeout: 15_000 }), link.evaluate((a) => (a as HTMLAnchorElement).click())]);
    const para = page.locator('p#para-26');
    await expect(para).toBeInViewport();
    await expect(para).toContainText('Trekhgornaya Manufaktura');
  });

  test('a note passage link lands on the note', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/1925/');
    await page.locator('.place-marker[data-place="kauchuk"]').click();
    const link = page.locator('.leaflet-popup .map-popup-passages a[href="/chapter-4/#ch4-n21"]');
    await expect(link).toBeVisible();
    // Followed by the element's own click, as above: a pointer click can land on the map while the popup pans.
    await Promise.all([page.waitForURL(/\/chapter-4\/#ch4-n21$/u, { timeout: 15_000 }), link.evaluate((a) => (a as HTMLAnchorElement).click())]);
    await expect(page.locator('li#ch4-n21')).toBeInViewport();
    await expect(page.locator('li#ch4-n21')).toContainText('Kauchuk');
  });

  test('markers work from the keyboard', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/oblast-1930/');
    const marker = page.locator('.place-marker[data-place="podolsk"]');
    await marker.focus();
    await expect(marker).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.leaflet-popup .map-popup-title')).toHaveText("Podol'sk");
    await expect(page.locator('.leaflet-popup .map-popup-passages a').first()).toHaveAttribute('href', /^\/[a-z0-9-]+\/#/u);
  });

  test('a numbered group of close places separates when activated', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/1925/');
    const group = page.locator('.place-group').first();
    const ids = ((await group.getAttribute('data-places')) ?? '').split(' ');
    expect(ids.length).toBeGreaterThan(1);
    await group.focus();
    await page.keyboard.press('Enter');
    // After zooming in, at least one of the group's places has its own marker.
    await expect(page.locator(ids.map((id) => `.place-marker[data-place="${id}"]`).join(', ')).first()).toBeVisible();
  });

  test('a link from the text (#place-…) opens that place on the map', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/1925/#place-elektrozavod');
    await expect(page.locator('tr#place-elektrozavod')).toHaveCount(1);
    await expect(page.locator('.leaflet-popup .map-popup-title')).toHaveText('Elektrozavod');
  });

  test('"Show on map" in the table focuses the marker and opens its popup', async ({ page }) => {
    await blockExternal(page);
    await page.goto('/maps/1930/');
    await page.locator('tr#place-dinamo button.show-on-map').click();
    await expect(page.locator('.place-marker[data-place="dinamo"]')).toBeFocused();
    await expect(page.locator('.leaflet-popup .map-popup-title')).toHaveText('Dinamo works');
    await expect(page.locator('.leaflet-popup')).toContainText('Bauman raion');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the notice and the tables of raions and places, with their passages, are there', async ({ page }) => {
    await page.goto('/maps/1930/');
    await expect(page.locator('.reconstruction-notice')).toContainText('schematic');
    await expect(page.locator('table.raion-table tbody tr')).toHaveCount(10);
    await expect(page.locator('tr#raion-stalinskii')).toContainText('Blagu-Lefortovo');
    const serp = page.locator('tr#place-serp-i-molot');
    await expect(serp).toContainText('Rogozhsko-Simonovskii');
    await expect(serp).toContainText('Proletarskii');
    expect(await serp.locator('ul.passages a').count()).toBeGreaterThanOrEqual(30);
    await expect(page.locator('button.show-on-map').first()).toBeHidden();
  });
});

test('on a phone every raion\'s and okrug\'s name lies within the map as it opens (the map leaves room at its sides)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const { path } of MAPS) {
    await page.goto(path);
    const canvas = page.locator('.map-canvas').first();
    await expect(canvas.locator('.map-label:is(.raion-label, .okrug-label)').first()).toBeAttached();
    const outside = await canvas.evaluate((c) => {
      const box = c.getBoundingClientRect();
      return [...c.querySelectorAll('.map-label:is(.raion-label, .okrug-label) span')].filter((l) => {
        const r = l.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      }).map((l) => l.textContent);
    });
    expect(outside, path).toEqual([]);
  }
});

test('as each map opens, on a desktop and on a phone, no numbered group marker covers a raion\'s or okrug\'s name', async ({ page }) => {
  for (const size of [{ width: 1300, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    for (const { path } of MAPS) {
      await page.goto(path);
      const canvas = page.locator('.map-canvas').first();
      await expect(canvas.locator('.leaflet-marker-pane .place-marker').first()).toBeVisible();
      const covered = await canvas.evaluate((c) => {
        const groups = [...c.querySelectorAll('.leaflet-marker-pane :is(.place-group, .place-marker)')].map((g) => g.getBoundingClientRect());
        return [...c.querySelectorAll('.map-label:is(.raion-label, .okrug-label) span')].flatMap((l) => {
          const r = l.getBoundingClientRect();
          const hit = groups.some((g) => g.left < r.right && r.left < g.right && g.top < r.bottom && r.top < g.bottom);
          return r.width > 0 && hit ? [l.textContent] : [];
        });
      });
      expect(covered, `${path} at ${size.width} px`).toEqual([]);
    }
  }
});
