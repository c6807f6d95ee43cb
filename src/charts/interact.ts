/**
 * Tooltip and keyboard behaviour shared by the charts: the chart is one tab stop, the arrow keys
 * (and Home/End) move between its marks, focus or hover shows the mark's label, Escape hides it.
 */
import { select } from 'd3-selection';

export function interact(container: HTMLElement, svg: { node(): SVGSVGElement | null }): void {
  const marks = Array.from(svg.node()?.querySelectorAll<SVGElement>('.mark') ?? []);
  const tip = select(container).append('div').attr('class', 'chart-tip').attr('aria-hidden', 'true').property('hidden', true);
  const show = (el: SVGElement): void => {
    const box = el.getBoundingClientRect();
    const host = container.getBoundingClientRect();
    tip.text(el.getAttribute('aria-label') ?? '').property('hidden', false);
    const tipBox = (tip.node() as HTMLElement).getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left - host.left + box.width / 2 - tipBox.width / 2), Math.max(0, host.width - tipBox.width));
    tip.style('left', `${left}px`).style('top', `${Math.max(0, box.top - host.top - tipBox.height - 6)}px`);
  };
  const hide = (): void => {
    tip.property('hidden', true);
  };
  marks.forEach((el, i) => {
    el.setAttribute('tabindex', i === 0 ? '0' : '-1');
    el.addEventListener('focus', () => show(el));
    el.addEventListener('blur', hide);
    el.addEventListener('mouseenter', () => show(el));
    el.addEventListener('mouseleave', hide);
    el.addEventListener('keydown', (ev: KeyboardEvent) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
      let next = step !== undefined ? i + step : ev.key === 'Home' ? 0 : ev.key === 'End' ? marks.length - 1 : null;
      if (ev.key === 'Escape') hide();
      if (next === null) return;
      ev.preventDefault();
      next = (next + marks.length) % marks.length;
      el.setAttribute('tabindex', '-1');
      const target = marks[next] as SVGElement;
      target.setAttribute('tabindex', '0');
      target.focus();
    });
  });
}

