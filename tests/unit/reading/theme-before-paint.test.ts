import { describe, expect, it } from 'vitest';
import { themeBeforePaintSource } from '../../../src/reading/theme.ts';

/** Runs the head script against a stand-in page: what it leaves on <html>. */
function runWith(stored: string | null, throws = false): string | undefined {
  return run(stored, throws)['theme'];
}
function run(stored: string | null, throws = false): Record<string, string> {
  const dataset: Record<string, string> = {};
  const localStorage = { getItem: () => { if (throws) throw new Error('denied'); return stored; } };
  new Function('localStorage', 'document', themeBeforePaintSource())(localStorage, { documentElement: { dataset } });
  return dataset;
}

describe('the theme script run before first paint', () => {
  it('applies a chosen theme', () => {
    expect(runWith('dark')).toBe('dark');
    expect(runWith('light')).toBe('light');
  });
  it('leaves the system preference alone when nothing valid is stored, or storage is refused', () => {
    expect(runWith(null)).toBeUndefined();
    expect(runWith('sepia')).toBeUndefined();
    expect(runWith('dark', true)).toBeUndefined();
  });
  it('says that scripts run (data-js), so the toggle\'s room is kept from the first paint, whatever is stored', () => {
    expect(run(null)).toHaveProperty('js', '');
    expect(run('dark', true)).toHaveProperty('js', '');
  });
  it('is a few bytes of plain script', () => {
    expect(themeBeforePaintSource().length).toBeLessThan(200);
  });
});
