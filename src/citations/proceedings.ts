/**
 * The Moscow Party's conferences and the plenums of its committee (MK), whose stenographic reports
 * Section 3 of the bibliography lists by ordinal, body and year ("VI plenum (MK and MKK)
 * (October)" under 1928, "Third oblast' and second city conference (1932)") and the notes cite in
 * Russian ("Shestoi Ob. Plenum MK i MKK (M., 1928)", "III Moskovskaya oblast'naya i II Moskovskaya
 * gorodskaya konferentsiya VKP(b)"). Both are read into one description of the meeting, so that a
 * citation goes to a report only when ordinal, body and year agree: words alone would confuse the
 * IV plenum of 1925 with that of 1926, or a conference report with a statistical handbook.
 */
import type { BibEntry } from './bibliography.ts';

export type MeetingBody = 'MK' | 'MK and MKK' | 'gubernia' | 'oblast' | 'all-union';

export interface Meeting {
  /** 'congress': the All-Union Party congresses ("XVI S"ezd VKP(b)"). */
  kind: 'plenum' | 'conference' | 'congress';
  ordinal: number;
  /** Plenums: 'MK', or 'MK and MKK' for a joint plenum; conferences: 'gubernia' or 'oblast'. Null where a citation leaves it out ("Sed'moi Plenum"). */
  body: MeetingBody | null;
  /** An oblast' conference held with a city conference ("III oblast' and II city"): the city conference's ordinal. */
  cityOrdinal: number | null;
  /** In the bibliography, the year the meeting was held; in a citation, the imprint's year (null when the citation gives none). */
  year: string | null;
}

export interface MeetingCitation {
  meeting: Meeting;
  start: number;
  /** End of the title as cited ("… Konferentsiya VKP(b)"): the span a link covers. */
  titleEnd: number;
  /** End of the citation's imprint when it gives one ("(M., 1928)"), else titleEnd. */
  end: number;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/** "XVI" → 16; null for anything that is not a Roman numeral. */
export function romanValue(s: string): number | null {
  if (!/^[IVX]+$/u.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] as string] as number;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Ordinals as the bibliography spells them (English) and as the notes do (transliterated Russian). */
const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  pervyi: 1, vtoroi: 2, tretii: 3, chetvertyi: 4, pyatyi: 5, shestoi: 6, "sed'moi": 7, "vos'moi": 8,
};

/** "VII", "Sed'moi", "Seventh" → 7. */
export function ordinalValue(word: string): number | null {
  return romanValue(word) ?? ORDINAL_WORDS[word.toLowerCase().replace(/’/gu, "'")] ?? null;
}

