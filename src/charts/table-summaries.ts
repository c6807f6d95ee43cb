/**
 * What each of Tables 1–5 shows, in words: the page's text alternative to the chart. Every figure
 * and every comparison (largest, fastest, first) is computed from the table when the site is built,
 * so the words cannot say what the table does not; figures are quoted as the table prints them.
 */
import type { DataRow, DataTable } from '../backmatter/table-model.ts';
import { CONFERENCES, T4_CATEGORY_ROWS } from '../backmatter/tables.ts';
import { figure, figureOrNull, formatCount, largest, listInWords, rowByKey } from './table-cells.ts';

const percentOf = (part: number, whole: number): string => `${Math.round((part / whole) * 100)}%`;
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const oneDecimal = (v: number): string => v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function populationSummary(t: DataTable): string {
  const years = t.rows.filter((r) => figureOrNull(t, r, 'population'));
  const pop = (r: DataRow): { value: number; shown: string } => figure(t, r, 'population');
  const [first, prewar, revolution] = ['1913', '1914', '1917'].map((k) => rowByKey(t, k)) as [DataRow, DataRow, DataRow];
  const since1917 = years.slice(years.indexOf(revolution));
  const trough = largest(since1917, (r) => -pop(r).value);
  const war = since1917.slice(0, since1917.indexOf(trough) + 1);
  const fellEveryYear = war.every((r, i) => i === 0 || pop(r).value < pop(war[i - 1] as DataRow).value);
  const fall = Math.round((1 - pop(trough).value / pop(revolution).value) * 100);
  const afterTrough = years.slice(years.indexOf(trough) + 1);
  const recovered = afterTrough.find((r) => pop(r).value >= pop(prewar).value);
  const peak = largest(years, (r) => pop(r).value);
  const last = years.at(-1) as DataRow;
  const lastPct = figureOrNull(t, last, 'pct-previous');
  // Growth as the table measures it (its percentage column), and in numbers of people.
  const byPct = years.filter((r) => figureOrNull(t, r, 'pct-previous')).sort((a, b) => figure(t, b, 'pct-previous').value - figure(t, a, 'pct-previous').value);
  const [fastest, second] = byPct as [DataRow, DataRow];
  const rises = years.slice(1).map((r, i) => ({ row: r, before: years[i] as DataRow, gain: pop(r).value - pop(years[i] as DataRow).value }));
  const biggest = largest(rises, (x) => x.gain);
  return [
    `Moscow had ${pop(first).shown} inhabitants in ${first.label} and ${pop(revolution).shown} in ${revolution.label}.`,
    `During the civil war the population fell${fellEveryYear ? ' every year' : ''}, to ${pop(trough).shown} in ${trough.label}, ${fall}% below ${revolution.label}.`,
    `${recovered ? `It was back above its last pre-war count (${pop(prewar).shown} in ${prewar.label}) by ${recovered.label} and` : 'It'} grew to ${pop(peak).shown} in ${peak.label}${last !== peak ? `, before falling to ${pop(last).shown} in ${last.label}${lastPct ? ` (${lastPct.shown} of the previous year)` : ''}` : ''}.`,
    `By the table's percentages growth was fastest in ${fastest.label} (${figure(t, fastest, 'pct-previous').shown} of the previous year's population), followed by ${second.label} (${figure(t, second, 'pct-previous').shown}); the largest rise in numbers was in ${biggest.row.label} (${formatCount(biggest.gain)} more than in ${biggest.before.label}).`,
  ].join(' ');
}

