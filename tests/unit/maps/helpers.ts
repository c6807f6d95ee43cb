/** Shared fixtures for the map tests: the edition built from the real thesis, and the shipped geodata. */
import { realEdition, root } from '../pipeline/helpers.ts';
import { loadGeodata, type Geodata } from '../../../src/maps/geodata.ts';

export { realEdition, root };

export function geodata(): Geodata {
  return loadGeodata(root);
}
