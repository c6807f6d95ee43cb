/**
 * The Abbreviations and the Glossary of Russian terms as the citation layer uses them: one line of
 * expansion per entry, for link titles and archive names. Parsed once, in src/appendix/glossary.ts.
 */
import type { Edition } from '../pipeline/model.ts';
import { abbreviationEntries, glossaryEntries } from '../appendix/glossary.ts';

export interface Abbreviation {
  abbr: string;
  /** What it stands for, with the list's English rendering in brackets where it gives one. */
  expansion: string;
  /** Which list: journals and newspapers, archives, places of publication. */
  group: 'periodical' | 'archive' | 'place';
  /** Row anchor on /abbreviations/. */
  anchor: string | null;
}

export interface GlossaryTerm {
  term: string;
  /** The Russian it stands for, if any, then the English ("agitatsiya i propaganda (agitation …)"). */
  definition: string;
  anchor: string | null;
}

/** Glossary headwords the text spells otherwise ("Mossovet" in the Glossary, "Mossoviet" 36 times in the text; "oblast" without its soft sign 8 times; "orgraspredotdel"). */
export const GLOSSARY_SPELLINGS_IN_TEXT: Readonly<Record<string, readonly string[]>> = {
  // The department named with its otdel written on: orgraspred is itself "organizatsionno-raspredelitel'nyi otdel".
  agitprop: ['agitpropotdel'],
  orgraspred: ['orgraspredotdel'],
  Mossovet: ['Mossoviet'],
  "oblast'": ['oblast'],
  sheftsvo: ['sheftstvo', 'shefstvo'],
};

/** Abbreviations the notes type otherwise ("V I KPSS", three times, for the list's "VI KPSS"). */
export const ABBREVIATION_SPELLINGS_IN_TEXT: Readonly<Record<string, readonly string[]>> = {
  'VI KPSS': ['V I KPSS'],
};

export function parseAbbreviations(edition: Edition): Abbreviation[] {
  return abbreviationEntries(edition).map((a) => ({
    abbr: a.abbr,
    expansion: a.translation ? `${a.expansion} (${a.translation})` : a.expansion,
    group: a.group,
    anchor: a.anchor || null,
  }));
}

export function parseGlossary(edition: Edition): GlossaryTerm[] {
  return glossaryEntries(edition).map((g) => ({
    term: g.term,
    // As the thesis prints it: "Moskovskii Komitet (Moscow Committee…)", "Vsesoyuznaya … (bol'shevikov) All-Union Communist Party (bolsheviks)".
    definition: g.expansion ? `${g.expansion}${g.definition ? (g.bracketed ? ` (${g.definition})` : ` ${g.definition}`) : ''}` : g.definition,
    anchor: g.anchor || null,
  }));
}
