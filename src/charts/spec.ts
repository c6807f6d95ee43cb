/**
 * A chart described as data: what the browser draws with d3 (src/charts/draw.ts), what the page
 * says without JavaScript, and what the tests count. Built at build time from a DataTable.
 */

/** One drawn figure: a point or a bar (segment). `text` is its tooltip and accessible name. */
export interface Datum {
  value: number;
  text: string;
  /** The printed arithmetic fails here (the table's flag list says how). */
  flagged: boolean;
}

export interface LineSeries {
  name: string;
  dashed: boolean;
  points: (Datum & { x: number })[];
}

export interface LineChartSpec {
  kind: 'line';
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  /** Shaded stretches of the x axis with a label (the civil war). */
  bands: { from: number; to: number; label: string }[];
}

export interface BarSeries {
  name: string;
  /** One per category; null where the table prints no figure. */
  values: (Datum | null)[];
}

/** Horizontal bars, one group per category, one bar per series. */
export interface GroupedBarChartSpec {
  kind: 'grouped-bar';
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: BarSeries[];
}

/** Vertical bars, one per category, stacked by series; a tick marks the printed total. */
export interface StackedBarChartSpec {
  kind: 'stacked-bar';
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: BarSeries[];
  totals: (Datum | null)[];
}

export type ChartSpec = LineChartSpec | GroupedBarChartSpec | StackedBarChartSpec;

/** How many focusable marks a chart draws: one per point or bar (segment). */
export function markCount(spec: ChartSpec): number {
  if (spec.kind === 'line') return spec.series.reduce((n, s) => n + s.points.length, 0);
  return spec.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
}
