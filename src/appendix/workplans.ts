/**
 * Appendix 2, the work plans of the MK plenum and buro for April–September 1929, as data: the
 * numbered items grouped as printed (plan, then the buro plan's headed groups), each with the
 * months it is set for and the organisations that report and co-report on it.
 */
import type { Edition } from '../pipeline/model.ts';
import { inlineText } from '../pipeline/inline.ts';

export const MONTHS = ['April', 'May', 'June', 'July', 'August', 'September'] as const;
export type PlanMonth = (typeof MONTHS)[number];

export interface WorkPlanItem {
  /** Number as printed (1–18 in the plenum plan, 1–90 in the buro plan). */
  n: number;
  /** Lettered sub-item ("a", "b"), if this is one. */
  sub: string | null;
  /** The question, without its number, month and responsible organisations. */
  subject: string;
  months: PlanMonth[];
  /** Organisations that report ("Report by MSNKh"). */
  reports: string[];
  /** Organisations that co-report ("co-report by RKI"). */
  coReports: string[];
  /** The bracket naming who is responsible, as printed. */
  responsible: string | null;
  text: string;
  block: string;
  line: number;
  items: WorkPlanItem[];
}

export interface WorkPlanGroup {
  /** Heading as printed ("Industrial and construction questions."), or null for a plan without groups. */
  title: string | null;
  items: WorkPlanItem[];
}

export interface WorkPlan {
  key: 'plenum' | 'buro';
  title: string;
  anchor: string;
  groups: WorkPlanGroup[];
}

const tidy = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** The last bracketed group of the text (brackets may nest: "Mosstroj (Moscow construction)"), and the text before it. */
export function lastBracket(text: string): { before: string; inside: string } | null {
  const t = text.replace(/[\s.]+$/u, '');
  if (!t.endsWith(')')) return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === ')') depth++;
    if (t[i] === '(') depth--;
    if (depth === 0) return { before: t.slice(0, i).trim(), inside: t.slice(i + 1, -1).trim() };
  }
  return null;
}

const MONTH = `(?:${MONTHS.join('|')})`;
const END_MONTHS = new RegExp(`(?:^|[\\s(-])(${MONTH})(?:\\s*-\\s*(${MONTH}))?\\.?\\)?\\.?$`, 'u');

/** Months set at the end of a text ("- May.", "- April-May", "(May)"), ranges filled in. */
export function endMonths(text: string): PlanMonth[] | null {
  const m = END_MONTHS.exec(text.trim());
  if (!m) return null;
  const from = MONTHS.indexOf(m[1] as PlanMonth);
  const to = m[2] ? MONTHS.indexOf(m[2] as PlanMonth) : from;
  return MONTHS.slice(from, to + 1);
}

function stripEndMonths(text: string): string {
  const m = END_MONTHS.exec(text.trim());
  return m ? text.trim().slice(0, m.index).replace(/\s*-\s*$/u, '').trim() : text.trim();
}

function names(s: string): string[] {
  return s
    .replace(/^(?:Report|report)\s+by\s+/u, '')
    .split(/,\s*|\s+and\s+/u)
    .map((x) => tidy(x).replace(/^['‘](.*)['’]$/u, '$1'))
    .filter((x) => x !== '');
}

/** Split "Report by MSNKh, co-report by RKI" into reporting and co-reporting organisations. */
export function responsibleOrganisations(text: string): { reports: string[]; coReports: string[] } {
  const [main = '', ...co] = text.split(/,?\s*(?:and\s+|with\s+)?co-reports?\s+(?:by|from)\s+/iu);
  return { reports: names(main), coReports: co.flatMap(names) };
}

/** A bracket that continues the question rather than naming who answers it. */
const NOT_RESPONSIBLE = /^(from the point of view|introduction of)/u;

