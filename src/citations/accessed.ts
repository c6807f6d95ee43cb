/**
 * The date of access as each citation style writes it: Chicago "November 29, 2026", MLA
 * "29 Nov. 2026", BibTeX's urldate "2026-11-29", RIS "2026/11/29". Used by the page's script on
 * the reader's own date (a static page cannot know it).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// MLA abbreviates months of more than four letters ("June", "July" stay whole).
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

const pad = (n: number): string => String(n).padStart(2, '0');

export function accessedDate(d: Date, format: string): string {
  const [y, m, day] = [d.getFullYear(), d.getMonth(), d.getDate()];
  switch (format) {
    case 'mla':
      return `${day} ${MLA_MONTHS[m]} ${y}`;
    case 'bibtex':
      return `${y}-${pad(m + 1)}-${pad(day)}`;
    case 'ris':
      return `${y}/${pad(m + 1)}/${pad(day)}`;
    default:
      return `${MONTHS[m]} ${day}, ${y}`;
  }
}
