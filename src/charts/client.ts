/**
 * Browser entry of the table charts: draws every `.chart[data-chart]` on the page from the JSON
 * spec it carries. Bundled by Astro only into pages that use TableFigure.
 */
import { drawChart } from './draw.ts';
import type { ChartSpec } from './spec.ts';

function drawAll(): void {
  for (const el of document.querySelectorAll<HTMLElement>('.chart[data-chart]')) {
    if (el.dataset['drawn']) continue;
    const json = el.querySelector('script.chart-spec')?.textContent;
    if (!json) continue;
    drawChart(el, JSON.parse(json) as ChartSpec);
  }
}

drawAll();