function parseItem(text: string, block: string, line: number): WorkPlanItem {
  const m = /^(?:-\s*)?(?:(\d+)\.|([a-z])\))\s+(.*)$/u.exec(text);
  if (!m) throw new Error(`work plans: not an item: "${text}" (line ${line})`);
  let body = (m[3] as string).trim();
  let bracket = lastBracket(body);
  let months: PlanMonth[] = [];
  let who = '';
  if (bracket) {
    body = bracket.before;
    months = endMonths(bracket.inside) ?? [];
    who = stripEndMonths(bracket.inside);
    if (NOT_RESPONSIBLE.test(who)) {
      body = `${body} (${who})`;
      who = '';
    }
  }
  if (months.length === 0) months = endMonths(body) ?? [];
  const subject = stripEndMonths(body).replace(/\.$/u, '');
  let { reports, coReports } = who ? responsibleOrganisations(who) : { reports: [] as string[], coReports: [] as string[] };
  // "Report by Gomza and Kolomenskoe factories": the question names who reports.
  const own = /^Report by (.+?)(?: on .*)?$/u.exec(subject);
  if (reports.length === 0 && own) reports = names(own[1] as string);
  return { n: m[1] ? Number(m[1]) : 0, sub: m[2] ?? null, subject, months, reports, coReports, responsible: who || null, text, block, line, items: [] };
}

/** Parse Appendix 2 of the edition. */
export function parseWorkPlans(edition: Edition): WorkPlan[] {
  const s = edition.sections.find((x) => x.id === 'appendices');
  if (!s) throw new Error('work plans: no appendices section');
  const plans: WorkPlan[] = [];
  let group: WorkPlanGroup | null = null;
  for (const b of s.blocks) {
    if (b.kind === 'pagebreak' || b.kind === 'notes' || b.scope !== 'app-2') continue;
    // h3: the two plans ("a) Plan of Work for MK plenum."); h4: the topics that group the buro's items.
    if (b.kind === 'heading' && b.level >= 3) {
      const title = tidy(inlineText(b.content));
      const plan = b.level === 3 ? /^([ab])\)\s*(.*)$/u.exec(title) : null;
      if (plan) {
        plans.push({ key: plan[1] === 'a' ? 'plenum' : 'buro', title: (plan[2] ?? '').replace(/\.$/u, ''), anchor: b.id, groups: [] });
        group = null;
      } else {
        group = { title, items: [] };
        plans[plans.length - 1]?.groups.push(group);
      }
      continue;
    }
    if (b.kind !== 'paragraph') continue;
    const text = tidy(inlineText(b.content));
    const plan = plans[plans.length - 1];
    if (!plan) continue;
    if (/^(-\s*)?[a-z]\)\s/u.test(text)) {
      const parent = group?.items[group.items.length - 1];
      if (!parent) throw new Error(`work plans: sub-item without an item (line ${b.lines[0]})`);
      const sub = parseItem(text, b.id, b.lines[0] ?? 0);
      parent.items.push({ ...sub, n: parent.n });
      continue;
    }
    if (!/^\d+\.\s/u.test(text)) throw new Error(`work plans: line ${b.lines[0]} is neither an item nor a sub-item: "${text}"`);
    if (!group) {
      group = { title: null, items: [] };
      plan.groups.push(group);
    }
    group.items.push(parseItem(text, b.id, b.lines[0] ?? 0));
  }
  return plans;
}

/** All items of a plan, sub-items included, in order. */
export function planItems(plan: WorkPlan): WorkPlanItem[] {
  return plan.groups.flatMap((g) => g.items.flatMap((i) => [i, ...i.items]));
}

/** Items of a plan by month (an item set for April–May is under both), months in order. */
export function itemsByMonth(plan: WorkPlan): { month: PlanMonth; items: WorkPlanItem[] }[] {
  return MONTHS.map((month) => ({ month, items: planItems(plan).filter((i) => i.months.includes(month)) })).filter((g) => g.items.length > 0);
}
