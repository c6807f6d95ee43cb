/**
 * Bad input is named where it is: the line an emendation moved to when the source lost a line, the
 * emendation that overlaps another, the line a word was lost on, the encoding that damaged the file.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertConserved, compareWords, editionWords, firstDepartureInModel, sourceWords } from '../../../src/pipeline/conservation.ts';
import { withEmendationHint } from '../../../src/pipeline/emendations.ts';
import { SourceError, jsonErrorLine } from '../../../src/pipeline/errors.ts';
import { describeChange, firstChangedLine, formatLineHashes, lineHashes, parseLineHashes } from '../../../src/pipeline/source-record.ts';
import { movedTo, toLines } from '../../../src/pipeline/lines.ts';
import type { Inline, Section } from '../../../src/pipeline/model.ts';
import { checkDerivedData } from '../../../src/data/derived-check.ts';
import { checkDataJson } from '../../../scripts/edition-input.ts';
import { build, continuations, emendationFiles, irregularities, realEdition, root, thesis } from './helpers.ts';
import { buildEdition } from '../../../src/pipeline/edition.ts';

const file = 'content/emendations/x.json';
const emendation = (id: string, line: number, original: string, corrected: string) => ({ id, line, original, corrected, reason: 'a test emendation, for the error' });
const withLines = (edit: (lines: string[]) => void): string => {
  const lines = thesis.split('\n');
  edit(lines);
  return lines.join('\n');
};

describe('emendations that cannot be applied are named, never skipped', () => {
  it('two emendations of one line that correct overlapping text', () => {
    const both = [{ file, json: [emendation('em-900', 709, 'Elektroavod', 'Elektrozavod'), emendation('em-901', 709, 'troavod', 'trozavod')] }];
    expect(() => build(thesis, { emendations: both })).toThrowError(/x\.json: em-901: "troavod" on source line 709 overlaps em-900 \("Elektroavod", content\/emendations\/x\.json\) there; one emendation must cover both corrections/u);
  });

  it('an emendation whose reading runs across a table cell is applied nowhere, and says so', () => {
    const across = [{ file, json: [emendation('em-902', 1799, 'Members\t100%', 'Members\t100.0%')] }];
    expect(() => build(thesis, { emendations: across })).toThrowError(/x\.json: em-902: "Members\t100%" on source line 1799 is applied 0 time\(s\) in the edition, not 1/u);
  });

  it('an emendation may not hold a note marker or markup', () => {
    for (const [original, corrected] of [['change¹⁶', 'change'], ['<i>x</i>', 'x'], ['x', '*x*']] as const) {
      const bad = [{ file, json: [emendation('em-903', 80, original, corrected)] }];
      expect(() => build(thesis, { emendations: bad }), original).toThrowError(/x\.json: entry 1 \(em-903\) is malformed: original and corrected may not hold note markers/u);
    }
  });

  it('an emendation that changes nothing, deletes everything, or spans lines', () => {
    const cases: [string, string, RegExp][] = [
      ['Elektroavod', 'Elektroavod', /corrected is the same as original: a reading kept as printed and flagged is kind "editorial-note"/u],
      ['Elektroavod', '', /corrected may not be empty/u],
      ['Elektroavod', 'Elektro\nzavod', /may not hold a line break/u],
    ];
    for (const [original, corrected, message] of cases) {
      expect(() => build(thesis, { emendations: [{ file, json: [emendation('em-906', 709, original, corrected)] }] }), JSON.stringify(corrected)).toThrowError(message);
    }
  });

  it('a declared irregularity whose evidence lines or scope are wrong', () => {
    const real = JSON.parse(JSON.stringify(realEdition().irregularities)) as { id: string; lines: number[]; scope: string }[];
    const withLinesOf = (id: string, lines: number[]) => real.map((x) => (x.id === id ? { ...x, lines } : x));
    expect(() => build(thesis, { irregularities: withLinesOf('irr-02', [1, 2]) })).toThrowError(/note-irregularities\.json: irr-02: its lines \(1, 2\) do not include line 2577, where note 29 or one of its markers is/u);
    expect(() => build(thesis, { irregularities: withLinesOf('irr-01', [1405]) })).toThrowError(/irr-01: its lines \(1405\) do not include line 1413, where note 78 follows the skipped 77/u);
    const unknown = real.map((x) => (x.id === 'irr-01' ? { ...x, scope: 'ch2.9' } : x));
    expect(() => build(thesis, { irregularities: unknown })).toThrowError(/irr-01: no note numbering scope "ch2\.9" \(the scopes are intro, ch1, ch2\.1/u);
  });

  it('a duplicate id names both places', () => {
    const files = [
      { file: 'content/emendations/a.json', json: [emendation('em-910', 709, 'Elektroavod', 'Elektrozavod')] },
      { file: 'content/emendations/b.json', json: [emendation('em-911', 80, 'x', 'y'), emendation('em-910', 80, 'x', 'y')] },
    ];
    expect(() => build(thesis, { emendations: files })).toThrowError(/b\.json: entry 2: duplicate id em-910 \(already entry 1 of content\/emendations\/a\.json\)/u);
  });

  it('a source that lost a line: named at the note it shifted, else between the emendations around it', () => {
    // A note's line lost (Chapter 1's note 4, line 363): the notes say so, exactly.
    expect(() => build(withLines((lines) => lines.splice(362, 1)))).toThrowError(/^content\/source\/thesis\.txt:364: note 5 in Chapter 1 where note 4 was expected/u);
    // A blank line lost (line 362): no note moves, but em-200's "Baku" (line 1730) is now on 1729.
    const lost = withLines((lines) => lines.splice(361, 1));
    const error = (() => {
      try {
        build(lost);
      } catch (err) {
        return err as SourceError;
      }
      throw new Error('built');
    })();
    expect(error.message).toMatch(/^content\/source\/thesis\.txt:\d+: the source seems to have lost 1 line\(s\) between line \d+ and line 1730: em-200 \(content\/emendations\/tables\.json\) expects "Baku" on line 1730, and it is on line 1729 .*SHA-256/u);
    expect(error.line).toBeLessThanOrEqual(362);
    const gained = withLines((lines) => lines.splice(361, 0, ''));
    expect(() => build(gained)).toThrowError(/the source seems to have gained 1 line\(s\) between line \d+ and line 1730: em-200 .* it is on line 1731/u);
  });

  it('with the editor\'s continuations too, a lost note line is named at the note, before any decision by line', () => {
    expect(() => build(withLines((lines) => lines.splice(362, 1)), { continuations })).toThrowError(/^content\/source\/thesis\.txt:364: note 5 in Chapter 1 where note 4 was expected/u);
  });

  it('when the source is the recorded one, an emendation that misses its line is the emendation\'s error', () => {
    const wrongLine = [{ file, json: [emendation('em-905', 708, 'Elektroavod', 'Elektrozavod')] }];
    const intact = (emendations: { file: string; json: unknown }[]) => buildEdition({ text: thesis, emendations, irregularities, continuations, sourceSha256: 'same', recordedSha256: 'same' });
    expect(() => intact(wrongLine)).toThrowError(/^content\/emendations\/x\.json: em-905: expected "Elektroavod" 1 time\(s\) on source line 708, found 0; it is on line 709: is the emendation's line wrong\?$/u);
    const continuationsOff = { ...(continuations as { about: string; continuations: { line: number }[] }) };
    continuationsOff.continuations = continuationsOff.continuations.map((c, i) => (i === 0 ? { ...c, line: c.line - 1 } : c));
    expect(() => buildEdition({ text: thesis, emendations: emendationFiles, irregularities, continuations: continuationsOff, sourceSha256: 'same', recordedSha256: 'same' })).toThrowError(/paragraph-continuations\.json: entry 1: source line 1903 does not begin ".+" \(it begins .*\); it is on line 1904: is the entry's line wrong\?$/u);
  });

  it('a paragraph continuation whose opening moved says where it is now', () => {
    // Line 362 (blank) lost: the first continuation (line 1904) now opens on line 1903.
    const lost = withLines((lines) => lines.splice(361, 1));
    expect(() => build(lost, { continuations })).toThrowError(/paragraph-continuations\.json: entry 1: source line 1904 does not begin ".+" \(it begins ".*"\); it is on line 1903: the source seems to have lost line\(s\) before line 1904/u);
  });

  it('finds where a line moved, the nearest first', () => {
    const lines = toLines('a\nb\nc\nd\nc');
    expect(movedTo(lines, 2, (t) => t === 'c')).toBe(3);
    expect(movedTo(lines, 4, (t) => t === 'c')).toBe(3);
    expect(movedTo(lines, 1, (t) => t === 'z')).toBeNull();
  });

  it('a problem on a line an emendation corrects names the emendation', () => {
    const err = new SourceError('content/source/thesis.txt', 709, 'something is wrong here');
    const hinted = withEmendationHint(err, emendationFiles) as SourceError;
    expect(hinted.message).toMatch(/^content\/source\/thesis\.txt:709: something is wrong here \[this line carries emendation em-\d+ \(content\/emendations\/text\.json\): if the problem is new, check it first\]$/u);
    const elsewhere = new SourceError('content/source/thesis.txt', 2, 'something else');
    expect(withEmendationHint(elsewhere, emendationFiles)).toBe(elsewhere);
  });
});

describe('structures the pages and notes rely on', () => {
  it('a note marker inside a note is named at its line, not written as a link to nothing', () => {
    const marked = withLines((lines) => (lines[310] = (lines[310] as string).replace('secretaries were', 'secretaries⁵ were')));
    expect(() => build(marked)).toThrowError(/^content\/source\/thesis\.txt:311: a note marker \(5\) inside note 66 of Introduction \(line 311\): a note has no notes of its own/u);
  });

  it('a page number out of order in the table of contents', () => {
    const contents = withLines((lines) => (lines[55] = (lines[55] as string).replace('\t119', '\t30')));
    expect(() => build(contents)).toThrowError(/^content\/source\/thesis\.txt:56: the table of contents gives p\. 30 for "Chapter 3\. Party Membership and Recruitment in Moscow", which is not after p\. 50 for "Chapter 2\. Political Change in Moscow, 1925-32": its page numbers must increase$/u);
  });
});

describe('a damaged encoding is named for what it is', () => {
  it('Windows line endings, a byte-order mark, double-encoded UTF-8', () => {
    expect(() => build(thesis.replace(/\n/gu, '\r\n'))).toThrowError(/thesis\.txt:1: the source has Windows \(CRLF\) line endings/u);
    expect(() => build(`\uFEFF${thesis}`)).toThrowError(/thesis\.txt:1: corrupted source: character U\+FEFF at column 1 \(a byte-order mark/u);
    const latin1 = withLines((lines) => (lines[332] = (lines[332] as string).replace('knowledge', 'knowledge Â¹')));
    expect(() => build(latin1)).toThrowError(/thesis\.txt:333: corrupted source: character U\+00C2 at column \d+ \(double-encoded text/u);
    for (const mojibake of ['otÐ´ÐµÐ»', 'Party â€” Moscow']) {
      const doubled = withLines((lines) => (lines[332] = (lines[332] as string).replace('knowledge', mojibake)));
      expect(() => build(doubled), mojibake).toThrowError(/thesis\.txt:333: corrupted source: character U\+00(?:D0|E2) at column \d+ \(double-encoded text/u);
    }
    const c1 = withLines((lines) => (lines[332] = (lines[332] as string).replace('knowledge', 'know\u0085ledge')));
    expect(() => build(c1)).toThrowError(/thesis\.txt:333: corrupted source: character U\+0085 at column 7/u);
  });
});

describe('a lost word is found on the line it was lost from', () => {
  const edition = realEdition();
  const placed = sourceWords(toLines(thesis));

  /** The edition with one word taken out of the paragraph that holds `line`. */
  function losing(word: string, line: number): Section[] {
    const sections = structuredClone(edition.sections);
    for (const s of sections)
      for (const b of s.blocks) {
        if (b.kind !== 'paragraph' || !b.lines.includes(line)) continue;
        const text = b.content.find((x): x is Extract<Inline, { t: 'text' }> => x.t === 'text' && x.v.includes(` ${word} `));
        if (text) {
          text.v = text.v.replace(` ${word} `, ' ');
          return sections;
        }
      }
    throw new Error(`no "${word}" on line ${line}`);
  }

  it('the healthy model departs from the source nowhere', () => {
    expect(firstDepartureInModel(placed, edition.sections)).toBeNull();
  });

  it('a common word lost ("the", "of", "and", thousands of times in the thesis) is named on its line, not at the next copy', () => {
    for (const [word, line] of [['the', 2208], ['of', 2208], ['the', 79], ['and', 1752]] as const) {
      expect(firstDepartureInModel(placed, losing(word, line)), `${word} @ ${line}`).toBe(line);
    }
  });

  it('"Party", on hundreds of lines, lost on line 2208: the error names line 2208', () => {
    const sections = losing('Party', 2208);
    const report = compareWords(placed, editionWords(sections));
    expect(report.missing).toEqual([expect.objectContaining({ word: 'Party', count: 1 })]);
    expect(report.missing[0]!.lines.length).toBeGreaterThan(100);
    expect(() => assertConserved(report, 'the test', () => firstDepartureInModel(placed, sections))).toThrowError(/^content\/source\/thesis\.txt:2208: conservation check failed in the test: 1 word\(s\) lost, 0 word\(s\) added or duplicated; the words first depart from the source on this line/u);
  });
});

