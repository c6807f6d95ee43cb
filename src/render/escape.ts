/**
 * Escape text for HTML element content and double-quoted attribute values (the only kind the
 * renderers write). Source text is never trusted as markup. The apostrophe needs no escape in
 * either place, and the thesis is full of them (soft signs: Bol'sheviki, oblast'), so it stays as
 * printed rather than costing five bytes each.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
