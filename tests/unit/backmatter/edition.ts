/** The edition built from the real thesis by the pure pipeline (shared with the pipeline tests). */
export { realEdition, root } from '../pipeline/helpers.ts';
