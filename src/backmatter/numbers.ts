/**
 * Printed figures of the thesis's tables as numbers: `1, 665, 800` → 1665800, `2,025.9` → 2025.9,
 * `103.5%` → 103.5 (a percentage), `-` and `—` → no figure. The printed reading is always kept.
 */

export interface PrintedNumber {
  /** Exactly as printed in the source (emendations not applied). */
  printed: string;
  /** The figure, or null where the table prints a dash or nothing. */
  value: number | null;
  percent: boolean;
  /** Digits after the decimal point as printed (1 for `13.4`, 0 for `51`), for rounding tolerances. */
  decimals: number;
}

const DASH = /^[-–—]$/u;
// Thousands groups may be typed with a space after the comma (`1, 665, 800`).
const NUMBER = /^(\d{1,3}(?:, ?\d{3})+|\d+)(\.\d+)?(%?)$/u;

/** Parse one printed figure; text that is not a figure gives a null value. */
export function parsePrinted(printed: string): PrintedNumber {
  const t = printed.trim();
  const m = NUMBER.exec(t);
  if (!m) return { printed, value: null, percent: false, decimals: 0 };
  const digits = (m[1] ?? '').replace(/, ?/gu, '');
  const frac = m[2] ?? '';
  return { printed, value: Number(`${digits}${frac}`), percent: m[3] === '%', decimals: frac ? frac.length - 1 : 0 };
}

/** True when the text is a figure (or an explicit dash) rather than a label. */
export function isFigure(text: string): boolean {
  const t = text.trim();
  return DASH.test(t) || NUMBER.test(t);
}

/** The normalised reading: thousands separators closed up (`1, 665, 800` → `1,665,800`). */
export function normalisePrinted(printed: string): string {
  return printed.trim().replace(/(\d), (?=\d{3}\b)/gu, '$1,');
}

/** Format a computed value with as many decimals as the printed figure it checks. */
export function formatValue(value: number, decimals: number, percent = false): string {
  const s = value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return percent ? `${s}%` : s;
}

/** Largest difference a printed figure can have from an exact value just by rounding. */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}
