/** Browser entry of the person timelines: draws every `.timeline-chart` on the page from its JSON spec. */
import { drawTimeline } from './timeline-draw.ts';
import type { TimelineSpec } from './person-timeline.ts';

for (const el of document.querySelectorAll<HTMLElement>('.timeline-chart')) {
  const json = el.querySelector('script.timeline-spec')?.textContent;
  if (json && !el.dataset['drawn']) drawTimeline(el, JSON.parse(json) as TimelineSpec);
}
