/**
 * Editorial reconstructions of the lost Diagrams 1–4 (content/diagrams/*.json, validated here):
 * org-chart trees drawn from what the chapters say, each part with the sentences it rests on.
 * The layout is computed at build time with d3-hierarchy, so the chart needs no script.
 */
import { z } from 'astro/zod';
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { Edition } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';
import { describeIssues } from '../pipeline/errors.ts';
import { textContexts } from '../citations/contexts.ts';
import d1 from '../../content/diagrams/diagram-1.json' with { type: 'json' };
import d2 from '../../content/diagrams/diagram-2.json' with { type: 'json' };
import d3 from '../../content/diagrams/diagram-3.json' with { type: 'json' };
import d4 from '../../content/diagrams/diagram-4.json' with { type: 'json' };

export interface DiagramNode {
  name: string;
  note?: string | undefined;
  /** The key of Diagram 4: Party organ, other responsible organisation, factory administration. */
  kind?: 'party' | 'other' | 'administration' | undefined;
  children?: DiagramNode[] | undefined;
}

const nodeSchema: z.ZodType<DiagramNode> = z.lazy(() =>
  z
    .object({
      name: z.string().min(1),
      note: z.string().min(1).optional(),
      kind: z.enum(['party', 'other', 'administration']).optional(),
      children: z.array(nodeSchema).optional(),
    })
    .strict(),
);

export const diagramSchema = z
  .object({
    diagram: z.number().int().min(1).max(4),
    title: z.string().min(1),
    method: z.string().min(20),
    parts: z
      .array(
        z
          .object({
            label: z.string().min(1),
            /** Id on /diagrams/ of the caption this part reconstructs. */
            anchor: z.string().min(1),
            tree: nodeSchema,
            sources: z.array(z.object({ section: z.string().min(1), block: z.string().regex(/^(para-\d+|[a-z0-9.]+-n\d+)$/u), quote: z.string().min(5) }).strict()).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Diagram = z.infer<typeof diagramSchema>;
export type DiagramPart = Diagram['parts'][number];

/** Validate one diagram file; a problem names the file and the field. */
export function parseDiagram(json: unknown, file: string): Diagram {
  const parsed = diagramSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is malformed: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

export const DIAGRAMS: readonly Diagram[] = [d1, d2, d3, d4].map((d, i) => parseDiagram(d, `content/diagrams/diagram-${i + 1}.json`));

export function diagramByNumber(n: number): Diagram {
  const d = DIAGRAMS.find((x) => x.diagram === n);
  if (!d) throw new Error(`diagrams: no reconstruction of Diagram ${n}`);
  return d;
}

export interface ResolvedSource {
  href: string;
  label: string;
  quote: string;
}

/**
 * The key the thesis prints with Diagram n ("Key: Party organ Other responsible organisation |
 * Factory administration …", Diagram 4), as its lines; empty where only a caption survives
 * (Diagrams 1 and 2). Read from the Diagrams section, between the diagram's heading and the next's.
 */
export function printedKey(edition: Edition, n: number): string[] {
  const blocks = edition.sections.find((s) => s.id === 'diagrams')?.blocks ?? [];
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.id === `diagram-${n}`);
  if (start < 0) return [];
  const out: string[] = [];
  let inKey = false;
  for (const b of blocks.slice(start + 1)) {
    if (b.kind === 'heading' && /^diagram-\d+$/u.test(b.id)) break;
    if (b.kind !== 'heading' && b.kind !== 'paragraph') continue;
    const text = inlineText(b.content).trim();
    if (/^Source/u.test(text)) break;
    inKey ||= /^Key:/u.test(text);
    if (inKey) out.push(text);
  }
  return out;
}

/** Each source sentence with its link; throws if a quote is not in the block it names (the build must not cite what the text does not say). */
export function resolveSources(edition: Edition, part: DiagramPart): ResolvedSource[] {
  const contexts = textContexts(edition);
  return part.sources.map((s) => {
    const c = contexts.find((x) => x.section === s.section && x.block === s.block);
    const flat = c?.flat.text.replace(/\s+/gu, ' ');
    if (!c || !flat?.includes(s.quote)) throw new Error(`diagrams: "${s.quote}" is not in ${s.section}#${s.block}${c ? `, the ${c.kind} at content/source/thesis.txt:${c.line}` : ', which does not exist'}`);
    const section = edition.sections.find((x) => x.id === s.section);
    const para = /^para-(\d+)$/u.exec(s.block);
    return { href: `/${c.slug}/#${s.block}`, label: `${section?.label ?? s.section}, ${para ? `paragraph ${para[1]}` : s.block}`, quote: s.quote };
  });
}

export interface LaidOutNode {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  kind: NonNullable<DiagramNode['kind']>;
  depth: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  /** Elbow connectors as SVG path data. */
  links: string[];
}

/** Break a label into lines of at most `max` characters. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/u)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const COL = 190;
const BOX = 165;
const LINE = 14;
const CHARS = 22;

/** Left-to-right tree layout of one part (root on the left); boxes grow with their wrapped labels. */
export function layoutTree(root: DiagramNode): Layout {
  const h = hierarchy<DiagramNode>(root, (d) => d.children);
  const linesOf = (d: DiagramNode): string[] => [...wrap(d.name, CHARS), ...(d.note ? wrap(`(${d.note})`, CHARS) : [])];
  // Neighbours are spaced by their own heights (in units of one text line), so short boxes sit close.
  const heightOf = (d: DiagramNode): number => linesOf(d).length * LINE + 10;
  const laid = tree<DiagramNode>()
    .nodeSize([1, COL])
    .separation((a, b) => (heightOf(a.data) + heightOf(b.data)) / 2 + (a.parent === b.parent ? 8 : 16))(h);
  const all = laid.descendants();
  const minX = Math.min(...all.map((d) => d.x));
  const maxX = Math.max(...all.map((d) => d.x));
  const pad = 8;
  // Half the tallest box above the first centre and below the last.
  const top = Math.max(...all.map((d) => heightOf(d.data))) / 2;
  const boxOf = (d: HierarchyPointNode<DiagramNode>): LaidOutNode => {
    const lines = linesOf(d.data);
    const height = lines.length * LINE + 10;
    return { x: pad + d.y, y: pad + d.x - minX + top - height / 2, width: BOX, height, lines, kind: d.data.kind ?? 'other', depth: d.depth };
  };
  const boxes = new Map(all.map((d) => [d, boxOf(d)] as const));
  const links = laid.links().map(({ source, target }) => {
    const s = boxes.get(source) as LaidOutNode;
    const t = boxes.get(target) as LaidOutNode;
    const sx = s.x + s.width;
    const sy = s.y + s.height / 2;
    const tx = t.x;
    const ty = t.y + t.height / 2;
    const mid = sx + (tx - sx) / 2;
    return `M${sx},${sy}H${mid}V${ty}H${tx}`;
  });
  const nodes = all.map((d) => boxes.get(d) as LaidOutNode);
  const depth = Math.max(...all.map((d) => d.depth));
  return { width: pad * 2 + depth * COL + BOX, height: pad * 2 + maxX - minX + 2 * top, nodes, links };
}

/** The tree as nested items, for the text version and tests. */
export function outline(node: DiagramNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${node.name}${node.note ? ` (${node.note})` : ''}`, ...(node.children ?? []).flatMap((c) => outline(c, depth + 1))];
}
