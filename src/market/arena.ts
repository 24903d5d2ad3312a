import type { ArenaResult, MarketConfig } from '../contracts/market.js';
import type { Task } from '../tasks/load-task.js';
import { configHash, integrityOf, marketResult, productOutcomes, type ProductRef } from './market.js';
import { MarketSim, MAX_PRODUCTS } from './model.js';
import { preparePool, toProductOutcomes, type ExecOptions, type WorkloadOutcome, type WorkloadPool } from './workloads.js';
import { worldSeeds } from './worlds.js';

// An arena: several products in one market. The same customers, jobs and draws as a market of one;
// a new trial picks among the products by word of mouth and price, and a customer who leaves one may
// try another. Deterministic given the builds: each product is measured once, like in a market of one.

export async function runArena(task: Task, config: MarketConfig, products: readonly { ref: ProductRef; label: string }[], options: ExecOptions & { extraHide?: string[]; worlds?: number }): Promise<ArenaResult> {
  if (products.length < 2 || products.length > MAX_PRODUCTS) throw new RangeError(`an arena holds 2 to ${MAX_PRODUCTS} products, not ${products.length}`);
  const pool = await preparePool(task, config, options);
  const outcomes: WorkloadOutcome[][] = [];
  for (const p of products) outcomes.push(await productOutcomes(task, p.ref, pool, config, options));
  return simulateArena(task, config, pool, outcomes, products.map((p) => p.label), worldSeeds(config.seed, options.worlds ?? 1));
}

// The pure part of an arena: products given as outcomes, in each world of `seeds` (the first in full).
export function simulateArena(task: Task, config: MarketConfig, pool: WorkloadPool, outcomes: readonly (readonly WorkloadOutcome[])[], labels: readonly string[], seeds: readonly number[] = [config.seed]): ArenaResult {
  const run = (seed: number) => {
    const sim = new MarketSim({ ...config, seed }, pool.shape, outcomes.length);
    sim.simulateAll(config.days, outcomes.map((o) => toProductOutcomes(pool, o, config)));
    return sim;
  };
  const first = run(seeds[0] ?? config.seed);
  const others = seeds.slice(1).map(run);
  const results = labels.map((label, k) => {
    const result = marketResult(task, config, pool, first, outcomes[k] as WorkloadOutcome[], label, integrityOf(first, pool, outcomes[k] as WorkloadOutcome[], undefined, k), k);
    const all = [first, ...others].map((sim) => sim.summary(k));
    return { ...result, worlds: { seeds: [...seeds], arr: all.map((s) => s.arr), balance: all.map((s) => s.balance), insolventDay: all.map((s) => s.insolventDay) } };
  });
  const share = first.daysOf(0).map((_, d) => {
    const paying = labels.map((_l, k) => (first.daysOf(k)[d]?.paying ?? 0));
    const total = paying.reduce((a, b) => a + b, 0);
    return paying.map((p) => (total > 0 ? Math.round((p / total) * 10000) / 10000 : 0));
  });
  return { schemaVersion: 1, task: task.id, configHash: configHash(config), seed: first.config.seed, customers: config.customers, products: results, share };
}
