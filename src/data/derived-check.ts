/**
 * Everything the pages derive from the edition, built once before the site is: the rosters and
 * people of Appendix 1, the work plans, the tables and their charts, the diagrams' reconstructions
 * and their quotations, the bibliography, glossary and abbreviations, the archives index, every
 * annotation (citations, places, people: each named by its own data file), the maps. A derivation that fails here fails
 * `npm run content`, before content/generated/ or dist/ is touched, with its message (which names
 * the data file or the thesis line), instead of a stack trace half-way through rendering pages.
 */
import { peopleAnnotations } from '../appendix/annotations.ts';
import { placeAnnotations } from '../maps/annotations.ts';
import { peopleOf } from '../appendix/people.ts';
import { parseRosters } from '../appendix/rosters.ts';
import { parseWorkPlans } from '../appendix/workplans.ts';
import { DIAGRAMS, resolveSources } from '../backmatter/diagrams.ts';
import { allTables } from '../backmatter/tables.ts';
import { chartForTable } from '../charts/table-charts.ts';
import { chartSummary } from '../charts/table-summaries.ts';
import { citationAnnotations, citationReport, type CitationReport } from '../citations/annotations.ts';
import { archiveIndex } from '../citations/archive-index.ts';
import { parseBibliography } from '../citations/bibliography.ts';
import { citingNotes } from '../citations/cited-in.ts';
import { parseAbbreviations, parseGlossary } from '../citations/glossary.ts';
import { loadGeodata } from '../maps/geodata.ts';
import { buildPayload, type MapKind } from '../maps/payload.ts';
import { relative } from 'node:path';
import { SourceError, THESIS_FILE } from '../pipeline/errors.ts';
import type { Edition } from '../pipeline/model.ts';

interface Derivation {
  readonly what: string;
  /** The file a failure most likely lies in, when its message does not name one. */
  readonly file: string;
  readonly run: (edition: Edition, root: string) => unknown;
}

const MAP_KINDS: readonly MapKind[] = ['city-1925', 'city-1930', 'oblast-1930'];

/** Runs `f`; a failure's message is prefixed with `where` (the file or the lines it concerns). */
function within<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new Error(`${where}: ${(err as Error).message}`);
  }
}

const DERIVATIONS: readonly Derivation[] = [
  { what: 'the rosters of Appendix 1', file: THESIS_FILE, run: parseRosters },
  { what: 'the people of Appendix 1', file: 'content/people/reconciliations.json', run: peopleOf },
  { what: 'the work plans of Appendix 2', file: THESIS_FILE, run: parseWorkPlans },
  {
    what: 'the tables and the charts of Tables 1-5',
    file: THESIS_FILE,
    // A chart reads named rows and columns: say which printed table no longer has them.
    run: (e) => allTables(e).forEach((t) => t.n !== null && within(`Table ${t.n} (thesis.txt:${t.lines[0]}-${t.lines[1]})`, () => [chartForTable(t), chartSummary(t)])),
  },
  {
    what: 'the diagrams\' reconstructions',
    file: 'content/diagrams',
    run: (e) => DIAGRAMS.forEach((d, i) => within(`content/diagrams/diagram-${i + 1}.json`, () => d.parts.map((p) => resolveSources(e, p)))),
  },
  { what: 'the bibliography', file: THESIS_FILE, run: (e) => [parseBibliography(e), citingNotes(e)] },
  { what: 'the glossary and abbreviations', file: THESIS_FILE, run: (e) => [parseGlossary(e), parseAbbreviations(e)] },
  { what: 'the archives index', file: THESIS_FILE, run: archiveIndex },
  { what: 'the citations', file: 'content/citations/identifications.json', run: citationAnnotations },
  { what: 'the places', file: 'content/geodata/places.json', run: placeAnnotations },
  { what: 'the people mentioned', file: 'content/people/reconciliations.json', run: peopleAnnotations },
  { what: 'the maps', file: 'content/geodata', run: (e, root) => MAP_KINDS.map((k) => buildPayload(loadGeodata(root), e, k)) },
];

/** The thesis line a message names ("thesis.txt:N", "(line N)", "line N is …"), if it names one. */
function lineIn(message: string): number | null {
  const m = /thesis\.txt:(\d+)|\bline (\d+)\b/u.exec(message);
  return m ? Number(m[1] ?? m[2]) : null;
}

/**
 * Builds every derivation; returns the citation report the build prints, or throws a SourceError.
 * `sourceIntact`: the source matches its recorded SHA-256, so a quotation or name that no longer
 * fits is the data file's fault, not the thesis's. `root`: the project, where the maps' geography is.
 */
export function checkDerivedData(edition: Edition, sourceIntact = true, root = process.cwd()): CitationReport {
  for (const d of DERIVATIONS) {
    try {
      d.run(edition, root);
    } catch (err) {
      if (err instanceof SourceError) throw err;
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT' ? (err as NodeJS.ErrnoException).path : undefined;
      if (missing !== undefined) throw new SourceError(relative(root, missing), null, `${d.what} cannot be built: the file is missing (it is part of the project: restore it from git)`);
      const message = (err as Error).message;
      // The file at fault: with the source as recorded, the data file the message names; with a
      // changed source, the thesis at the line the message names; else the file the derivation
      // reads. (The other is in the message.)
      const named = /^(content\/[^\s:]+?\.(?:json|csv))\b/u.exec(message)?.[1];
      const line = named !== undefined && sourceIntact ? null : lineIn(message);
      const file = line !== null ? THESIS_FILE : (named ?? d.file);
      throw new SourceError(file, line, `${d.what} cannot be built: ${file === named ? message.slice(named.length).replace(/^:?\s*/u, '') : message}`);
    }
  }
  try {
    return citationReport(edition);
  } catch (err) {
    throw new SourceError('content/citations/identifications.json', null, `the citation report cannot be built: ${(err as Error).message}`);
  }
}
