/** Sidenotes (wide screens), note popovers (narrow screens) and section keys. See ReadingEnhancer.astro. */
import { nextTabStopAfter, tabStopsIn } from './tab-order.ts';

const WIDE = '(min-width: 80rem)';

/** The note a marker link points to, or null. */
function noteFor(doc: Document, link: HTMLAnchorElement): HTMLLIElement | null {
  const id = decodeURIComponent(link.hash.slice(1));
  const el = doc.getElementById(id);
  return el instanceof HTMLLIElement ? el : null;
}

/**
 * A copy of a whole note for display elsewhere: its first paragraph, then any lines and tables that
 * follow it (Chapter 2.1 n30 introduces a table "as follows:"). Ids are dropped from the copy, so
 * every id on the page stays unique and a link still lands on the note itself.
 */
function noteCopy(doc: Document, note: HTMLLIElement): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const num = doc.createElement('span');
  num.className = 'sidenote-num';
  // The thesis's own number, as the note list prints it (items carry a value only where it departs from the count).
  num.textContent = note.querySelector('.note-num')?.textContent ?? '';
  frag.append(num, ' ');
  const body = note.querySelector(':scope > .note-body');
  if (body) frag.append(...Array.from(body.childNodes, (n) => n.cloneNode(true)));
  frag.append(...Array.from(note.querySelectorAll(':scope > p, :scope > .table-wrap'), (n) => n.cloneNode(true)));
  frag.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
  return frag;
}

export function layoutSidenotes(doc: Document): void {
  const body = doc.querySelector<HTMLElement>('.section-body');
  if (!body) return;
  body.querySelectorAll('.sidenote').forEach((n) => n.remove());
  if (!doc.defaultView?.matchMedia(WIDE).matches) {
    body.classList.remove('with-sidenotes');
    return;
  }
  body.classList.add('with-sidenotes');
  const origin = body.getBoundingClientRect().top;
  let lastBottom = -Infinity;
  for (const link of body.querySelectorAll<HTMLAnchorElement>(':scope > :is(p, h2, h3, h4, .table-wrap) sup.fn a')) {
    const note = noteFor(doc, link);
    if (!note) continue;
    const aside = doc.createElement('aside');
    aside.className = 'sidenote';
    // The note itself stays in the notes list; the sidenote is a visual duplicate for sighted readers.
    aside.setAttribute('aria-hidden', 'true');
    aside.append(noteCopy(doc, note));
    aside.querySelectorAll('a, [tabindex]').forEach((el) => el.setAttribute('tabindex', '-1'));
    const top = Math.max(link.getBoundingClientRect().top - origin, lastBottom + 6);
    aside.style.top = `${top}px`;
    body.append(aside);
    lastBottom = top + aside.offsetHeight;
  }
}

type Popover = HTMLElement & { showPopover(): void; hidePopover(): void };

/** The marker whose note the popover shows: Tab out of the popover carries on from it. */
let popoverMarker: HTMLAnchorElement | null = null;

/**
 * Keeps the popover in the reading order. It sits at the end of the page, so Tab from its last link
 * went to the end of the chapter and left it open over whatever was focused there. Now Tab moves
 * through its links, then closes it and goes on from the marker (Shift+Tab: back to the marker);
 * following "Go to the note" closes it too, so it does not cover the notes after the one reached.
 */
function keepPopoverInReadingOrder(doc: Document, pop: Popover): void {
  pop.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || !popoverMarker) return;
    const stops = tabStopsIn(pop);
    // Opened, the popover itself holds focus (its note is read from the start): Shift+Tab from it goes back too.
    const leaving = event.shiftKey ? doc.activeElement === stops[0] || doc.activeElement === pop : doc.activeElement === stops.at(-1);
    if (!leaving && stops.length > 0) return;
    event.preventDefault();
    const marker = popoverMarker;
    const next = event.shiftKey ? marker : (nextTabStopAfter(doc, marker, pop) ?? marker);
    pop.hidePopover();
    next.focus();
  });
  pop.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('.popover-go')) pop.hidePopover();
  });
  // Focus leaving by any other way (a click elsewhere is light dismiss already): never stay open over it.
  pop.addEventListener('focusout', (event) => {
    const to = event.relatedTarget;
    if (to instanceof Node && !pop.contains(to) && pop.matches(':popover-open')) pop.hidePopover();
  });
}

