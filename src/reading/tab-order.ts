/** Sequential (Tab) order helpers for the note popover: where the keyboard goes when it leaves it. */

const CANDIDATES = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]';

/** Whether an element is a tab stop now: focusable, not taken out of the order, and rendered. */
function isTabStop(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert], [aria-hidden="true"]')) return false;
  return el.checkVisibility();
}

/** The tab stops inside `root`, in document order (the popover has no positive tabindex). */
export function tabStopsIn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CANDIDATES)).filter(isTabStop);
}

/**
 * The first tab stop after `from` in document order, outside `skip` (the popover itself, which sits at
 * the end of the page), or null at the end of the page.
 */
export function nextTabStopAfter(doc: Document, from: Element, skip: Element): HTMLElement | null {
  for (const el of doc.querySelectorAll<HTMLElement>(CANDIDATES)) {
    if (skip.contains(el) || from.contains(el)) continue;
    if (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && isTabStop(el)) return el;
  }
  return null;
}
