import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from '../../../src/pipeline/errors.ts';
import { build, root, thesis } from './helpers.ts';

describe('bad input gets a clear error', () => {
  it('a truncated source names the line where the missing section was expected', () => {
    const truncated = thesis.split('\n').slice(0, 3000).join('\n');
    expect(() => build(truncated)).toThrowError(SourceError);
    expect(() => build(truncated)).toThrowError(/thesis\.txt:2814: section "Conclusion" not found after this line .*truncated or corrupted/u);
  });

  it('a corrupted byte names the line and column', () => {
    const lines = thesis.split('\n');
    lines[1202] = `${(lines[1202] as string).slice(0, 10)}\u0000${(lines[1202] as string).slice(10)}`;
    expect(() => build(lines.join('\n'))).toThrowError(/thesis\.txt:1203: corrupted source: character U\+0000 at column 11/u);
    lines[1202] = `bad \uFFFD decode`;
    expect(() => build(lines.join('\n'))).toThrowError(/thesis\.txt:1203: corrupted source: character U\+FFFD/u);
  });

  it('an empty source', () => {
    expect(() => build('')).toThrowError(/the source is empty/u);
  });

  it('a malformed emendation names its file and entry', () => {
    const bad = [{ file: 'content/emendations/x.json', json: [{ id: 'em-1', line: 'ten', original: 'a', corrected: 'b', reason: 'r' }] }];
    expect(() => build(thesis, { emendations: bad })).toThrowError(/content\/emendations\/x\.json: entry 1 \(em-1\) is malformed: field 'id'.*; field 'line'.*; field 'reason'/u);
  });

  it('an emendation whose printed reading is not on its line', () => {
    const bad = [{ file: 'content/emendations/x.json', json: [{ id: 'em-900', line: 10, original: 'Elektroavod', corrected: 'Elektrozavod', reason: 'a test emendation' }] }];
    expect(() => build(thesis, { emendations: bad })).toThrowError(/content\/emendations\/x\.json: em-900: expected "Elektroavod" 1 time\(s\) on source line 10, found 0/u);
  });

  it('a paragraph continuation decided wrongly: malformed, on a line that does not begin as said, or where no page ends', () => {
    const file = (continuations: unknown[]) => ({ about: 'test', continuations });
    expect(() => build(thesis, { continuations: { continuations: [] } })).toThrowError(/content\/paragraph-continuations\.json: must be/u);
    expect(() => build(thesis, { continuations: file([{ line: 2657, opening: 'More usually', reason: 'short' }]) })).toThrowError(/paragraph-continuations\.json: entry 1 is malformed: reason/u);
    expect(() => build(thesis, { continuations: file([{ line: 2657, opening: 'The TsK responded', reason: 'a reason long enough' }]) })).toThrowError(/entry 1: source line 2657 does not begin "The TsK responded" \(it begins "More usually/u);
    // Line 2649 follows a paragraph on the same page: there is no page end to continue across.
    expect(() => build(thesis, { continuations: file([{ line: 2649, opening: 'In a society where', reason: 'a reason long enough' }]) })).toThrowError(/paragraph-continuations\.json: line 2649 \("In a society where…"\) is said to continue a paragraph across a page end, but no page ends/u);
    expect(() => build(thesis, { continuations: file([{ line: 99999, opening: 'Anything at all', reason: 'a reason long enough' }]) })).toThrowError(/line 99999 is beyond the end of the source/u);
  });

  it('an unknown markup tag', () => {
    const lines = thesis.split('\n');
    lines[72] = `${lines[72] as string} <blink>x</blink>`;
    expect(() => build(lines.join('\n'))).toThrowError(/thesis\.txt:73: unknown markup tag <blink>/u);
  });
});

describe('scripts/build-content.ts', () => {
  const generated = join(root, 'content/generated/edition.json');

  it('exits non-zero with file, line and problem, and leaves the generated content untouched', () => {
    const before = statSync(generated, { throwIfNoEntry: false })?.mtimeMs ?? null;
    const dir = mkdtempSync(join(tmpdir(), 'thesis-'));
    const broken = join(dir, 'thesis.txt');
    writeFileSync(broken, thesis.replace('totalitarianism².', 'totalitarianism.'));
    const run = spawnSync(process.execPath, [join(root, 'scripts/build-content.ts')], { env: { ...process.env, THESIS_PATH: broken }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: content\/source\/thesis\.txt:81: note 2 in Introduction has no marker/u);
    const after = statSync(generated, { throwIfNoEntry: false })?.mtimeMs ?? null;
    expect(after).toBe(before);
  });

  it('a source cut inside its last section parses, but fails the recorded checksum', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thesis-'));
    const cut = join(dir, 'thesis.txt');
    // The last two entries of the bibliography cut off: every line an emendation names is still there, so only the checksum can tell.
    writeFileSync(cut, thesis.slice(0, thesis.length - 150));
    const run = spawnSync(process.execPath, [join(root, 'scripts/build-content.ts')], { env: { ...process.env, THESIS_PATH: cut }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: content\/source\/thesis\.txt:(\d+): the source does not match its recorded SHA-256 \(content\/source\/thesis\.sha256\): line \1 differs from the recorded source; the recorded source has 4515 lines, this one \d+ \(content\/source\/thesis\.lines\)\. It has \d+ lines and \d+ bytes, the recorded source 4515 lines and 661105 bytes/u);
    // Cut deeper, an emendation's line is gone: the source is named as cut short, at its last line, with the emendation.
    writeFileSync(cut, thesis.slice(0, thesis.length - 2000));
    const deeper = spawnSync(process.execPath, [join(root, 'scripts/build-content.ts')], { env: { ...process.env, THESIS_PATH: cut }, encoding: 'utf8' });
    expect(deeper.status).toBe(1);
    expect(deeper.stderr).toMatch(/error: content\/source\/thesis\.txt:(\d+): the source ends at line \1, but em-\d+ \(content\/emendations\/text\.json\) corrects line \d+: it has been cut short/u);
  });

  it('the source is byte-identical to the shared seed (SHA-256)', async () => {
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(readFileSync(join(root, 'content/source/thesis.txt'))).digest('hex');
    expect(sha).toBe('556abf7c8590259124e095cd8e40b9c5e8356cbe29b49411cb05043cd10fc67a');
  });
});