describe('the derived data and the editor\'s JSON files fail the content step, named', () => {
  it('a roster title that lost its date names the thesis line, before any page is built', () => {
    const edition = structuredClone(realEdition());
    const appendices = edition.sections.find((s) => s.id === 'appendices')!;
    const title = appendices.blocks.find((b) => b.kind === 'heading' && b.lines.includes(3636));
    expect(title?.kind).toBe('heading');
    if (title?.kind !== 'heading') return;
    for (const x of title.content) if (x.t === 'text') x.v = x.v.replace('January 1925', 'Jan');
    expect(() => checkDerivedData(edition, false)).toThrowError(/^content\/source\/thesis\.txt:3636: the rosters of Appendix 1 cannot be built: rosters: no date in the title "MK Buro elected after the XIII Moscow Party Conference, Jan\." \(line 3636\)$/u);
  });

  it('a diagram\'s quotation that no longer fits: the diagram file when the source is as recorded, else the thesis line', () => {
    const edition = structuredClone(realEdition());
    const chapter4 = edition.sections.find((s) => s.id === 'chapter-4')!;
    const para = chapter4.blocks.find((b) => b.kind === 'paragraph' && b.id === 'para-59');
    if (para?.kind !== 'paragraph') throw new Error('no chapter-4#para-59');
    for (const x of para.content) if (x.t === 'text') x.v = x.v.replace('Filatov, writing', 'Filatov, who wrote');
    expect(() => checkDerivedData(edition, true)).toThrowError(/^content\/diagrams\/diagram-3\.json: the diagrams' reconstructions cannot be built: diagrams: "Filatov, writing about the reorganisation .*" is not in chapter-4#para-59, the paragraph at content\/source\/thesis\.txt:2434$/u);
    expect(() => checkDerivedData(edition, false)).toThrowError(/^content\/source\/thesis\.txt:2434: the diagrams' reconstructions cannot be built: content\/diagrams\/diagram-3\.json: diagrams: "Filatov, writing/u);
  });

  it('a table whose chart no longer finds its figures names the printed table\'s lines', () => {
    const damaged = withLines((lines) => (lines[3597] = `${lines[3597] as string} x`));
    expect(() => checkDerivedData(build(damaged, { continuations }), false)).toThrowError(/^content\/source\/thesis\.txt:3593: the tables and the charts of Tables 1-5 cannot be built: Table 5 \(thesis\.txt:3593-3606\): charts: table-5 has no figure at /u);
  });

  it('the real edition derives everything and reports its citations', () => {
    expect(checkDerivedData(realEdition()).archival.indexed).toBeGreaterThan(0);
  });

  it('a data file that is not JSON is named with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-json-'));
    mkdirSync(join(dir, 'content/people'), { recursive: true });
    mkdirSync(join(dir, 'content/generated'), { recursive: true });
    writeFileSync(join(dir, 'content/generated/broken.json'), '{'); // generated content is not the editor's: skipped
    writeFileSync(join(dir, 'content/people/reconciliations.json'), '{\n "a": [1,\n  2,\n ]\n}\n');
    expect(() => checkDataJson(dir)).toThrowError(/^content\/people\/reconciliations\.json:3: not valid JSON: Unexpected token '\]' \(a comma before a closing bracket\?\)$/u);
  });

  it('a data file saved with a byte-order mark, and an edition address that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-json-'));
    mkdirSync(join(dir, 'content/people'), { recursive: true });
    writeFileSync(join(dir, 'content/people/reconciliations.json'), '\uFEFF{}\n');
    expect(() => checkDataJson(dir)).toThrowError(/^content\/people\/reconciliations\.json:1: a byte-order mark \(U\+FEFF\) at the start of the file/u);
    const config = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(root, 'astro.config.mjs'))})`], { env: { ...process.env, EDITION_SITE: 'merridale.example.org' }, encoding: 'utf8' });
    expect(config.status).not.toBe(0);
    expect(config.stderr).toMatch(/EDITION_SITE must be the edition's absolute address, as https:\/\/your\.host .*\(got "merridale\.example\.org"\)/u);
  });

  it('finds the line of a JSON error V8 does not place', () => {
    expect(jsonErrorLine('{\n"a": 1,\n}', `Expected double-quoted property name in JSON at position 9 (line 3 column 1)`)).toBe(3);
    expect(jsonErrorLine('[1,\n2,\n]', `Unexpected token ']', "[1,\n2,\n]" is not valid JSON`)).toBe(2);
    expect(jsonErrorLine('[1,\n2', 'Unexpected end of JSON input')).toBe(2);
    expect(jsonErrorLine('x', 'Unexpected token \'x\'')).toBeNull();
  });
});

describe('the source\'s record names the line that changed', () => {
  it('finds the first changed, lost or added line', () => {
    const recorded = lineHashes('a\nb\nc');
    expect(recorded).toHaveLength(3);
    expect(recorded.every((h) => /^[0-9a-f]{8}$/u.test(h))).toBe(true);
    expect(parseLineHashes(formatLineHashes(recorded))).toEqual(recorded);
    expect(firstChangedLine(recorded, lineHashes('a\nb\nc'))).toBeNull();
    expect(describeChange(recorded, lineHashes('a\nB\nc'))).toEqual({ line: 2, text: 'line 2 differs from the recorded source' });
    expect(describeChange(recorded, lineHashes('a\nc'))).toEqual({ line: 2, text: 'line 2 differs from the recorded source; the recorded source has 3 lines, this one 2' });
    expect(describeChange(recorded, lineHashes('a\nb'))).toEqual({ line: 3, text: 'line 3 is missing: the source ends before it; the recorded source has 3 lines, this one 2' });
  });

  it('the recorded line hashes are those of the source', () => {
    expect(parseLineHashes(readFileSync(join(root, 'content/source/thesis.lines'), 'utf8'))).toEqual(lineHashes(thesis));
  });

  it('a flipped letter that still parses is named by its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thesis-'));
    const changed = join(dir, 'thesis.txt');
    writeFileSync(changed, withLines((lines) => (lines[2001] = (lines[2001] as string).replace('Party', 'Parry'))));
    const run = spawnSync(process.execPath, [join(root, 'scripts/build-content.ts')], { env: { ...process.env, THESIS_PATH: changed }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: content\/source\/thesis\.txt:2002: the source does not match its recorded SHA-256 \(content\/source\/thesis\.sha256\): line 2002 differs from the recorded source \(content\/source\/thesis\.lines\)/mu);
  });
});