function compositionSummary(t: DataTable): string {
  const counts = t.columns.filter((c) => /^\d{4}$/u.test(c.key)).map((c) => c.key);
  const [from, to] = [counts[0] as string, counts.at(-1) as string];
  const groups = t.rows.filter((r) => r.kind === 'data');
  const change = (key: string): string => {
    const [a, b] = [figure(t, key, from), figure(t, key, to)];
    return `${b.value >= a.value ? 'rose' : 'fell'} from ${a.shown} to ${b.shown} thousand`;
  };
  const leaders = counts.map((y) => largest(groups.filter((r) => figureOrNull(t, r, y)), (r) => figure(t, r, y).value));
  const leader = leaders[0] as DataRow;
  const largestGroup = leaders.every((r) => r === leader)
    ? `${lowerFirst(leader.name)} were the largest group at every count (${listInWords(counts.map((y) => figure(t, leader, y).shown))} thousand)`
    : `the largest group was ${listInWords(counts.map((y, i) => `${lowerFirst((leaders[i] as DataRow).name)} in ${y}`))}`;
  const gaps = groups.flatMap((r) => {
    const missing = counts.filter((y) => !figureOrNull(t, r, y));
    const printed = counts.filter((y) => figureOrNull(t, r, y));
    return missing.length ? [`The ${lowerFirst(r.name)} (${listInWords(printed.map((y) => `${figure(t, r, y).shown} thousand in ${y}`))}) have no figures for ${listInWords(missing)}.`] : [];
  });
  const total = t.rows.find((r) => r.kind === 'total');
  const totalFlags = t.flags.filter((f) => f.row === total?.key);
  const totalsSentence = (() => {
    if (!total || totalFlags.length === 0) return [];
    const larger = totalFlags.every((f) => figure(t, total, f.column).value > f.computed);
    const smaller = totalFlags.every((f) => figure(t, total, f.column).value < f.computed);
    const pairs = listInWords(totalFlags.map((f) => `${figure(t, total, f.column).shown} against ${f.computedText}`));
    const how = larger ? 'larger than' : smaller ? 'smaller than' : 'different from';
    // The check adds the printed subtotals; the chart stacks the groups themselves. Where a subtotal is
    // itself off, the bar differs from the check's sum, and the words say by how much and why.
    const drawn = totalFlags.flatMap((f) => {
      const stacked = groups.reduce((sum, r) => sum + (figureOrNull(t, r, f.column)?.value ?? 0), 0);
      const subtotal = t.flags.find((x) => x.column === f.column && t.rows.find((r) => r.key === x.row)?.kind === 'subtotal');
      if (Math.abs(stacked - f.computed) < 0.05 || !subtotal) return [];
      const row = t.rows.find((r) => r.key === subtotal.row) as DataRow;
      const off = figure(t, row, f.column).value - subtotal.computed;
      return [`Drawn from its groups, ${f.column} comes to ${oneDecimal(stacked)} thousand: the sum above takes ${lowerFirst(row.label)} as printed (${figure(t, row, f.column).shown}), itself ${oneDecimal(Math.abs(off))} ${off > 0 ? 'more' : 'less'} than its parts.`];
    });
    return [`The printed total${totalFlags.length > 1 ? 's' : ''} for ${listInWords(totalFlags.map((f) => f.column))} ${totalFlags.length > 1 ? 'are' : 'is'} ${how} the sum of the groups listed (${pairs} thousand).`, ...drawn];
  })();
  return [`Between ${from} and ${to} the number of workers in Moscow ${change('workers')} and that of employees ${change('employees')}; ${largestGroup}.`, ...gaps, ...totalsSentence].join(' ');
}