function openPopover(doc: Document, link: HTMLAnchorElement, note: HTMLLIElement): void {
  const pop = doc.getElementById('note-popover');
  if (!pop || !('showPopover' in pop)) return;
  pop.replaceChildren(noteCopy(doc, note));
  const go = doc.createElement('a');
  go.href = `#${note.id}`;
  go.className = 'popover-go';
  go.textContent = 'Go to the note';
  pop.append(' ', go);
  (pop as Popover).showPopover();
  popoverMarker = link;
  // Below the marker if the note fits there, else above it, else as low as it fits: the whole note
  // stays on screen (a marker on the last line used to open a popover cut off at the bottom).
  // Placed in the same task as it is shown, so it is never painted in the wrong place.
  const rect = link.getBoundingClientRect();
  const height = pop.getBoundingClientRect().height;
  const view = doc.defaultView?.innerHeight ?? 600;
  const below = rect.bottom + 8;
  const above = rect.top - 8 - height;
  pop.style.top = `${below + height <= view - 8 ? below : above >= 8 ? above : Math.max(8, view - height - 8)}px`;
  // Focus on the dialog, at the note's start: focusing "Go to the note" scrolled a long note (one that
  // overflows the popover on a phone) to its end, its number and first words out of sight.
  pop.scrollTop = 0;
  pop.focus({ preventScroll: true });
}

/**
 * A "¶" link after a prose paragraph or list item, to its citations on the section's citation page
 * (data-cite-page), added when the reader first points at, taps or tabs into the paragraph: adding
 * one to each of Chapter 2's paragraphs on load would lay the whole chapter out again. The glyph is
 * drawn by CSS, so the paragraph's text stays the thesis's own. Without JavaScript the same page is
 * linked from the section's "Cite" block.
 */
export function offerParagraphCiteLinks(doc: Document): void {
  const body = doc.querySelector<HTMLElement>('.section-body[data-cite-page]');
  const page = body?.dataset['citePage'];
  if (!body || !page) return;
  const offer = (event: Event): void => {
    const p = (event.target as Element | null)?.closest?.('.section-body > p[id]:is(:not([class]), .list-item)');
    if (!(p instanceof HTMLParagraphElement) || p.querySelector(':scope > .para-cite-link')) return;
    const a = doc.createElement('a');
    a.className = 'para-cite-link';
    a.href = `${page}#${p.id}`;
    a.setAttribute('aria-label', 'Cite this paragraph');
    p.append(a);
  };
  body.addEventListener('pointerover', offer);
  body.addEventListener('focusin', offer);
}

export function enhanceReading(doc: Document): void {
  const win = doc.defaultView;
  if (!win) return;
  offerParagraphCiteLinks(doc);
  layoutSidenotes(doc);
  const pop = doc.getElementById('note-popover');
  if (pop && 'showPopover' in pop) keepPopoverInReadingOrder(doc, pop as Popover);
  let pending = 0;
  win.addEventListener('resize', () => {
    win.cancelAnimationFrame(pending);
    pending = win.requestAnimationFrame(() => layoutSidenotes(doc));
  });
  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('sup.fn a');
    if (!(link instanceof HTMLAnchorElement) || win.matchMedia(WIDE).matches) return;
    const note = noteFor(doc, link);
    if (!note) return;
    event.preventDefault();
    openPopover(doc, link, note);
  });
  doc.addEventListener('keydown', (event) => {
    const target = event.target as Element | null;
    if (event.altKey || event.ctrlKey || event.metaKey || target?.closest('input, textarea, select, [contenteditable]')) return;
    const rel = event.key === ']' ? 'next' : event.key === '[' ? 'prev' : null;
    const link = rel ? doc.querySelector<HTMLAnchorElement>(`a[rel="${rel}"]`) : null;
    if (link) win.location.href = link.href;
  });
}
