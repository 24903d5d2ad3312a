import type { Worlds } from '../contracts/market.js';
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

// Two-sided 95% quantiles of Student's t by degrees of freedom 1–30; the normal one beyond.
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The mean of independent draws (a product's worlds) with a 95% Student t interval: with five
 * worlds a bootstrap interval would be too narrow, the t interval is honest about small n.
 */
export function tInterval(values: readonly number[]): Interval {
  const value = mean(values);
  const n = values.length;
  if (n < 2) return { value, low: value, high: value };
  const sd = Math.sqrt(values.reduce((a, x) => a + (x - value) ** 2, 0) / (n - 1));
  const half = (T95[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { value, low: value - half, high: value + half };
}

/** One product's spread over its worlds: mean ARR and balance with t intervals, the lowest ARR, insolvencies. */
export interface WorldsSpread {
  arr: Interval;
  balance: Interval;
  arrMin: number;
  insolvent: number;
  firstInsolventDay: number | null;
}

export function worldsSpread(w: Worlds): WorldsSpread {
  const days = w.insolventDay.filter((d): d is number => d !== null);
  return { arr: tInterval(w.arr), balance: tInterval(w.balance), arrMin: Math.min(...w.arr), insolvent: days.length, firstInsolventDay: days.length ? Math.min(...days) : null };
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

/** The market outcome of one attempt of one agent on one market task, in each world it ran in. */
export interface MarketScore {
  agent: string;
  task: string;
  /** Day-90 ARR, bank balance and insolvency day per world (one entry per world, seed order). */
  arr: number[];
  balance: number[];
  insolventDay: (number | null)[];
  /** The hard-coding check fired. */
  flagged: boolean;
}

export interface MarketLeaderboardRow {
  agent: string;
  tasks: number;
  attempts: number;
  /** Worlds each attempt was scored in (the fewest any attempt had). */
  worlds: number;
  /** Mean over tasks (each task's mean over attempts and worlds), 95% bootstrap interval over tasks. */
  arr: Interval;
  balance: Interval;
  /** The same mean, with a 95% t interval over worlds: how much the world's luck moves it. */
  arrOverWorlds: Interval;
  /** The lowest day-90 ARR of any attempt in any world. */
  arrMin: number;
  /** Attempt-worlds that went insolvent, of attempts × worlds. */
  insolvent: number;
  /** The earliest day any attempt went insolvent in any world (null: none did). */
  firstInsolventDay: number | null;
  flagged: number;
}

// A market leaderboard, one row per agent: mean day-90 ARR and bank balance over tasks (each
// task's mean over its attempts and worlds), with bootstrap intervals over tasks and a t interval
// over worlds, the minimum and insolvencies; ranked by ARR, then balance.
export function marketLeaderboard(scores: readonly MarketScore[], options: { seed?: number } = {}): MarketLeaderboardRow[] {
  const rows: MarketLeaderboardRow[] = [];
  for (const [agent, tasks] of byAgentAndTask(scores)) {
    const perTask = [...tasks.values()];
    const all = perTask.flat();
    const worlds = Math.min(...all.map((s) => s.arr.length));
    const rate = (pick: (s: MarketScore) => number) => perTask.map((attempts) => mean(attempts.map(pick)));
    // World k's figure: the mean over tasks of each task's mean over attempts, in world k.
    const inWorld = (k: number) => mean(perTask.map((attempts) => mean(attempts.map((s) => s.arr[k] as number))));
    const days = all.flatMap((s) => s.insolventDay.filter((d): d is number => d !== null));
    rows.push({
      agent,
      tasks: perTask.length,
      attempts: all.length,
      worlds,
      arr: bootstrapMean(rate((s) => mean(s.arr)), options),
      balance: bootstrapMean(rate((s) => mean(s.balance)), options),
      arrOverWorlds: tInterval(Array.from({ length: worlds }, (_, k) => inWorld(k))),
      arrMin: Math.min(...all.flatMap((s) => s.arr)),
      insolvent: days.length,
      firstInsolventDay: days.length ? Math.min(...days) : null,
      flagged: all.filter((s) => s.flagged).length,
    });
  }
  return rows.sort((a, b) => b.arr.value - a.arr.value || b.balance.value - a.balance.value || a.agent.localeCompare(b.agent));
}
