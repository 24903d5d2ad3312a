import type { MarketConfig } from '../contracts/market.js';
import type { Task } from '../tasks/load-task.js';
import { sha256 } from '../util/hash.js';
import { simulateOutcomes } from './market.js';
import { referenceOutcomes, unavailable, type WorkloadOutcome, type WorkloadPool } from './workloads.js';

// Calibration: products of known quality on one pool — nothing, the reference made to fail a
// shrinking share of its features, the reference — must earn strictly more ARR the better they are
// on a single seed; the spread over several seeds tells how much one seed can be trusted. Two
// anchors check the churn model: the flawless product at the list price, and one failing a fifth
// of jobs at random.

export interface Rung {
  product: string;
  /** Share of the pool's jobs this product fails. */
  failShare: number;
  arr: number[];
  balance: number[];
  monthlyLogoChurn: (number | null)[];
}

export interface Calibration {
  task: string;
  seeds: number[];
  features: number;
  rungs: Rung[];
  /** ARR strictly increasing along the ladder on the first seed. */
  monotone: boolean;
  anchors: { flawlessChurn: number | null; failingFifthChurn: number | null; flawlessInBand: boolean; failingFifthAbove: boolean };
}

// Rungs between the null product and the reference: the share of jobs each fails.
export const LADDER = [0.35, 0.2, 0.1, 0.05] as const;
export const FLAWLESS_CHURN_BAND = [0.02, 0.04] as const;
export const FAILING_FIFTH_CHURN_ABOVE = 0.15;

// The reference made to fail whole features, rarest first, until `jobShare` of the pool's jobs
// fail; the last feature taken fails only as many of its jobs as that needs. Rungs are nested:
// each fails a superset of the jobs of the rung above it.
export function degraded(pool: WorkloadPool, jobShare: number): { features: string[]; outcomes: WorkloadOutcome[] } {
  const counts = new Map<string, number>();
  for (const w of pool.workloads) for (const f of w.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || a.localeCompare(b));
  const target = Math.round(jobShare * pool.workloads.length);
  const failing = new Set<number>();
  const features: string[] = [];
  for (const f of order) {
    if (failing.size >= target) break;
    features.push(f);
    pool.workloads.forEach((w, i) => {
      if (failing.size < target && w.features.includes(f)) failing.add(i);
    });
  }
  const outcomes = referenceOutcomes(pool).map((o, i) => (failing.has(i) ? { ...o, passed: false, failure: 'wrong-output' as const, got: '(degraded)' } : o));
  return { features, outcomes };
}

// The reference failing a given share of jobs, picked by a hash of the job (not of features).
export function failingShare(pool: WorkloadPool, share: number): WorkloadOutcome[] {
  return referenceOutcomes(pool).map((o, i) => (parseInt(sha256(`fail/${pool.workloads[i]?.id}`).slice(0, 8), 16) / 2 ** 32 < share ? { ...o, passed: false, failure: 'wrong-output', got: '(failing)' } : o));
}

export function calibrate(task: Task, config: MarketConfig, pool: WorkloadPool, seeds: readonly number[]): Calibration {
  const products: { name: string; outcomes: WorkloadOutcome[] }[] = [
    { name: 'null', outcomes: unavailable(pool, 'no product') },
    ...LADDER.map((share) => {
      const d = degraded(pool, share);
      return { name: `fails ${Math.round(share * 100)}% of jobs (${d.features.length} of ${pool.shape.features.length} features)`, outcomes: d.outcomes };
    }),
    { name: 'reference', outcomes: referenceOutcomes(pool) },
  ];
  const rungs: Rung[] = products.map((p) => {
    const runs = seeds.map((seed) => simulateOutcomes(task, { ...config, seed }, pool, p.outcomes, p.name).summary);
    return { product: p.name, failShare: p.outcomes.filter((o) => !o.passed).length / p.outcomes.length, arr: runs.map((r) => r.arr), balance: runs.map((r) => r.balance), monthlyLogoChurn: runs.map((r) => r.monthlyLogoChurn) };
  });
  const first = rungs.map((r) => r.arr[0] as number);
  const monotone = first.every((arr, i) => i === 0 || arr > (first[i - 1] as number));
  const flawlessChurn = mean(rungs.at(-1)?.monthlyLogoChurn ?? []);
  const fifth = seeds.map((seed) => simulateOutcomes(task, { ...config, seed }, pool, failingShare(pool, 0.2), 'fails 20% of jobs').summary.monthlyLogoChurn);
  const failingFifthChurn = mean(fifth);
  return {
    task: task.id,
    seeds: [...seeds],
    features: pool.shape.features.length,
    rungs,
    monotone,
    anchors: {
      flawlessChurn,
      failingFifthChurn,
      flawlessInBand: flawlessChurn !== null && flawlessChurn >= FLAWLESS_CHURN_BAND[0] && flawlessChurn <= FLAWLESS_CHURN_BAND[1],
      failingFifthAbove: failingFifthChurn !== null && failingFifthChurn > FAILING_FIFTH_CHURN_ABOVE,
    },
  };
}

function mean(xs: readonly (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.round((v.reduce((s, x) => s + x, 0) / v.length) * 10000) / 10000 : null;
}
