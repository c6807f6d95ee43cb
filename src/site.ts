/** Site-wide constants: names, navigation order, and the edition's own URL scheme. */
export const SITE_TITLE = 'The Communist Party in Moscow 1925-1932';
export const SITE_AUTHOR = 'Catherine Merridale';

/** Build a site-internal URL ending in a slash (trailingSlash: 'always'). */
export function href(path: string, fragment?: string): string {
  const clean = `/${path.replace(/^\/+|\/+$/gu, '')}/`.replace(/^\/\/$/u, '/');
  return fragment ? `${clean}#${fragment}` : clean;
}
