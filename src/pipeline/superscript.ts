/** Unicode superscript digits, the thesis's footnote markers (¹ … ⁹, ⁰). */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu;

/** A line that starts with superscript digits is a note body. */
export const NOTE_BODY_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*/u;

/** `¹⁶` → 16. */
export function superscriptToNumber(run: string): number {
  let value = 0;
  for (const ch of run) {
    const digit = SUPERSCRIPT_DIGITS.indexOf(ch);
    if (digit < 0) throw new RangeError(`not a superscript digit: ${ch}`);
    value = value * 10 + digit;
  }
  return value;
}

/** 16 → `¹⁶`. */
export function numberToSuperscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)])
    .join('');
}
