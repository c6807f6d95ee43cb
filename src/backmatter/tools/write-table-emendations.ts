/**
 * Writes content/emendations/tables.json from the tables' own checks (ids em-200 and up, kept for
 * entries that are already there). Run after changing a table check: node src/backmatter/tools/write-table-emendations.ts
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildEdition } from '../../pipeline/edition.ts';
import { toLines } from '../../pipeline/lines.ts';
import type { Emendation } from '../../pipeline/model.ts';
import { tableEmendationDrafts } from '../table-emendations.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = join(root, 'content/emendations/tables.json');
const text = readFileSync(join(root, 'content/source/thesis.txt'), 'utf8');
const others = readdirSync(join(root, 'content/emendations')).filter((f) => f.endsWith('.json') && f !== 'tables.json');
const edition = buildEdition({
  text,
  emendations: others.map((f) => ({ file: `content/emendations/${f}`, json: JSON.parse(readFileSync(join(root, 'content/emendations', f), 'utf8')) as unknown })),
  irregularities: JSON.parse(readFileSync(join(root, 'content/note-irregularities.json'), 'utf8')) as unknown,
  continuations: JSON.parse(readFileSync(join(root, 'content/paragraph-continuations.json'), 'utf8')) as unknown,
  sourceSha256: 'tool',
});
const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Emendation[]) : [];
const idOf = new Map(previous.map((e) => [`${e.line}\u0000${e.original}`, e.id]));
let next = Math.max(199, ...previous.map((e) => Number(e.id.slice(3)))) + 1;
const entries: Emendation[] = tableEmendationDrafts(edition, toLines(text)).map(({ flag: _flag, ...e }) => ({ id: idOf.get(`${e.line}\u0000${e.original}`) ?? `em-${String(next++).padStart(3, '0')}`, ...e }));
entries.sort((a, b) => a.id.localeCompare(b.id));
writeFileSync(out, `${JSON.stringify(entries, null, 1)}\n`);
console.log(`content/emendations/tables.json: ${entries.length} entries (${entries.filter((e) => e.kind === 'editorial-note').length} editorial notes)`);
