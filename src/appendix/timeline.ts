/**
 * A person's posts over time as an SVG drawn with d3: one mark per post (a seat in a roster, or a
 * change that names them), on a time axis, in a row per group. Pure data in, SVG out; the table of
 * posts on the page is the fallback without JavaScript.
 */
import { scaleBand, scaleTime } from 'd3-scale';
import { axisBottom } from 'd3-axis';
import { select } from 'd3-selection';
import type { Person } from './people.ts';
import { GROUP_LABELS, placedAt, seatLabel, type RosterGroup } from './rosters.ts';

export interface TimelineMark {
  date: string;
  dateLabel: string;
  group: RosterGroup;
  label: string;
  href: string;
}

export interface TimelineData {
  title: string;
  marks: TimelineMark[];
}

const ROWS: RosterGroup[] = ['secretariat', 'buro', 'candidates', 'changes'];

/** The timeline's data for one person: one mark per post. */
export function timelineData(p: Person): TimelineData {
  return {
    title: `${p.name}: posts in Appendix 1, 1924–32`,
    // An undated change ("after 18 October 1928") stands at the date it follows; its label says so.
    marks: p.posts.map((x) => ({ date: placedAt(x), dateLabel: x.dateLabel, group: x.group, label: `${x.dateLabel}, ${x.body}: ${seatLabel(x)}${x.post ? ` (${x.post})` : ''}`, href: x.href })),
  };
}

/** "1925-01" or "1924-08-13" → a Date (UTC, mid-month when no day is given). */
export function dateValue(iso: string): Date {
  const [y = '1924', m = '1', d = '15'] = iso.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** Draw the timeline into `container` (replacing its contents) and return the SVG element. */
export function renderTimeline(container: HTMLElement, data: TimelineData, width = 640): SVGSVGElement {
  const margin = { top: 10, right: 16, bottom: 30, left: 130 };
  const rows = ROWS.filter((g) => data.marks.some((m) => m.group === g));
  const height = margin.top + margin.bottom + rows.length * 32;
  const x = scaleTime()
    .domain([dateValue('1924-06'), dateValue('1932-06')])
    .range([margin.left, width - margin.right]);
  const y = scaleBand<RosterGroup>().domain(rows).range([margin.top, height - margin.bottom]).padding(0.3);
  const root = select(container);
  root.selectAll('svg').remove();
  const svg = root.append('svg').attr('class', 'timeline').attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'group').attr('aria-label', data.title);
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(8).tickFormat((d) => String((d as Date).getUTCFullYear())));
  svg
    .append('g')
    .attr('class', 'rows')
    .selectAll('text')
    .data(rows)
    .join('text')
    .attr('class', 'axis-label')
    .attr('x', margin.left - 8)
    .attr('y', (g) => (y(g) ?? 0) + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((g) => GROUP_LABELS[g]);
  const marks = svg
    .append('g')
    .attr('class', 'marks')
    .selectAll('a')
    .data(data.marks)
    .join('a')
    .attr('href', (m) => m.href)
    .attr('aria-label', (m) => m.label);
  marks
    .append('path')
    .attr('class', (m) => `mark ${m.group === 'changes' ? 'change' : 'seat'}`)
    // Circles for seats, diamonds for changes, so the two read apart without colour.
    .attr('d', (m) => (m.group === 'changes' ? 'M0,-7L7,0L0,7L-7,0Z' : 'M-6,0A6,6 0 1,0 6,0A6,6 0 1,0 -6,0'))
    .attr('transform', (m) => `translate(${x(dateValue(m.date))},${(y(m.group) ?? 0) + y.bandwidth() / 2})`);
  marks.append('title').text((m) => m.label);
  container.dataset['drawn'] = 'true';
  return svg.node() as SVGSVGElement;
}