/** The meeting a Section 3 entry reports, or null for the All-Union conferences and the KPSS volumes. */
export function meetingOfEntry(e: BibEntry): Meeting | null {
  if (e.type !== 'proceedings') return null;
  if (e.container === 'All-Union Party Congresses') {
    const ordinal = ordinalValue(e.title.split(' ')[0] ?? '');
    return ordinal === null ? null : { kind: 'congress', ordinal, body: 'all-union', cityOrdinal: null, year: e.year };
  }
  if (e.container === 'Moscow Party Conferences') {
    const m = /^(\w+) (gubernia|oblast') (?:and (\w+) city )?conference$/u.exec(e.title);
    const ordinal = m ? ordinalValue(m[1] as string) : null;
    if (!m || ordinal === null) return null;
    return { kind: 'conference', ordinal, body: m[2] === 'gubernia' ? 'gubernia' : 'oblast', cityOrdinal: m[3] ? ordinalValue(m[3]) : null, year: e.year };
  }
  if (e.container === 'Plenums of the MK and MKK') {
    const m = /^([IVX]+) plenum \((MK|MK and MKK)\)/u.exec(e.title);
    const ordinal = m ? romanValue(m[1] as string) : null;
    if (!m || ordinal === null) return null;
    return { kind: 'plenum', ordinal, body: m[2] as MeetingBody, cityOrdinal: null, year: e.year };
  }
  return null;
}

const RU_ORDINAL = String.raw`[IVX]+|Pervyi|Vtoroi|Tretii|Chetvertyi|Pyatyi|Shestoi|Sed'moi|Vos'moi`;
// "Ob"edinennyi", "Ob'edinenyi", "Ob.": joint (of the MK and the MKK).
const JOINT = String.raw`[Oo]b(?:["'’]?edinenn?yi|\.)`;
const PLENUM = new RegExp(
  String.raw`(?<![\p{L}\p{N}'])(${RU_ORDINAL})\s+(?:(${JOINT})\s+)?[Pp]lenum(?![\p{L}])((?:,?\s+(?:MK(?:\s+i\s+MKK)?|Moskovskogo\s+Komiteta)(?![\p{L}]))?)(?:,?\s+VKP\(b\))?`,
  'gu',
);
// "I Moskovskaya Oblast'naya Konferentsiya", "I Moskovskaya Oblast naya Konferentsiya", "III oblast'naya i II gorodskaya konferentsiya".
const CONFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'])([IVX]+)\s+(?:Moskovskay\w\s+)?([Gg]ubernskaya|[Oo]blast['’\s]?naya)(?:\s+i\s+([IVX]+)\s+(?:Moskovskay\w\s+)?[Gg]orods\w*)?\s+[Kk]onferentsiya(?:\s+[VR]KP\(b\))?`,
  'gu',
);
// "XVI S"ezd VKP(b)", the All-Union Party congress (not "XV S"ezdami", a word of a book's title).
const CONGRESS = /(?<![\p{L}\p{N}'])([IVX]+)\s+S"ezd(?![\p{L}])(?:\s+VKP\(b\))?/gu;
// What follows the title: "(M., 1928)", "(1925)", ", stenograficheskii otchet (M., 1932)", ", M. 1926".
const IMPRINT_AFTER = /^(?:,\s*stenografichesk\w+\s+otchet,?)?\s*\((?:M\.?,?\s*)?(1[89]\d\d)\)|^,\s*M\.?,?\s*(1[89]\d\d)\b/u;

/** Every citation of a Moscow conference's or plenum's report in a text, in order. */
export function findMeetingCitations(text: string): MeetingCitation[] {
  const out: MeetingCitation[] = [];
  const cite = (m: RegExpMatchArray, meeting: Omit<Meeting, 'year'>): void => {
    const start = m.index ?? 0;
    const titleEnd = start + m[0].length;
    const imprint = IMPRINT_AFTER.exec(text.slice(titleEnd));
    out.push({ meeting: { ...meeting, year: imprint ? ((imprint[1] ?? imprint[2]) as string) : null }, start, titleEnd, end: titleEnd + (imprint ? imprint[0].length : 0) });
  };
  for (const m of text.matchAll(PLENUM)) {
    const ordinal = ordinalValue(m[1] as string);
    if (ordinal === null) continue;
    const body = m[2] || /MKK/u.test(m[3] ?? '') ? 'MK and MKK' : m[3] ? 'MK' : null;
    cite(m, { kind: 'plenum', ordinal, body, cityOrdinal: null });
  }
  for (const m of text.matchAll(CONGRESS)) {
    const ordinal = romanValue(m[1] as string);
    if (ordinal !== null) cite(m, { kind: 'congress', ordinal, body: 'all-union', cityOrdinal: null });
  }
  for (const m of text.matchAll(CONFERENCE)) {
    const ordinal = romanValue(m[1] as string);
    if (ordinal === null) continue;
    cite(m, { kind: 'conference', ordinal, body: /^[Gg]/u.test(m[2] as string) ? 'gubernia' : 'oblast', cityOrdinal: m[3] ? romanValue(m[3]) : null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether a citation's body fits a report's. A joint plenum is a plenum of the MK held with the
 * MKK, and the thesis cites the joint II plenum of 1928 as "Vtoroi Plenum Moskovskogo Komiteta":
 * a citation naming only the MK may be a joint plenum's report, never the other way round.
 */
function bodyFits(cited: MeetingBody | null, listed: MeetingBody | null): boolean {
  return cited === null || cited === listed || (cited === 'MK' && listed === 'MK and MKK');
}

/**
 * Whether a cited year fits a report's. A plenum's ordinal starts again after each conference, so
 * its year must be the one listed. A conference's ordinal names it alone, and the year cited is the
 * imprint's: a volume may appear the year after (I oblast' conference, 1929; vol. 2, M., 1930).
 */
function yearFits(kind: Meeting['kind'], cited: string | null, listed: string | null): boolean {
  if (cited === null) return true;
  if (listed === null) return false;
  const later = Number(cited) - Number(listed);
  return kind === 'plenum' ? later === 0 : later === 0 || later === 1;
}

/** The report a citation names: the one entry whose meeting agrees in ordinal, body and year, else null. */
export function reportOf(cited: Meeting, reports: readonly { entry: BibEntry; meeting: Meeting }[]): BibEntry | null {
  const fits = reports.filter(
    ({ meeting: r }) =>
      r.kind === cited.kind &&
      r.ordinal === cited.ordinal &&
      (cited.cityOrdinal === null || cited.cityOrdinal === r.cityOrdinal) &&
      bodyFits(cited.body, r.body) &&
      yearFits(cited.kind, cited.year, r.year),
  );
  return fits.length === 1 ? (fits[0] as { entry: BibEntry }).entry : null;
}

/** Whether a short citation ("Sed'moi Plenum, p.10") can stand for an earlier, fuller one of the same meeting. */
export function sameMeeting(short: Meeting, earlier: Meeting): boolean {
  return (
    short.kind === earlier.kind &&
    short.ordinal === earlier.ordinal &&
    (short.cityOrdinal === null || earlier.cityOrdinal === null || short.cityOrdinal === earlier.cityOrdinal) &&
    (short.body === null || earlier.body === null || short.body === earlier.body) &&
    (short.year === null || earlier.year === null || short.year === earlier.year)
  );
}

export interface CitedMeeting {
  meeting: Meeting;
  scope: string;
  /** The report it was found to cite, or null (a meeting the bibliography does not list). */
  entry: BibEntry | null;
}

/**
 * The report a citation names. With a year, the report of that meeting. Without one it is a short
 * reference ("Pyatyi Ob. Plenum, p. 108", "IV Plenum, p. 19"): like op. cit., it stands for the
 * last citation of the same meeting, in its scope, else earlier in the thesis, and shares its report
 * or its lack of one; a meeting not cited before is named by its ordinal and body alone when only
 * one report fits.
 */
export function reportCited(cited: Meeting, scope: string, before: readonly CitedMeeting[], reports: readonly { entry: BibEntry; meeting: Meeting }[]): BibEntry | null {
  if (cited.year !== null) return reportOf(cited, reports);
  const latest = [...before].reverse();
  const earlier = latest.find((b) => b.scope === scope && sameMeeting(cited, b.meeting)) ?? latest.find((b) => sameMeeting(cited, b.meeting));
  return earlier ? earlier.entry : reportOf(cited, reports);
}