function investmentSummary(t: DataTable): string {
  const periods = ['h-1927-28', 'h-1928-29', 'h-1932'];
  const label = (key: string): string => t.columns.find((c) => c.key === key)?.label ?? key;
  const [first, last] = [periods[0] as string, periods.at(-1) as string];
  const total = (p: string): { value: number; shown: string } => figure(t, 'total-in-moscow', p);
  const shares = periods.map((p) => percentOf(figure(t, 'of-which-group-a', p).value, total(p).value));
  // Branches in their own right: not the "of which" lines inside another branch.
  const branches = t.rows.filter((r) => r.group !== null && !r.key.startsWith('of-which'));
  const leaders = periods.map((p) => largest(branches.filter((r) => figureOrNull(t, r, p)), (r) => figure(t, r, p).value));
  const leader = leaders[0] as DataRow;
  const leading = leaders.every((r) => r === leader)
    ? `${leader.name} received the most in every year (${listInWords(periods.map((p) => figure(t, leader, p).shown))} thousand)`
    : `the largest branch was ${listInWords(periods.map((p, i) => `${lowerFirst((leaders[i] as DataRow).name)} in ${label(p)}`))}`;
  const [next1, next2] = branches
    .filter((r) => r !== leaders.at(-1) && figureOrNull(t, r, last))
    .sort((a, b) => figure(t, b, last).value - figure(t, a, last).value) as [DataRow, DataRow];
  const complete = branches.filter((r) => periods.every((p) => figureOrNull(t, r, p)));
  const spread = (r: DataRow): number => Math.max(...periods.map((p) => figure(t, r, p).value)) / Math.min(...periods.map((p) => figure(t, r, p).value));
  const steadiest = largest(complete, (r) => -spread(r));
  const range = periods.map((p) => figure(t, steadiest, p)).sort((a, b) => a.value - b.value);
  return [
    `Investment in Moscow industry rose from ${total(first).shown} thousand rubles in ${label(first)} to ${total(last).shown} thousand in ${label(last)}; group A (producer goods) took ${listInWords(shares)} of it.`,
    `${leading.charAt(0).toUpperCase()}${leading.slice(1)}; in ${label(last)} the next were ${lowerFirst(next1.name)} (${figure(t, next1, last).shown}) and ${lowerFirst(next2.name)} (${figure(t, next2, last).shown}).`,
    `${steadiest.name} received ${spread(steadiest) < 1.15 ? 'almost the same amount' : 'the steadiest amount'} in each year (between ${range[0]?.shown} and ${range.at(-1)?.shown} thousand).`,
  ].join(' ');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function delegatesSummary(t: DataTable): string {
  const delegates = (row: string | DataRow, c: (typeof CONFERENCES)[number]): { value: number; shown: string } | null =>
    figureOrNull(t, typeof row === 'string' ? rowByKey(t, row) : row, `${c.key}-n`);
  const sizes = CONFERENCES.flatMap((c) => {
    const n = delegates('total', c);
    return n ? [n] : [];
  });
  const smallest = largest(sizes, (n) => -n.value);
  const biggest = largest(sizes, (n) => n.value);
  const categories = T4_CATEGORY_ROWS.map((k) => rowByKey(t, k));
  const share = (r: DataRow, c: (typeof CONFERENCES)[number]): number => (delegates(r, c)?.value ?? 0) / (delegates('total', c)?.value ?? Infinity);
  // Where local organisations outside Moscow counted most.
  const local = rowByKey(t, 'local');
  const localPeak = largest(CONFERENCES, (c) => share(local, c));
  const localLeads = largest(categories, (r) => delegates(r, localPeak)?.value ?? -1) === local;
  const [year, month] = localPeak.date.split('-');
  // Conferences where 'Others' is the largest category, and the categories they print no figure for.
  const others = rowByKey(t, 'others');
  const othersLead = CONFERENCES.filter((c) => largest(categories, (r) => delegates(r, c)?.value ?? -1) === others);
  const unlisted = categories.filter((r) => othersLead.every((c) => !delegates(r, c)));
  const totalFlags = t.flags.filter((f) => f.row === 'total' && f.column.endsWith('-n'));
  const unbalanced = totalFlags.map((f) => `The groups at the ${CONFERENCES.find((c) => `${c.key}-n` === f.column)?.label ?? f.column} conference add up to ${f.computedText}, not to its printed total of ${figure(t, 'total', f.column).shown}.`);
  return [
    `Conferences had between ${smallest.shown} and ${biggest.shown} delegates.`,
    `Representatives of local organisations outside Moscow ${localLeads ? 'were the largest group' : 'had their largest share'} at the ${localPeak.name} of ${MONTHS[Number(month) - 1]} ${year} (${delegates(local, localPeak)?.shown} of ${delegates('total', localPeak)?.shown}).`,
    othersLead.length
      ? `'Others' are the largest category at the ${listInWords(othersLead.map((c) => c.label))} conferences${unlisted.length ? `, which do not list ${listInWords(unlisted.map((r) => `'${r.name}'`), 'or')} separately` : ''}.`
      : '',
    ...unbalanced,
  ]
    .filter(Boolean)
    .join(' ');
}

function membershipSummary(t: DataTable): string {
  const rows = t.rows.filter((r) => figureOrNull(t, r, 'moscow-total'));
  const total = (r: DataRow | string, where: 'moscow' | 'province'): { value: number; shown: string } => figure(t, r, `${where}-total`);
  const [first, last] = [rows[0] as DataRow, rows.at(-1) as DataRow];
  const cityPeak = largest(rows, (r) => total(r, 'moscow').value);
  const provincePeak = largest(rows, (r) => total(r, 'province').value);
  const grew = (where: 'moscow' | 'province'): string => percentOf(total('1929-july', where).value - total('1929', where).value, total('1929', where).value);
  const candidates = (r: DataRow): { value: number; shown: string } => figure(t, r, 'moscow-candidates');
  const candidatePeak = largest(rows, (r) => candidates(r).value);
  const twoYearsBefore = rows.find((r) => r.label === String(Number(candidatePeak.label) - 2));
  return [
    `Party membership in Moscow (members and candidates) grew from ${total(first, 'moscow').shown} in ${first.label} to ${total(cityPeak, 'moscow').shown} in ${cityPeak.label}${last !== cityPeak ? `, then fell to ${total(last, 'moscow').shown} in ${last.label} after the purge` : ''}; in the province as a whole it reached ${total(provincePeak, 'province').shown} in ${provincePeak.label}.`,
    `Between January and July 1929, when the new oblast' absorbed neighbouring provinces, the province as a whole grew by ${grew('province')} (${total('1929', 'province').shown} to ${total('1929-july', 'province').shown}), the city by ${grew('moscow')}.`,
    twoYearsBefore ? `Candidates in Moscow rose from ${candidates(twoYearsBefore).shown} in ${twoYearsBefore.label} to their peak of ${candidates(candidatePeak).shown} in ${candidatePeak.label}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** What the chart of Table n shows, in words: the page's text alternative to the drawing. */
export function chartSummary(t: DataTable): string {
  switch (t.n) {
    case 1:
      return populationSummary(t);
    case 2:
      return compositionSummary(t);
    case 3:
      return investmentSummary(t);
    case 4:
      return delegatesSummary(t);
    case 5:
      return membershipSummary(t);
    default:
      return '';
  }
}
