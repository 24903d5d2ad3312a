import type { MarketDay, TicketGroup } from '../contracts/market.js';
import type { Week } from './week.js';

// What a founder sees after a simulated week: a dashboard of the business and the week's support
// tickets, each with one reproducing input, expected and actual output. Only what customers
// would tell: no pass rates on hidden inputs, no feature tags of the generator. Pure.

export interface WeekReport extends Week {
  sprint: number;
  program: string;
  /** What went wrong with the price file, if anything. */
  priceProblem: string | null;
}

const SHOWN_GROUPS = 12;
const INPUT_CHARS = 1500;
const OUTPUT_CHARS = 800;

// The ticket groups an inbox shows the agent: the most reported ones. Only these are inputs the
// agent could have hard-coded.
export function shownTickets(tickets: readonly TicketGroup[]): TicketGroup[] {
  return tickets.slice(0, SHOWN_GROUPS);
}

// A week's figures summed over its days.
function weekTotals(days: readonly MarketDay[]) {
  const sum = (pick: (d: MarketDay) => number) => days.reduce((s, d) => s + pick(d), 0);
  return {
    jobs: sum((d) => d.jobs),
    failedJobs: sum((d) => d.failedJobs),
    slowJobs: sum((d) => d.slowJobs),
    newTrials: sum((d) => d.newTrials),
    conversions: sum((d) => d.conversions),
    churned: sum((d) => d.churnedToday),
    revenue: sum((d) => d.revenue),
    costs: { hosting: sum((d) => d.hostingCost), model: sum((d) => d.llmCost), fixed: sum((d) => d.fixedCost), fees: sum((d) => d.paymentFees) },
  };
}

export function weekInbox(r: WeekReport): string {
  const first = r.days[0];
  const last = r.days.at(-1);
  if (!first || !last) return `# Week ${r.sprint}\n\nNo days were simulated.\n`;
  const { jobs, failedJobs: failed, slowJobs: slow, revenue, costs, ...week } = weekTotals(r.days);
  const delta = (now: number, was: number | undefined, fmt: (x: number) => string) => (was === undefined ? '' : ` (${now >= was ? '+' : '−'}${fmt(Math.abs(now - was))} on last week)`);
  const lines = [
    `# Week ${r.sprint}: days ${first.day}–${last.day}`,
    '',
    '## Dashboard',
    '',
    `- MRR: ${money(last.mrr)}${delta(last.mrr, r.before?.mrr, money)}; ARR run rate ${money(12 * last.mrr)}`,
    `- Customers: ${last.paying} paying${delta(last.paying, r.before?.paying, String)}, ${last.trial} in trial, ${last.churned} churned so far`,
    `- This week: ${week.newTrials} new trials, ${week.conversions} converted, ${week.churned} churned`,
    `- Jobs: ${jobs} run, ${failed} failed (error rate ${jobs ? pct(failed / jobs) : '-'}), ${slow} slow`,
    `- Mean satisfaction of active customers: ${pct(last.meanSatisfaction)}`,
    `- Bank balance: ${money(last.balance)}; this week revenue ${money(revenue)}, costs ${money(costs.hosting + costs.model + costs.fixed + costs.fees)} (hosting ${money(costs.hosting)}, model ${money(costs.model)}, fixed ${money(costs.fixed)}, payment fees ${money(costs.fees)})${last.insolvent ? ' — INSOLVENT: the business has stopped' : ''}`,
    `- Price: ${money(last.price)} a month${r.priceChange ? ` (changed from ${money(r.priceChange.from)})` : ''}${r.priceProblem ? ` (${r.priceProblem})` : ''}`,
    `- Support: ${r.tickets.reduce((s, t) => s + t.tickets, 0)} tickets opened this week, ${r.resolved} earlier tickets resolved by this week's build, ${r.openTickets} open`,
    '',
  ];
  if (r.tickets.length === 0) {
    lines.push('## Tickets', '', 'No new tickets this week.', '');
    return lines.join('\n');
  }
  lines.push(`## Tickets (${r.tickets.length} distinct problems${r.tickets.length > SHOWN_GROUPS ? `, the ${SHOWN_GROUPS} most reported shown` : ''}; the same as data with exact inputs in week-${r.sprint}.json)`, '');
  shownTickets(r.tickets).forEach((t, i) => {
    lines.push(`### ${i + 1}. ${t.class.replaceAll('-', ' ')} — ${t.tickets} customer${t.tickets === 1 ? '' : 's'}`, '');
    lines.push('What they ran:', '', fence(describeInput(r.program, t.input)), '');
    lines.push('Expected:', '', fence(cut(t.expected, OUTPUT_CHARS)), '');
    lines.push('Got:', '', fence(cut(t.got, OUTPUT_CHARS) || '(nothing)'), '');
  });
  return lines.join('\n');
}

// A ticket's input as a customer would paste it: the command line, then stdin and files.
function describeInput(program: string, input: TicketGroup['input']): string {
  const parts: string[] = [];
  if (input.argv.length) parts.push(`$ ${program} ${input.argv.map(shellWord).join(' ')}`);
  const stdin = bytesText(input.stdin);
  if (stdin) parts.push(`stdin:\n${cut(stdin, INPUT_CHARS)}`);
  for (const [name, content] of Object.entries(input.files)) parts.push(`file ${name}:\n${cut(bytesText(content), INPUT_CHARS)}`);
  return parts.join('\n') || '(no input)';
}

// Text of a case's bytes as a customer would paste it; bytes that are not text stay base64.
function bytesText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'base64' in value && typeof value.base64 === 'string') {
    const text = Buffer.from(value.base64, 'base64').toString('utf8');
    return text.includes('\uFFFD') ? `(${Buffer.from(value.base64, 'base64').length} bytes, base64) ${value.base64}` : text;
  }
  return JSON.stringify(value ?? '');
}

function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`;
}

function fence(text: string): string {
  const ticks = text.includes('```') ? '~~~~' : '```';
  return `${ticks}\n${text}\n${ticks}`;
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n[… ${text.length - limit} more characters]`;
}

function money(x: number): string {
  const sign = x < 0 ? '-' : '';
  return `${sign}$${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: Math.abs(x) < 100 ? 2 : 0 })}`;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

// The same week as data, for an agent that would rather parse than read: the dashboard figures and
// the shown tickets with their inputs exactly as customers ran them. Pure.
export function weekInboxJson(r: WeekReport): Record<string, unknown> {
  const last = r.days.at(-1);
  const totals = weekTotals(r.days);
  return {
    week: r.sprint,
    days: [r.days[0]?.day ?? null, last?.day ?? null],
    dashboard: last
      ? { mrr: last.mrr, paying: last.paying, trial: last.trial, churned: last.churned, balance: last.balance, price: last.price, insolvent: last.insolvent, jobs: totals.jobs, failedJobs: totals.failedJobs, slowJobs: totals.slowJobs, meanSatisfaction: last.meanSatisfaction }
      : null,
    priceChange: r.priceChange,
    priceProblem: r.priceProblem,
    resolved: r.resolved,
    openTickets: r.openTickets,
    tickets: shownTickets(r.tickets).map((t) => ({ class: t.class, customers: t.tickets, input: t.input, expected: t.expected, got: t.got })),
  };
}
