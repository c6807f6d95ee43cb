import { createHash } from 'node:crypto';

/**
 * Narrows the Content-Security-Policy <meta> Astro writes on a static page to the hashes that
 * page needs. Astro's `security.csp` lists, on every page, the hashes of every inline script and
 * style of the whole build plus its island runtime (17 on this site, ~0.9 KB gzip of incompressible
 * base64 per page; a tenth of the Conclusion's own text). A page may only run what it carries, so
 * keeping the hashes of the inline elements actually in the page is both smaller and tighter.
 * Pure: HTML in, HTML out; an inline script or style the policy would block is an error.
 */

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/u;
/** Inline classic and module scripts (data blocks such as JSON-LD are never executed, so never hashed). */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?<attrs>[^>]*)>(?<body>[\s\S]*?)<\/script>/gu;
const INLINE_STYLE = /<style[^>]*>(?<body>[\s\S]*?)<\/style>/gu;
const HASH_SOURCE = /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/u;

export interface NarrowedCsp {
  html: string;
  /** Hashes kept in script-src and style-src. */
  kept: number;
  /** Hashes of other pages' inline code, removed. */
  dropped: number;
}

export class CspError extends Error {}

function hashOf(algorithm: string, body: string): string {
  return `'sha${algorithm}-${createHash(`sha${algorithm}`).update(body, 'utf8').digest('base64')}'`;
}

function isExecutableScript(attrs: string): boolean {
  const type = /\stype="([^"]*)"/u.exec(attrs)?.[1];
  return type === undefined || type === '' || type === 'module' || /javascript/u.test(type);
}

/** The bodies of the inline scripts and styles of a page, by directive. */
export function inlineBodies(html: string): { script: string[]; style: string[] } {
  const script = [...html.matchAll(INLINE_SCRIPT)].filter((m) => isExecutableScript(m.groups?.attrs ?? '')).map((m) => m.groups?.body ?? '');
  const style = [...html.matchAll(INLINE_STYLE)].map((m) => m.groups?.body ?? '');
  return { script, style };
}

/** Rewrites one directive ("script-src 'self' 'sha256-…' …") to keep only the hashes in `needed`. */
function narrowDirective(directive: string, needed: Set<string>, where: string): { text: string; kept: number; dropped: number } {
  const [name, ...sources] = directive.trim().split(/\s+/u);
  const allowed = new Set(sources.filter((s) => HASH_SOURCE.test(s)));
  for (const hash of needed) if (!allowed.has(hash)) throw new CspError(`${where}: an inline ${name === 'script-src' ? 'script' : 'style'} (${hash}) is not allowed by the page's ${name}; the browser would block it`);
  const kept = sources.filter((s) => !HASH_SOURCE.test(s) || needed.has(s));
  return { text: [name, ...kept].join(' '), kept: needed.size, dropped: allowed.size - needed.size };
}

export function narrowPageCsp(html: string, where: string): NarrowedCsp {
  const meta = META.exec(html);
  if (!meta) return { html, kept: 0, dropped: 0 };
  const policy = meta[1] as string;
  const algorithm = /'sha(256|384|512)-/u.exec(policy)?.[1] ?? '256';
  const bodies = inlineBodies(html);
  const needed = {
    'script-src': new Set(bodies.script.map((b) => hashOf(algorithm, b))),
    'style-src': new Set(bodies.style.map((b) => hashOf(algorithm, b))),
  };
  let kept = 0;
  let dropped = 0;
  const directives = policy.split(';').map((d) => {
    const name = d.trim().split(/\s+/u)[0];
    if (name !== 'script-src' && name !== 'style-src') return d;
    const narrowed = narrowDirective(d, needed[name], where);
    kept += narrowed.kept;
    dropped += narrowed.dropped;
    return ` ${narrowed.text}`;
  });
  const next = directives.join(';');
  return { html: html.replace(meta[0], () => `<meta http-equiv="content-security-policy" content="${next}">`), kept, dropped };
}
