/** Matching of authors' names across the thesis's spellings (Pospekhov/Pospokhov, Davydovâ). */
import { normalizeWords } from './text.ts';

/** One lower-case, accent-free key for a surname ("Shimotomai's" → "shimotomai"). */
export function nameKey(name: string): string {
  return normalizeWords(name.replace(/['’]s$/u, '')).join('');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** Same surname, allowing one typing error in names of six letters or more. */
export function sameName(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === y) return x !== '';
  return Math.min(x.length, y.length) >= 6 && Math.abs(x.length - y.length) <= 1 && editDistance(x, y) <= 1;
}
