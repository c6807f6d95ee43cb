import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sameTree, swapInto } from '../../../scripts/swap-folder.ts';

/** A folder holding `files` (path → text), nested folders included. */
function folder(base: string, name: string, files: Record<string, string>): string {
  const dir = join(base, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('putting a finished folder in place (scripts/swap-folder.ts)', () => {
  const content = { 'edition.json': '{"a":1}\n', 'sections/chapter-1.json': '{"id":"chapter-1"}\n' };

  it('compares folders file by file, byte by byte, nested folders included', () => {
    const base = mkdtempSync(join(tmpdir(), 'swap-'));
    const a = folder(base, 'a', content);
    expect(sameTree(a, folder(base, 'b', content))).toBe(true);
    expect(sameTree(a, folder(base, 'c', { ...content, 'sections/chapter-1.json': '{"id":"chapter-2"}\n' }))).toBe(false);
    expect(sameTree(a, folder(base, 'd', { ...content, 'sections/chapter-2.json': '{}' }))).toBe(false);
    expect(sameTree(a, folder(base, 'e', { 'edition.json': '{"a":1}\n' }))).toBe(false);
    expect(sameTree(a, join(base, 'missing'))).toBe(false);
  });

  it('leaves an identical folder in place (another build may be reading it) and removes the new one', () => {
    const base = mkdtempSync(join(tmpdir(), 'swap-'));
    const target = folder(base, 'generated', content);
    const inode = statSync(target).ino;
    const next = folder(base, 'generated.tmp-1', content);
    expect(swapInto(next, target, join(base, 'generated.previous-1'), true)).toBe(false);
    expect(statSync(target).ino).toBe(inode);
    expect(existsSync(next)).toBe(false);
  });

  it('replaces a different folder by renames and removes the old one; a missing target is simply created', () => {
    const base = mkdtempSync(join(tmpdir(), 'swap-'));
    const target = folder(base, 'generated', content);
    const next = folder(base, 'generated.tmp-1', { ...content, 'edition.json': '{"a":2}\n' });
    const previous = join(base, 'generated.previous-1');
    expect(swapInto(next, target, previous, true)).toBe(true);
    expect(readFileSync(join(target, 'edition.json'), 'utf8')).toBe('{"a":2}\n');
    expect([existsSync(next), existsSync(previous)]).toEqual([false, false]);
    const fresh = join(base, 'dist');
    expect(swapInto(folder(base, 'dist.next-1', content), fresh, join(base, 'dist.previous-1'))).toBe(true);
    expect(sameTree(fresh, folder(base, 'again', content))).toBe(true);
  });

  it('when another build puts its folder in between the two renames: the same content is kept, other content is named as a clash', () => {
    const base = mkdtempSync(join(tmpdir(), 'swap-'));
    const target = folder(base, 'generated', { ...content, 'edition.json': '{"old":1}\n' });
    const previous = join(base, 'generated.previous-1');
    const other = (files: Record<string, string>) => () => folder(base, 'generated', files);
    expect(swapInto(folder(base, 'generated.tmp-1', content), target, previous, false, other(content))).toBe(false);
    expect(readFileSync(join(target, 'edition.json'), 'utf8')).toBe('{"a":1}\n');
    const mine = folder(base, 'generated.tmp-2', { ...content, 'edition.json': '{"mine":1}\n' });
    expect(() => swapInto(mine, target, previous, false, other({ ...content, 'edition.json': '{"theirs":1}\n' }))).toThrow(/generated was replaced by another build running at the same time, with other content/u);
    // Theirs stays; nothing of this build is left behind.
    expect(readFileSync(join(target, 'edition.json'), 'utf8')).toBe('{"theirs":1}\n');
    expect([existsSync(mine), existsSync(previous)]).toEqual([false, false]);
  });
});
