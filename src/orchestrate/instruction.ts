import type { BriefKind } from '../contracts/market.js';
import type { Task } from '../tasks/load-task.js';

// The task as the agent reads it, whatever the agent: what to build, what it may use, how the
// result is judged. The reference is named but never located: it is reachable only by its name.
export function instructionFor(task: Task, where: { workspace: string }): string {
  const p = task.program;
  return [
    `# Rebuild \`${p}\` from scratch`,
    '',
    `Write a program that behaves exactly like \`${p}\`${task.spec.description ? ` (${task.spec.description.replace(/\.$/, '')})` : ''}: the same output, errors and exit status for every input and option.`,
    '',
    `- The reference \`${p}\` is on your PATH: run it as often as you like to see how it behaves (pipes, files, options, errors). You cannot read its code or bytes.`,
    `- Its documentation is in ${where.workspace}/docs/.`,
    `- Work in ${where.workspace}. Use any language and libraries installed here; there is no network.`,
    `- Deliver ${where.workspace}/compile.sh: run as \`bash compile.sh\` in a copy of ${where.workspace}, without network and without \`${p}\`, it must produce ./executable, which is then run in place of \`${p}\`.`,
    `- Your program must not call \`${p}\`: it will not exist where your program is graded.`,
    '- A hidden suite of behavioural tests compares your executable with the reference; the score is the share of tests passed.',
  ].join('\n');
}

export interface MarketSetting {
  workspace: string;
  /** Folder of the weekly inbox files, read-only to the agent. */
  inbox: string;
  /** The file whose number is the monthly price. */
  priceFile: string;
  price: number;
  customers: number;
  trialDays: number;
  sprints: number;
  sprintDays: number;
  days: number;
  /** Which brief the agent has: with the hypothesis there are no docs, tickets teach the rest. */
  brief: BriefKind;
}

// The market brief as the agent reads it in every sprint: the task's brief (the product and its
// customers), then how the episode works. No reference is named or reachable.
export function marketInstructionFor(task: Task, brief: string, m: MarketSetting): string {
  const p = task.program;
  return [
    brief.trim(),
    '',
    '## How the launch works',
    '',
    `- This launch: ${m.customers.toLocaleString('en-US')} prospective customers, a ${m.trialDays}-day free trial, a list price of $${m.price} a month.`,
    `- You work in ${m.sprints} sprints; after each, ${m.sprintDays} days pass for your customers (${m.days} days in all). A sprint ends when you submit or its budget is spent.`,
    `- At the end of every sprint ${m.workspace} is frozen and shipped: \`bash compile.sh\` runs in a copy of it, without network, and must produce ./executable, which customers run as \`${p}\`. A build that fails leaves customers with nothing that works that week.`,
    m.brief === 'spec'
      ? `- There is no reference \`${p}\` here. What customers expect is described above and in ${m.workspace}/docs/.`
      : `- There is no reference \`${p}\` here and no documentation: the brief above is the market hypothesis. What customers expect beyond its examples you learn from their tickets and the dashboard.`,
    `- After each sprint your inbox gets that week's dashboard (MRR, customers, churn, error rate, bank balance) and customers' tickets, each with one input that failed: ${m.inbox}/week-N.md, and the same as data with exact inputs in week-N.json.`,
    `- Price: ${m.priceFile} holds the monthly price in USD (now ${m.price}). Write another number there to change it: new customers see it at once, paying customers at their next renewal.`,
    `- Your score is the ARR on day ${m.days} and the bank balance. Hosting (CPU time of your product on customers' jobs), model spend and a fixed daily cost are paid from the balance.`,
    `- Work in ${m.workspace}. Use any language and libraries installed here; there is no network.`,
  ].join('\n');
}

// What the agent is told when a later sprint begins: the inbox of the week that just ended.
export function sprintUpdate(sprint: number, m: MarketSetting, day: number, inbox: string): string {
  return [`# Sprint ${sprint} of ${m.sprints} (day ${day + 1} of ${m.days})`, '', `Your product was shipped and customers used it. The inbox (${m.inbox}/week-${sprint - 1}.md):`, '', inbox.trim(), '', 'Improve the product or change the price as you see fit, then submit to ship this sprint\'s build.'].join('\n');
}
