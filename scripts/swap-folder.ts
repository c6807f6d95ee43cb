/**
 * Puts a finished folder in place of another by two renames (the old aside, the new in), so the
 * target is never half-written; between the renames it is briefly absent. A content folder identical
 * to the one in place is not swapped at all: two builds in one checkout write the same bytes, and the
 * first one's Astro keeps reading. Two builds of different content racing each other: the one that
 * finds the other's folder already in place says so, plainly, instead of failing inside rename.
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
 * `afterAside` runs between the two renames (the tests stand another build there).
 */
export function swapInto(next: string, target: string, previous: string, keepIfSame = false, afterAside: () => void = () => {}): boolean {
  if (keepIfSame && sameTree(next, target)) {
    rmSync(next, { recursive: true, force: true });
    return false;
  }
  rmSync(previous, { recursive: true, force: true });
  try {
    if (existsSync(target)) renameSync(target, previous);
  } catch (err) {
    // Moved aside by another build a moment ago: nothing of ours to keep.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // (Where another build may act: the tests put one here.)
  afterAside();
  try {
    renameSync(next, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    // Another build put its folder in between our renames.
    const same = sameTree(next, target);
    rmSync(next, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
    if (same) return false;
    throw new Error(`${target} was replaced by another build running at the same time, with other content; run this build again when it has finished`);
  }
  rmSync(previous, { recursive: true, force: true });
  return true;
}
