import type { Interval, LeaderboardRow, MarketLeaderboardRow } from '../report/stats.js';
import type { RunSummary, TrialRow } from '../store/runs.js';
import { table } from './format.js';
import { usd } from './format-market.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
// Whole percents where they are exact, one decimal where rounding would hide the spread (99.9% is not 100).
const bound = (x: number) => (Number.isInteger(Math.round(x * 1000) / 10) ? (x * 100).toFixed(0) : (x * 100).toFixed(1));
const withInterval = (i: Interval) => (i.low === i.high ? pct(i.value) : `${pct(i.value)} [${bound(i.low)}–${bound(i.high)}]`);

// The leaderboard as a terminal table: rates with their 95% bootstrap intervals (over tasks).
export function leaderboardTable(rows: readonly LeaderboardRow[]): string {
  const maxK = Math.max(1, ...rows.map((r) => Object.keys(r.passAtK).length));
  const header = ['#', 'agent', 'tasks', 'trials', 'resolved', 'almost', 'mean pass rate', 'diagnostics aside', `pass@${maxK}`, `pass^${maxK}`, '$/task', 'steps/task'];
  const body = rows.map((r, i) => [
    String(i + 1),
    r.agent,
    String(r.tasks),
    String(r.attempts),
    withInterval(r.resolved),
    withInterval(r.almostResolved),
    withInterval(r.meanScore),
    pct(r.meanScoreAside.value),
    r.passAtK[maxK] ? pct(r.passAtK[maxK].value) : '–',
    r.passHatK[maxK] ? pct(r.passHatK[maxK].value) : '–',
    r.costPerTask === null ? '–' : `$${r.costPerTask.toFixed(4)}`,
    r.stepsPerTask === null ? '–' : r.stepsPerTask.toFixed(1),
  ]);
  return table(header, body, [true, false, true, true, true, true, true, true, true, true, true, true]);
}

// The market leaderboard as a terminal table: mean ARR with its 95% intervals over tasks and over
// worlds, the lowest ARR, the balance, insolvencies (of attempts × worlds, and the first day).
export function marketLeaderboardTable(rows: readonly MarketLeaderboardRow[]): string {
  const money = (i: Interval) => (i.low === i.high ? usd(i.value) : `${usd(i.value)} [${usd(i.low)}–${usd(i.high)}]`);
  const span = (i: Interval) => (i.low === i.high ? '–' : `[${usd(i.low)}–${usd(i.high)}]`);
  const body = rows.map((r, i) => [
    String(i + 1),
    r.agent,
    String(r.tasks),
    String(r.attempts),
    String(r.worlds),
    money(r.arr),
    span(r.arrOverWorlds),
    usd(r.arrMin),
    money(r.balance),
    r.insolvent === 0 ? `0/${r.attempts * r.worlds}` : `${r.insolvent}/${r.attempts * r.worlds}, day ${r.firstInsolventDay}`,
    r.flagged ? `${r.flagged} FLAGGED` : '0',
  ]);
  return table(['#', 'agent', 'tasks', 'trials', 'worlds', 'ARR at the end', 'over worlds', 'lowest ARR', 'bank balance', 'insolvent', 'hard-coding'], body, [true, false, true, true, true, true, true, true, true, true, true]);
}

export function runsTable(runs: readonly RunSummary[]): string {
  return table(
    ['run', 'name', 'created', 'tasks', 'agents', 'k', 'done', 'left', 'infra errors', 'cost'],
    runs.map((r) => [
      r.id,
      r.name === r.id ? '' : r.name,
      r.createdAt.slice(0, 16).replace('T', ' '),
      String(r.config.tasks.length),
      String(r.config.agents.length),
      String(r.config.attempts),
      `${r.done}/${r.trials}`,
      String(r.trials - r.done),
      String(r.infraErrors),
      `$${r.costUsd.toFixed(4)}`,
    ]),
    [false, false, false, true, true, true, true, true, true, true],
  );
}

export function trialsTable(trials: readonly TrialRow[]): string {
  return table(
    ['trial', 'task', 'agent', '#', 'status', 'tries', 'pass rate', 'verdict', 'exit', 'steps', 'probes', 'cost', 'time'],
    trials.map((t) => [
      t.id,
      t.task,
      t.agent,
      String(t.attempt),
      t.status,
      String(t.tries),
      t.score === null ? '–' : pct(t.score),
      t.resolved === null ? (t.error ? t.error.slice(0, 40) : '–') : t.resolved ? 'resolved' : t.almostResolved ? 'almost' : 'no',
      t.exitStatus ?? '–',
      t.steps === null ? '–' : String(t.steps),
      t.brokerCalls === null ? '–' : String(t.brokerCalls),
      t.costUsd === null ? '–' : t.priced === false ? '?' : `$${t.costUsd.toFixed(4)}`,
      t.durationMs === null ? '–' : `${(t.durationMs / 1000).toFixed(1)} s`,
    ]),
    [false, false, false, true, false, true, true, false, false, true, true, true, true],
  );
}
