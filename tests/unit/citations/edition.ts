/** The edition built from the real thesis by the pure pipeline (shared with the pipeline tests). */
import { realEdition } from '../pipeline/helpers.ts';
import { textContexts, type TextContext } from '../../../src/citations/contexts.ts';

export { realEdition };

/** The text block with this id (a note, a paragraph…). */
export function context(block: string, section?: string): TextContext {
  const c = textContexts(realEdition()).find((x) => x.block === block && (section === undefined || x.section === section));
  if (!c) throw new Error(`no block ${block}`);
  return c;
}
