import type { Block, Section } from '../pipeline/model.ts';
import { MAP_PAGES } from '../maps/pages.ts';

/** What the edition adds after a stretch of a section's blocks. */
export type ChunkAddition =
  | { kind: 'table-figure'; n: number }
  | { kind: 'diagram'; n: number }
  | { kind: 'map-link'; map: (typeof MAP_PAGES)[number] };

export interface SectionChunk {
  blocks: Block[];
  after: ChunkAddition | null;
}

/**
 * Whether the table block at `i` is continued by another table block after only page markers
 * (Table 4 is printed in two halves, pp. 260–261): its figure waits for the last half.
 */
function continuesOnNextPage(blocks: readonly Block[], i: number): boolean {
  const next = blocks.slice(i + 1).find((b) => b.kind !== 'pagebreak');
  return next?.kind === 'table';
}

/**
 * A section's blocks cut where an editorial addition follows: the figure (chart, downloads, checks)
 * after the last printed block of each of Tables 1–5 (both halves of Table 4), each diagram's reconstruction after all its
 * printed pages (captions, keys, continuations), and the link to each map's reconstruction after
 * its caption. Every other section is one chunk. Blocks are never reordered or dropped.
 */
export function sectionChunks(s: Pick<Section, 'id' | 'blocks'>): SectionChunk[] {
  const out: SectionChunk[] = [];
  let current: Block[] = [];
  const cut = (after: ChunkAddition | null): void => {
    out.push({ blocks: current, after });
    current = [];
  };
  if (s.id === 'diagrams') {
    let diagram: number | null = null;
    for (const b of s.blocks) {
      const starts = b.kind === 'heading' ? /^diagram-(\d+)$/u.exec(b.id) : null;
      if (starts && diagram !== null && Number(starts[1]) !== diagram) {
        // The original page a diagram begins goes with it, after the previous diagram's reconstruction.
        const carried = current.at(-1)?.kind === 'pagebreak' ? current.splice(-1) : [];
        cut({ kind: 'diagram', n: diagram });
        current.push(...carried);
      }
      if (starts) diagram = Number(starts[1]);
      current.push(b);
    }
    cut(diagram !== null ? { kind: 'diagram', n: diagram } : null);
    return out;
  }
  if (s.id === 'maps') {
    let pending: (typeof MAP_PAGES)[number] | undefined;
    for (const b of s.blocks) {
      current.push(b);
      if (b.kind === 'heading') pending = MAP_PAGES.find((m) => m.id === b.id);
      if (b.kind === 'paragraph' && pending) {
        cut({ kind: 'map-link', map: pending });
        pending = undefined;
      }
    }
    cut(null);
    return out;
  }
  if (s.id === 'tables') {
    let table: number | null = null;
    s.blocks.forEach((b, i) => {
      current.push(b);
      if (b.kind === 'heading' && /^table-\d+$/u.test(b.id)) table = Number(b.id.slice(6));
      if (b.kind === 'table' && table !== null && !continuesOnNextPage(s.blocks, i)) {
        cut({ kind: 'table-figure', n: table });
        table = null;
      }
    });
    cut(null);
    return out;
  }
  return [{ blocks: s.blocks, after: null }];
}
