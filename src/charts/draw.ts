/**
 * Draws a ChartSpec with d3 sub-modules into its container. Marks are reachable from the keyboard
 * (one tab stop per chart, arrow keys move between marks) and show their value on focus or hover;
 * colours are CSS custom properties, so dark mode and print follow the page.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { select, type Selection } from 'd3-selection';
import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import type { ChartSpec, Datum, GroupedBarChartSpec, LineChartSpec, StackedBarChartSpec } from './spec.ts';
import { interact } from './interact.ts';
import { centreWithin, chartAriaLabel, wrapLabel } from './chart-labels.ts';

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

const thousands = format(',');

/**
 * A value axis's ticks, thinned until their labels have room: at 320px the bars' plot is barely
 * 100px wide, and d3's "about n ticks" still gives 0, 100,000 and 200,000, set edge to edge.
 * A label is taken to need 6.5px a character and 12px between labels (the charts' 11px type).
 */
export function spacedTicks(x: { ticks(n: number): number[]; (v: number): number }, wanted: number): number[] {
  let ticks = x.ticks(Math.max(2, wanted));
  const room = (t: number[]): boolean => t.every((v, i) => i === 0 || x(v) - x(t[i - 1] as number) >= thousands(v).length * 6.5 + 12);
  while (ticks.length > 2 && !room(ticks)) ticks = ticks.filter((_, i) => i % 2 === 0);
  return ticks;
}

/** Space kept between an axis label and the edge of the drawing. */
const EDGE = 4;
/** From one line of a wrapped axis label to the next (the labels are 11px). */
const LINE_HEIGHT = 13;

/** An axis label broken into lines, with the width of its widest line as drawn. */
interface AxisLabel {
  lines: string[];
  width: number;
}

interface Frame {
  svg: Svg;
  plot: G;
  width: number;
  height: number;
  m: { top: number; right: number; bottom: number; left: number };
  xLabel: AxisLabel;
  yLabel: AxisLabel;
}

/** How wide a piece of text is drawn as an axis label, in the svg's units (the page's font and size). */
function labelMeasurer(svg: Svg): { measure: (s: string) => number; done: () => void } {
  const probe = svg.append('text').attr('class', 'axis-label').attr('aria-hidden', 'true');
  return {
    measure: (s) => probe.text(s).node()?.getComputedTextLength() ?? 0,
    done: () => probe.remove(),
  };
}

function layoutLabel(text: string, maxWidth: number, measure: (s: string) => number): AxisLabel {
  const lines = wrapLabel(text, maxWidth, measure);
  return { lines, width: Math.max(...lines.map(measure)) };
}

/**
 * The svg and its plot area. The axis labels are measured first: where the x label needs more than
 * one line (a phone), the drawing grows by those lines below the axis, so the plot keeps its size.
 */
function frame(container: HTMLElement, spec: ChartSpec, baseHeight: number, margins: Frame['m']): Frame {
  // Drawn at the width it is shown (down to a 320px phone's column), so its type is never scaled down.
  const width = Math.max(240, Math.min(760, Math.round(container.clientWidth || 640)));
  const svg = select(container)
    .append('svg')
    .attr('class', `chart-svg chart-${spec.kind}`)
    .attr('role', 'group')
    .attr('aria-roledescription', 'chart')
    .attr('aria-label', chartAriaLabel(spec));
  const { measure, done } = labelMeasurer(svg);
  const xLabel = layoutLabel(spec.xLabel, width - 2 * EDGE, measure);
  const extra = (xLabel.lines.length - 1) * LINE_HEIGHT;
  const height = baseHeight + extra;
  const m = { ...margins, bottom: margins.bottom + extra };
  const yLabel = layoutLabel(spec.yLabel, height - 2 * EDGE, measure);
  done();
  svg.attr('viewBox', `0 0 ${width} ${height}`);
  const plot = svg.append('g').attr('class', 'plot');
  return { svg, plot, width, height, m, xLabel, yLabel };
}

/** Draw a label's lines centred on (0, 0) of its text element's own coordinates, one below another. */
function labelLines(text: Selection<SVGTextElement, unknown, null, undefined>, label: AxisLabel, x: number): void {
  if (label.lines.length === 1) {
    text.text(label.lines[0] ?? '');
    return;
  }
  label.lines.forEach((line, i) => text.append('tspan').attr('x', x).attr('dy', i === 0 ? 0 : LINE_HEIGHT).text(line));
}

