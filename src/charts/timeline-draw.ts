/**
 * Draws a person's timeline (TimelineSpec) with d3: one lane per group, a mark per roster seat
 * or change, faint guides at every roster's date. Marks are keyboard-reachable (src/charts/interact.ts).
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { select } from 'd3-selection';
import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { interact } from './interact.ts';
import type { TimelineSpec } from './person-timeline.ts';

export function drawTimeline(container: HTMLElement, spec: TimelineSpec): void {
  const width = Math.max(300, Math.min(760, Math.round(container.clientWidth || 640)));
  const m = { top: 12, right: 16, bottom: 44, left: 170 };
  const height = m.top + m.bottom + 36 * spec.lanes.length + 10;
  const svg = select(container)
    .append('svg')
    .attr('class', 'chart-svg timeline')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-roledescription', 'timeline')
    .attr('aria-label', `${spec.title}. Tab to the timeline, then use the arrow keys to read each seat and change.`);
  const x = scaleLinear().domain(spec.domain).range([m.left, width - m.right]);
  const y = scalePoint<number>().domain(spec.lanes.map((_, i) => i)).range([m.top + 18, height - m.bottom - 10]).padding(0.2);
  svg
    .append('g')
    .attr('class', 'roster-guides')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(spec.rosters)
    .join('line')
    .attr('x1', (r) => x(r.x))
    .attr('x2', (r) => x(r.x))
    .attr('y1', m.top)
    .attr('y2', height - m.bottom)
    .append('title')
    .text((r) => r.label);
  svg.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${height - m.bottom})`).call(axisBottom(x).ticks(spec.domain[1] - spec.domain[0]).tickFormat(format('d')));
  svg
    .append('g')
    .attr('class', 'axis axis-y')
    .attr('transform', `translate(${m.left},0)`)
    .call(axisLeft(y).tickFormat((i) => spec.lanes[i] ?? ''));
  svg.append('text').attr('class', 'axis-label').attr('x', m.left + (width - m.left - m.right) / 2).attr('y', height - 6).attr('text-anchor', 'middle').text('Year (faint lines: dates of the rosters)');
  const g = svg.append('g').attr('class', 'series series-0');
  g.selectAll('path')
    .data(spec.marks)
    .join('path')
    .attr('class', (d) => `mark ${d.kind}`)
    .attr('role', 'img')
    .attr('aria-label', (d) => d.text)
    .attr('transform', (d) => `translate(${x(d.x)},${y(d.lane) ?? 0})`)
    // Seats are circles, changes diamonds.
    .attr('d', (d) => (d.kind === 'post' ? 'M-6,0a6,6 0 1,0 12,0a6,6 0 1,0 -12,0' : 'M0,-7L7,0L0,7L-7,0Z'));
  interact(container, svg);
  container.dataset['drawn'] = 'true';
}
