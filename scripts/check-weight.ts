/**
 * The page-weight budget, enforced (npm test, after the build): each chapter page may weigh at
 * most MARKUP_ALLOWANCE above what it would with no markup at all (src/reading/page-weight.ts).
 * Prints every page's numbers; exits non-zero naming each page over budget.
 */
import { join } from 'node:path';
import { buildEdition } from '../src/pipeline/edition.ts';
import { overBudget } from '../src/reading/page-weight.ts';
import { readEditionInput } from './edition-input.ts';
import { chapterWeights, scriptLine, scriptWeights, weightLine } from './chapter-weights.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const edition = buildEdition(readEditionInput(root).input);

const weights = chapterWeights(join(root, 'dist'), edition);
for (const w of weights) console.log(weightLine(w));
const problems: string[] = weights.flatMap((w) => overBudget(w.slug, w.weight) ?? []);
// Leaflet loads on the map pages and nowhere else (issue 7); each map page has it.
const scripts = scriptWeights(join(root, 'dist'));
for (const w of scripts.filter((x) => x.page.startsWith('/maps/') && x.page !== '/maps/')) console.log(scriptLine(w));
for (const w of scripts) {
  const map = w.page.startsWith('/maps/') && w.page !== '/maps/';
  if (w.leaflet !== map) problems.push(`${w.page}: ${map ? 'a map page without Leaflet' : 'loads Leaflet, which only the map pages need'} (${w.files.join(', ')})`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`page weight: ${weights.length} chapter pages within budget; Leaflet on the ${scripts.filter((x) => x.leaflet).length} map pages only`);
