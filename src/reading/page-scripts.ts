/**
 * The JavaScript a built page transfers before any interaction: each `<script src>` it carries
 * and every module those import statically, not what they load on demand with import() (Pagefind,
 * the highlighter). Issue 7 asks for it on the map and chart pages: d3's sub-modules only, and
 * Leaflet only on the maps. Pure: `read` gives a file of the built site by its path, or null.
 */
import { posix } from 'node:path';

export function pageScripts(html: string, read: (path: string) => string | null): string[] {
  const queue = [...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/gu)].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    const code = read(path);
    if (code === null) continue;
    seen.add(path);
    // `import "./x.js"` and `… from "./x.js"`; `import("./x.js")` loads on demand and is not followed.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/gu)) queue.push(posix.join(posix.dirname(path), m[1] as string));
  }
  return [...seen];
}

/** Whether a script is Leaflet's (its bundle carries Leaflet's name and version). */
export const isLeaflet = (code: string): boolean => /\bLeaflet\b/u.test(code) && /\bversion\b/u.test(code);
