import { groupBy } from '../util/group.js';
import { Rng } from '../util/rng.js';

// Statistics of agent runs: pass@k and pass^k per task from n attempts with c successes, averaged
// over tasks, with bootstrap confidence intervals that resample tasks. Pure.

// Binomial coefficient as a float; exact for the small n of attempt counts.
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** pass@k: the chance that at least one of k attempts drawn from n succeeds (unbiased estimator). */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} attempts, have ${n}`);
  if (n - c < k) return 1;
  return 1 - choose(n - c, k) / choose(n, k);
}

/** pass^k: the chance that all of k attempts drawn from n succeed (τ-bench's estimator). */
export function passHatK(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass^${k} needs at least ${k} attempts, have ${n}`);
  return choose(c, k) / choose(n, k);
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The mean of per-task values with a percentile bootstrap interval (tasks resampled, seeded). */
export function bootstrapMean(values: readonly number[], options: { samples?: number; level?: number; seed?: number } = {}): Interval {
  const samples = options.samples ?? 2000;
  const level = options.level ?? 0.95;
  const value = mean(values);
  if (values.length < 2) return { value, low: value, high: value };
  const rng = new Rng(options.seed ?? 1, 'bootstrap');
  const means: number[] = [];
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[rng.int(0, values.length - 1)] as number;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q: number) => means[Math.min(means.length - 1, Math.max(0, Math.floor(q * means.length)))] as number;
  return { value, low: at(tail), high: at(1 - tail) };
}

// Attempts grouped by agent, then by task, in the order first seen.
function byAgentAndTask<T extends { agent: string; task: string }>(items: readonly T[]): Map<string, Map<string, T[]>> {
  return new Map([...groupBy(items, (i) => i.agent)].map(([agent, mine]) => [agent, groupBy(mine, (i) => i.task)]));
}

/** One attempt of one agent on one task. */
export interface TrialScore {
  agent: string;
  task: string;
  score: number;
  /** The pass rate on stdout, exit code and files alone; the strict score stays primary. */
  scoreAside?: number;
  resolved: boolean;
  almostResolved: boolean;
  costUsd?: number;
  steps?: number;
}

export interface LeaderboardRow {
  agent: string;
  tasks: number;
  attempts: number;
  resolved: Interval;
  almostResolved: Interval;
  meanScore: Interval;
  /** Mean pass rate with diagnostics (stderr) aside. */
  meanScoreAside: Interval;
  passAtK: Record<number, Interval>;
  passHatK: Record<number, Interval>;
  costPerTask: number | null;
  stepsPerTask: number | null;
}

// A leaderboard from trial scores, one row per agent, in ProgramBench's order: resolved, then
// almost resolved, then mean score. pass@k and pass^k for every k up to the smallest attempt count.
export function leaderboard(trials: readonly TrialScore[], options: { seed?: number } = {}): LeaderboardRow[] {
  const rows: LeaderboardRow[] = [];
  for (const [agent, tasks] of byAgentAndTask(trials)) {
    const perTask = [...tasks.values()];
    const minAttempts = Math.min(...perTask.map((a) => a.length));
    const rate = (pick: (t: TrialScore) => number) => perTask.map((attempts) => mean(attempts.map(pick)));
    const seed = options.seed;
    const ks = Array.from({ length: minAttempts }, (_, i) => i + 1);
    const successes = perTask.map((a) => a.filter((t) => t.resolved).length);
    const costs = trials.filter((t) => t.agent === agent && t.costUsd !== undefined).map((t) => t.costUsd as number);
    const steps = trials.filter((t) => t.agent === agent && t.steps !== undefined).map((t) => t.steps as number);
    rows.push({
      agent,
      tasks: perTask.length,
      attempts: perTask.reduce((n, a) => n + a.length, 0),
      resolved: bootstrapMean(rate((t) => (t.resolved ? 1 : 0)), { seed }),
      almostResolved: bootstrapMean(rate((t) => (t.almostResolved ? 1 : 0)), { seed }),
      meanScore: bootstrapMean(rate((t) => t.score), { seed }),
      meanScoreAside: bootstrapMean(rate((t) => t.scoreAside ?? t.score), { seed }),
      passAtK: Object.fromEntries(ks.map((k) => [k, bootstrapMean(perTask.map((a, i) => passAtK(a.length, successes[i] as number, k)), { seed })])),
      passHatK: Object.fromEntries(ks.map((k) => [k, bootstrapMean(perTask.map((a, i) => passHatK(a.length, successes[i] as number, k)), { seed })])),
      costPerTask: costs.length > 0 ? (costs.reduce((a, b) => a + b, 0) / perTask.length) : null,
      stepsPerTask: steps.length > 0 ? steps.reduce((a, b) => a + b, 0) / perTask.length : null,
    });
  }
  return rows.sort((a, b) => b.resolved.value - a.resolved.value || b.almostResolved.value - a.almostResolved.value || b.meanScore.value - a.meanScore.value || a.agent.localeCompare(b.agent));
}

/** The market outcome of one attempt of one agent on one market task. */
export interface MarketScore {
  agent: string;
  task: string;
  arr: number;
  balance: number;
  insolvent: boolean;
  /** The hard-coding check fired. */
  flagged: boolean;
}

export interface MarketLeaderboardRow {
  agent: string;
  tasks: number;
  attempts: number;
  arr: Interval;
  balance: Interval;
  insolvent: number;
  flagged: number;
}

// A market leaderboard, one row per agent: mean day-90 ARR and bank balance over tasks (each
// task's mean over its attempts), with bootstrap intervals over tasks; ranked by ARR, then balance.
export function marketLeaderboard(scores: readonly MarketScore[], options: { seed?: number } = {}): MarketLeaderboardRow[] {
  const rows: MarketLeaderboardRow[] = [];
  for (const [agent, tasks] of byAgentAndTask(scores)) {
    const perTask = [...tasks.values()];
    const all = perTask.flat();
    const rate = (pick: (s: MarketScore) => number) => perTask.map((attempts) => mean(attempts.map(pick)));
    rows.push({
      agent,
      tasks: perTask.length,
      attempts: all.length,
      arr: bootstrapMean(rate((s) => s.arr), options),
      balance: bootstrapMean(rate((s) => s.balance), options),
      insolvent: all.filter((s) => s.insolvent).length,
      flagged: all.filter((s) => s.flagged).length,
    });
  }
  return rows.sort((a, b) => b.arr.value - a.arr.value || b.balance.value - a.balance.value || a.agent.localeCompare(b.agent));
}
