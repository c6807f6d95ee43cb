/**
 * The timeline on a person's page, as data: the person's seats across the rosters of Appendix 1
 * (one lane per group) and the changes that name them, against the dates of all the rosters.
 */
import type { Person } from '../backmatter/people.ts';
import type { Roster, RosterChange } from '../backmatter/rosters.ts';
import { GROUP_LABELS, type RosterGroup } from '../backmatter/rosters.ts';

export interface TimelineSpec {
  title: string;
  domain: [number, number];
  /** Every roster, drawn as a faint guide so that absences show. */
  rosters: { x: number; label: string }[];
  lanes: string[];
  marks: { lane: number; x: number; text: string; kind: 'post' | 'change' }[];
}

/** '1927-01' → 1927.0; '1924-08-13' → 1924.62 (decimal years). */
export function decimalYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  return y + ((m ?? 1) - 1) / 12 + ((d ?? 1) - 1) / 365;
}

const ORDER: RosterGroup[] = ['secretariat', 'secretariat-candidates', 'buro', 'candidates'];

export function personTimeline(person: Person, rosters: readonly Roster[], changes: readonly RosterChange[]): TimelineSpec {
  const groups = ORDER.filter((g) => person.posts.some((p) => p.group === g));
  const lanes = [...groups.map((g) => GROUP_LABELS[g]), ...(person.changes.length ? ['Changes'] : [])];
  const marks: TimelineSpec['marks'] = person.posts.map((p) => ({
    lane: groups.indexOf(p.group),
    x: decimalYear(p.date),
    text: `${p.dateLabel}, ${p.body}: ${GROUP_LABELS[p.group]}${p.post ? `, ${p.post}` : ''}${p.isNew ? ' (new)' : ''}`,
    kind: 'post',
  }));
  for (const c of person.changes) marks.push({ lane: groups.length, x: decimalYear(c.date), text: `${c.dateLabel}: ${c.text}`, kind: 'change' });
  marks.sort((a, b) => a.x - b.x || a.lane - b.lane);
  const xs = [...rosters.map((r) => decimalYear(r.date)), ...changes.map((c) => decimalYear(c.date))];
  return {
    title: `${person.name} in the rosters of the MK, MOK and MGK buros, 1924–32`,
    domain: [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs) + 0.01)],
    rosters: rosters.map((r) => ({ x: decimalYear(r.date), label: `${r.dateLabel} (${r.body})` })),
    lanes,
    marks,
  };
}
