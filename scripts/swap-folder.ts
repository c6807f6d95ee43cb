/**
 * Puts a finished folder in place of another by renames, so a reader of `target` (another build's
 * Astro reading content/generated/, a server reading dist/) finds the old folder or the new one,
 * never none or half of one. A content folder identical to the one in place is not swapped at all:
 * two builds in one checkout write the same bytes, and the first one's Astro keeps reading.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Same files, same bytes, in both folders (recursively). */
export function sameTree(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  const names = readdirSync(a).sort();
  const others = readdirSync(b).sort();
  if (names.length !== others.length || names.some((n, i) => n !== others[i])) return false;
  return names.every((name) => {
    const [x, y] = [join(a, name), join(b, name)];
    const [dx, dy] = [statSync(x).isDirectory(), statSync(y).isDirectory()];
    if (dx || dy) return dx && dy && sameTree(x, y);
    return readFileSync(x).equals(readFileSync(y));
  });
}

/**
 * Replace `target` with `next`: the old folder is renamed aside (`previous`, named by the caller
 * with its process id, so that a killed run's leftovers are found), `next` renamed in, the old removed.
 * With `keepIfSame`, an identical `target` stays and `next` is removed. Returns whether it swapped.
 */
export function swapInto(next: string, target: string, previous: string, keepIfSame = false): boolean {
  if (keepIfSame && sameTree(next, target)) {
    rmSync(next, { recursive: true, force: true });
    return false;
  }
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(next, target);
  rmSync(previous, { recursive: true, force: true });
  return true;
}
