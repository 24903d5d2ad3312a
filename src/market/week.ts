import type { MarketDay, TicketGroup } from '../contracts/market.js';
import { groupTickets } from './market.js';
import type { MarketSim } from './model.js';
import { toProductOutcomes, type WorkloadOutcome, type WorkloadPool } from './workloads.js';

// One week of a live market: the build shipped after a sprint closes the tickets it fixes, the
// price the agent set takes effect, and the days run on it. Pure apart from advancing `sim`.

export interface WeekInput {
  /** What the shipped build does on every workload of the pool. */
  outcomes: readonly WorkloadOutcome[];
  days: number;
  /** The sprint's model spend, charged on the week's first day. */
  llmCostUsd: number;
  /** The price the agent asks from now on (null keeps it). */
  price: number | null;
}

export interface Week {
  days: MarketDay[];
  /** The last day before this week (null in the first week). */
  before: MarketDay | null;
  /** Tickets opened this week, grouped by job and failure class. */
  tickets: TicketGroup[];
  /** Earlier tickets the shipped build resolves. */
  resolved: number;
  /** Tickets open at the end of the week, all weeks together. */
  openTickets: number;
  priceChange: { from: number; to: number } | null;
}

export function simulateWeek(sim: MarketSim, pool: WorkloadPool, input: WeekInput): Week {
  const product = toProductOutcomes(pool, input.outcomes, sim.config);
  const resolved = sim.resolveTickets(product);
  const from = sim.price;
  if (input.price !== null && input.price !== from) sim.setPrice(input.price);
  const before = sim.days.at(-1) ?? null;
  const ticketsBefore = sim.tickets.length;
  const days = sim.simulate(input.days, product, input.llmCostUsd);
  return {
    days,
    before,
    tickets: groupTickets(sim.tickets.slice(ticketsBefore), pool, input.outcomes),
    resolved,
    openTickets: sim.tickets.filter((t) => t.resolvedDay === null).length,
    priceChange: sim.price !== from ? { from, to: sim.price } : null,
  };
}
