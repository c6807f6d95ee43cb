import type { APIRoute } from 'astro';
import { themeBeforePaintSource } from '../reading/theme.ts';

/** The few bytes every page runs in its <head> so a chosen theme is drawn from the first paint (src/reading/theme.ts). */
export const GET: APIRoute = () => new Response(themeBeforePaintSource(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