/** The axis labels, each centred on its axis unless that would push it past the edge of the drawing. */
function axisLabels(f: Frame): void {
  const cx = centreWithin(f.m.left + (f.width - f.m.left - f.m.right) / 2, f.xLabel.width, EDGE, f.width - EDGE);
  const x = f.svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', cx)
    .attr('y', f.height - 6 - (f.xLabel.lines.length - 1) * LINE_HEIGHT)
    .attr('text-anchor', 'middle');
  labelLines(x, f.xLabel, cx);
  const cy = centreWithin(f.m.top + (f.height - f.m.top - f.m.bottom) / 2, f.yLabel.width, EDGE, f.height - EDGE);
  const y = f.svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${cy}) rotate(-90)`).attr('text-anchor', 'middle');
  labelLines(y, f.yLabel, 0);
}

function markAttrs<E extends SVGElement, D extends Datum>(sel: Selection<E, D, SVGGElement, unknown>): void {
  sel
    .attr('class', (d) => `mark${d.flagged ? ' flagged' : ''}`)
    .attr('role', 'img')
    .attr('aria-label', (d) => d.text);
}

function legend(container: HTMLElement, names: readonly { name: string; dashed?: boolean }[]): void {
  const ul = select(container).append('ul').attr('class', 'chart-legend');
  names.forEach((s, k) => {
    const li = ul.append('li');
    li.append('span').attr('class', `swatch series-${k}${s.dashed ? ' dashed' : ''}`).attr('aria-hidden', 'true');
    li.append('span').text(s.name);
  });
}

function drawLine(container: HTMLElement, spec: LineChartSpec): Svg {
  const f = frame(container, spec, 340, { top: 20, right: 16, bottom: 48, left: 76 });
  const xs = spec.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p.value));
  const x = scaleLinear()
    .domain([Math.min(...xs), Math.max(...xs)])
    .range([f.m.left + 8, f.width - f.m.right - 8]);
  const y = scaleLinear().domain([0, Math.max(...ys)]).nice().range([f.height - f.m.bottom, f.m.top]);
  for (const band of spec.bands) {
    f.plot.append('rect').attr('class', 'chart-band').attr('x', x(band.from)).attr('width', x(band.to) - x(band.from)).attr('y', f.m.top).attr('height', f.height - f.m.bottom - f.m.top);
    f.plot.append('text').attr('class', 'chart-band-label').attr('x', (x(band.from) + x(band.to)) / 2).attr('y', f.m.top + 12).attr('text-anchor', 'middle').text(band.label);
  }
  const ticks = Math.min(12, Math.floor((f.width - f.m.left) / 48));
  f.svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${f.height - f.m.bottom})`).call(axisBottom(x).ticks(ticks).tickFormat(format('d')));
  f.svg.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${f.m.left},0)`).call(axisLeft(y).ticks(6).tickFormat(thousands));
  spec.series.forEach((s, k) => {
    const g = f.plot.append('g').attr('class', `series series-${k}${s.dashed ? ' dashed' : ''}`);
    g.append('path')
      .attr('class', 'chart-line')
      .attr('aria-hidden', 'true')
      .attr('d', line<{ x: number; value: number }>().x((p) => x(p.x)).y((p) => y(p.value))(s.points) ?? '');
    const points = g.selectAll<SVGCircleElement, Datum & { x: number }>('circle').data(s.points).join('circle').attr('cx', (p) => x(p.x)).attr('cy', (p) => y(p.value)).attr('r', 4.5);
    markAttrs(points);
  });
  axisLabels(f);
  if (spec.series.length > 1) legend(container, spec.series);
  return f.svg;
}

/**
 * Breaks a category axis's labels into lines no wider than `maxWidth` ("Production of building
 * materials" on a phone), each label's lines centred on its tick; returns the widest line.
 */
function wrapCategoryTicks(axis: G, maxWidth: number): number {
  let widest = 0;
  axis.selectAll<SVGTextElement, string>('.tick text').each(function () {
    const text = select(this);
    const label = text.text();
    const measure = (s: string): number => {
      text.text(s);
      return this.getComputedTextLength();
    };
    const lines = wrapLabel(label, maxWidth, measure);
    widest = Math.max(widest, ...lines.map(measure));
    text.text(null);
    // d3 sets the label's x and dy (0.32em) on the text; each line is a tspan at that x, the block centred.
    const x = text.attr('x');
    text.attr('dy', null);
    lines.forEach((l, i) => text.append('tspan').attr('x', x).attr('dy', i === 0 ? `${0.32 - (lines.length - 1) * 0.6}em` : '1.2em').text(l));
  });
  return widest;
}

/** Below this width a bar chart's category labels are broken into lines, so its bars keep room (Table 3 on a phone). */
const NARROW = 480;

function drawGroupedBars(container: HTMLElement, spec: GroupedBarChartSpec): Svg {
  const band = 12 * spec.series.length + 10;
  const f = frame(container, spec, 30 + 52 + band * spec.categories.length, { top: 10, right: 20, bottom: 52, left: 176 });
  const values = spec.series.flatMap((s) => s.values.flatMap((v) => (v ? [v.value] : [])));
  const y = scaleBand<string>().domain(spec.categories).range([f.m.top, f.height - f.m.bottom]).paddingInner(0.2);
  const yAxis = f.svg.append('g').attr('class', 'axis axis-y').call(axisLeft(y).tickSizeOuter(0));
  if (f.width < NARROW) {
    // The labels take what they need (at most about a third of the drawing), beside the axis title's line.
    const widest = wrapCategoryTicks(yAxis, Math.round(f.width * 0.34));
    f.m.left = Math.min(f.m.left, Math.ceil(widest) + 9 + 6 + LINE_HEIGHT + 2 * EDGE);
  }
  yAxis.attr('transform', `translate(${f.m.left},0)`);
  const x = scaleLinear().domain([0, Math.max(...values)]).nice().range([f.m.left, f.width - f.m.right]);
  const inner = scaleBand<number>().domain(spec.series.map((_, k) => k)).range([0, y.bandwidth()]).padding(0.08);
  f.svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${f.height - f.m.bottom})`).call(axisBottom(x).tickValues(spacedTicks(x, Math.floor((f.width - f.m.left - f.m.right) / 90))).tickFormat(thousands));
  // Marks in reading order: category by category, the periods within each.
  spec.categories.forEach((c, i) => {
    spec.series.forEach((s, k) => {
      const d = s.values[i];
      if (!d) return;
      const g = f.plot.append('g').attr('class', `series series-${k}`);
      const rect = g
        .selectAll<SVGRectElement, Datum>('rect')
        .data([d])
        .join('rect')
        .attr('x', x(0))
        .attr('y', (y(c) ?? 0) + (inner(k) ?? 0))
        .attr('width', Math.max(1, x(d.value) - x(0)))
        .attr('height', inner.bandwidth());
      markAttrs(rect);
    });
  });
  axisLabels(f);
  legend(container, spec.series);
  return f.svg;
}

