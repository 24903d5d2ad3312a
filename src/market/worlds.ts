import type { MarketConfig, MarketResult, Worlds } from '../contracts/market.js';
import { MarketSim } from './model.js';
import { simulateWeek, type WeekInput } from './week.js';
import type { WorkloadPool } from './workloads.js';

// Several worlds for one product: the same workload pool, a seed each for the customers, their jobs
// and every draw. A product's weeks (the build it shipped, its price, its model spend) are recorded
// as they ran in the first world and replayed in the others, so a market's spread over worlds is
// measured without running an agent more than once.

/** The seeds of `count` worlds starting at `seed`. */
export function worldSeeds(seed: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => seed + k);
}

/** Replays a product's weeks in a world of its own seed; returns its day-90 figures. */
export function replayWorld(config: MarketConfig, pool: WorkloadPool, weeks: readonly WeekInput[], seed: number): { arr: number; balance: number; insolventDay: number | null } {
  const sim = new MarketSim({ ...config, seed }, pool.shape);
  for (const week of weeks) simulateWeek(sim, pool, week);
  const s = sim.summary();
  return { arr: s.arr, balance: s.balance, insolventDay: s.insolventDay };
}

/** The worlds of a result: its own (the first seed) and a replay in each further seed. */
export function withWorlds(result: MarketResult, config: MarketConfig, pool: WorkloadPool, weeks: readonly WeekInput[], seeds: readonly number[]): MarketResult {
  const worlds: Worlds = { seeds: [result.seed], arr: [result.summary.arr], balance: [result.summary.balance], insolventDay: [result.summary.insolventDay] };
  for (const seed of seeds) {
    if (seed === result.seed) continue;
    const w = replayWorld(config, pool, weeks, seed);
    worlds.seeds.push(seed);
    worlds.arr.push(w.arr);
    worlds.balance.push(w.balance);
    worlds.insolventDay.push(w.insolventDay);
  }
  return { ...result, worlds };
}
