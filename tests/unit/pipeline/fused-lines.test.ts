import { describe, expect, it } from 'vitest';
import { splitFusedLine } from '../../../src/pipeline/logical-lines.ts';
import { fixture } from './helpers.ts';

const pieces = (name: string, line: number) => splitFusedLine(fixture(name, line)[0]!).map((p) => [p.text, p.fusedHeading]);

describe('splitFusedLine (fused headings)', () => {
  it('splits Bibliography**Section 1 Archives**Tsentral…', () => {
    const p = pieces('fused-heading-bibliography.txt', 4329);
    expect(p[0]).toEqual(['Bibliography', false]);
    expect(p[1]).toEqual(['Section 1 Archives', true]);
    expect(String(p[2]?.[0])).toMatch(/^Tsentrāl'nyi Gosudarstvennyi Arkhiv Oktyabr'skoi Revolyutsii \(TsGAOR\)/u);
    expect(p).toHaveLength(3);
  });

  it('keeps a marker standing after **…** with its heading (Appendix 1)', () => {
    expect(pieces('fused-heading-appendix-1.txt', 3612)).toEqual([
      ['Appendix 1: Composition of the MK Buro 1925-32.¹', false],
      ['MK Buro on 13/8/1924.²', true],
    ]);
  });

  it('splits a lettered heading glued to a note marker (Appendix 2)', () => {
    expect(pieces('fused-heading-appendix-2.txt', 4082)).toEqual([
      ['Appendix 2:Work plans of the MK plenum and MK buro, April-September 1929.¹', false],
      ['a) Plan of Work for MK plenum.', true],
    ]);
  });

  it('splits "Diagram 1 (Continued)4. Departments…"', () => {
    expect(pieces('fused-heading-diagram.txt', 3396)).toEqual([
      ['Diagram 1 (Continued)', false],
      ['4. Departments mentioned at the III Oblast Conference, 1932.', true],
    ]);
  });

  it('splits a lettered heading from the sub-heading typed after it', () => {
    expect(splitFusedLine({ n: 4102, text: 'b) Plan of work for the MK buro.Industrial and construction questions.' }).map((p) => p.text)).toEqual([
      'b) Plan of work for the MK buro.',
      'Industrial and construction questions.',
    ]);
  });

  it('splits a heading from the column heads glued to it, which head the table below (Bibliography, Section 3)', () => {
    const line = fixture('fused-heading-column-heads.txt', 4352).find((l) => l.n === 4354)!;
    expect(splitFusedLine(line).map((p) => [p.text, p.fusedHeading, p.tableHead ?? false])).toEqual([
      ['Section 3 Official Proceedings of the Communist Party', true, false],
      ['All-Union Party Congresses:\tAll-Union Party Conferences:', false, true],
    ]);
    // Names that run a lower-case letter into a capital are not split.
    for (const text of ['the TsK and the TsKK (McAuley, NkFin).', 'Izvestiya TsK, 1925.']) expect(splitFusedLine({ n: 1, text }).map((p) => p.text)).toEqual([text]);
  });
});