function drawStackedBars(container: HTMLElement, spec: StackedBarChartSpec): Svg {
  const f = frame(container, spec, 380, { top: 16, right: 12, bottom: 70, left: 64 });
  const sums = spec.categories.map((_, i) => spec.series.reduce((a, s) => a + (s.values[i]?.value ?? 0), 0));
  const top = Math.max(...sums, ...spec.totals.map((t) => t?.value ?? 0));
  const x = scaleBand<string>().domain(spec.categories).range([f.m.left, f.width - f.m.right]).padding(0.25);
  const y = scaleLinear().domain([0, top]).nice().range([f.height - f.m.bottom, f.m.top]);
  const xAxis = f.svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${f.height - f.m.bottom})`).call(axisBottom(x));
  if (spec.categories.length > 4) xAxis.selectAll('text').attr('transform', 'rotate(-35)').attr('text-anchor', 'end').attr('dx', '-.4em').attr('dy', '.5em');
  f.svg.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${f.m.left},0)`).call(axisLeft(y).ticks(6).tickFormat(thousands));
  spec.categories.forEach((c, i) => {
    let base = 0;
    spec.series.forEach((s, k) => {
      const d = s.values[i];
      if (!d) return;
      const g = f.plot.append('g').attr('class', `series series-${k}`);
      const y0 = base;
      base += d.value;
      const rect = g
        .selectAll<SVGRectElement, Datum>('rect')
        .data([d])
        .join('rect')
        .attr('x', x(c) ?? 0)
        .attr('width', x.bandwidth())
        .attr('y', y(base))
        .attr('height', Math.max(0, y(y0) - y(base)));
      markAttrs(rect);
    });
    const total = spec.totals[i];
    if (total) {
      const t = f.plot.append('g').attr('class', 'total-tick').attr('aria-hidden', 'true');
      t.append('line').attr('x1', (x(c) ?? 0) - 4).attr('x2', (x(c) ?? 0) + x.bandwidth() + 4).attr('y1', y(total.value)).attr('y2', y(total.value));
      t.append('title').text(total.text);
    }
  });
  axisLabels(f);
  legend(container, [...spec.series, { name: 'Printed total (line)' }]);
  container.querySelector('.chart-legend li:last-child .swatch')?.setAttribute('class', 'swatch total-swatch');
  return f.svg;
}

/** Draw the chart described by the JSON inside `container` (a `.chart` element). */
export function drawChart(container: HTMLElement, spec: ChartSpec): void {
  const svg = spec.kind === 'line' ? drawLine(container, spec) : spec.kind === 'grouped-bar' ? drawGroupedBars(container, spec) : drawStackedBars(container, spec);
  interact(container, svg);
  container.dataset['drawn'] = 'true';
}
