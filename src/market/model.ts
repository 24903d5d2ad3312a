import type { FailureClass, MarketConfig, MarketDay, MarketSummary } from '../contracts/market.js';
import { FailureClassSchema } from '../contracts/market.js';
import { drawAt, streamKey } from '../util/rng.js';

// The market simulation: pure, deterministic, no I/O. Customers live in typed arrays (a pool of a
// million fits); every random draw comes from a named stream keyed by what it is about (customer,
// day, job), so two products — or two agents' choices — face exactly the same world and differ
// only where their behaviour differs.

export const FAILURE_CLASSES: readonly FailureClass[] = FailureClassSchema.options;

/** What the product does on each workload of the pool (index = workload). */
export interface ProductOutcomes {
  passed: Uint8Array;
  /** Index into FAILURE_CLASSES, −1 when the job passed. */
  failure: Int8Array;
  /**
   * CPU milliseconds the job is judged and billed at: the bound of its latency tier (see
   * latencyTiers), so that noise within a tier changes nothing.
   */
  cpuMs: Float64Array;
}

/** The workload pool as the model sees it: each workload's week and feature indices. */
export interface PoolShape {
  features: readonly string[];
  week: Uint16Array;
  /** Feature indices of workload w: featureIndex[featureStart[w] .. featureStart[w + 1]). */
  featureStart: Uint32Array;
  featureIndex: Uint16Array;
}

export interface OpenedTicket {
  id: number;
  day: number;
  customer: number;
  segment: string;
  failure: FailureClass;
  workload: number;
  resolvedDay: number | null;
}

const PROSPECT = 0;
const TRIAL = 1;
const PAYING = 2;
const CHURNED = 3;
const LOST = 4;
const BILLING_DAYS = 30;
const RENEWAL_PRICE_SLACK = 1.2;
const TICKET_WEEKS_CAP = 4;

export class MarketSim {
  readonly config: MarketConfig;
  readonly pool: PoolShape;
  /** Days simulated so far. */
  day = 0;
  price: number;
  readonly tickets: OpenedTicket[] = [];
  readonly days: MarketDay[] = [];
  private readonly n: number;
  private readonly segment: Uint8Array;
  private readonly wtp: Float64Array;
  private readonly usage: Float64Array;
  private readonly featureCum: Float32Array;
  private readonly state: Uint8Array;
  private readonly started: Int32Array;
  private readonly converted: Int32Array;
  private readonly satisfaction: Float64Array;
  private readonly paid: Float64Array;
  /** Jobs that worked, per customer (a trial converts only once the product has worked for them). */
  private readonly successes: Uint32Array;
  private readonly openTicket: Int32Array;
  private readonly byWeekFeature: Map<number, Uint32Array>;
  private readonly byWeek: Map<number, Uint32Array>;
  private readonly keys: Record<'acquisition' | 'jobs' | 'pick' | 'tickets' | 'churn', number>;
  private openTickets = 0;
  /** Word of mouth for the next day: satisfied customers, weighted by their segment's referral propensity. */
  private promoters = 0;
  private balance: number;
  private insolventDay: number | null = null;
  private day30Price: Float64Array | null = null;
  private churnedPaying = 0;
  private payingDays = 0;
  private conversions = 0;
  private lostTrials = 0;

  constructor(config: MarketConfig, pool: PoolShape) {
    this.config = config;
    this.pool = pool;
    this.price = config.price;
    this.balance = config.ledger.startBalance;
    const n = (this.n = config.customers);
    const f = Math.max(1, pool.features.length);
    this.segment = new Uint8Array(n);
    this.wtp = new Float64Array(n);
    this.usage = new Float64Array(n);
    this.featureCum = new Float32Array(n * f);
    this.state = new Uint8Array(n);
    this.started = new Int32Array(n).fill(-1);
    this.converted = new Int32Array(n).fill(-1);
    this.satisfaction = new Float64Array(n);
    this.paid = new Float64Array(n);
    this.successes = new Uint32Array(n);
    this.openTicket = new Int32Array(n * FAILURE_CLASSES.length);
    const seed = config.seed;
    this.keys = {
      acquisition: streamKey(seed, 'acquisition'),
      jobs: streamKey(seed, 'workloads/count'),
      pick: streamKey(seed, 'workloads/pick'),
      tickets: streamKey(seed, 'tickets'),
      churn: streamKey(seed, 'churn'),
    };
    this.drawPool(streamKey(seed, 'pool'), f);
    ({ byWeek: this.byWeek, byWeekFeature: this.byWeekFeature } = indexPool(pool));
  }

  // Segment, willingness to pay, usage and feature weights of every customer, from the pool stream.
  private drawPool(key: number, f: number): void {
    const segments = this.config.segments;
    const total = segments.reduce((s, x) => s + x.share, 0);
    for (let i = 0; i < this.n; i++) {
      let u = drawAt(key, i, 0) * total;
      let s = 0;
      while (s < segments.length - 1 && u >= (segments[s] as { share: number }).share) u -= (segments[s++] as { share: number }).share;
      const seg = segments[s] as MarketConfig['segments'][number];
      this.segment[i] = s;
      this.wtp[i] = seg.willingnessToPay * Math.exp(0.4 * normal(key, i, 1));
      this.usage[i] = seg.usagePerDay * Math.exp(0.5 * normal(key, i, 3) - 0.125);
      let sum = 0;
      for (let j = 0; j < f; j++) {
        const e = -Math.log(1 - drawAt(key, i, 10 + j));
        sum += e * e;
        this.featureCum[i * f + j] = sum;
      }
      for (let j = 0; j < f; j++) this.featureCum[i * f + j] = (this.featureCum[i * f + j] as number) / sum;
    }
  }

  /** Changes the list price; paying customers move to it at their next renewal. */
  setPrice(price: number): void {
    this.price = price;
  }

  /** Closes open tickets whose job the product now gets right; returns how many. */
  resolveTickets(product: ProductOutcomes): number {
    let resolved = 0;
    for (const t of this.tickets) {
      if (t.resolvedDay !== null || product.passed[t.workload] !== 1) continue;
      this.closeTicket(t, this.day);
      resolved++;
    }
    return resolved;
  }

  private closeTicket(t: OpenedTicket, day: number): void {
    t.resolvedDay = day;
    const slot = t.customer * FAILURE_CLASSES.length + FAILURE_CLASSES.indexOf(t.failure);
    if (this.openTicket[slot] === t.id + 1) {
      this.openTicket[slot] = 0;
      this.openTickets--;
    }
  }

  /** Simulates `days` more days with the product as it is now; `llmCostUsd` is charged on the first of them. */
  simulate(days: number, product: ProductOutcomes, llmCostUsd = 0): MarketDay[] {
    const out: MarketDay[] = [];
    const end = Math.min(this.config.days, this.day + days);
    for (; this.day < end; this.day++) {
      out.push(this.step(this.day, product, out.length === 0 ? llmCostUsd : 0));
    }
    this.days.push(...out);
    return out;
  }

  private step(d: number, product: ProductOutcomes, llmCost: number): MarketDay {
    const cfg = this.config;
    const sat = cfg.satisfaction;
    const f = Math.max(1, this.pool.features.length);
    const classes = FAILURE_CLASSES.length;
    const insolvent = this.insolventDay !== null;
    const adoption = insolvent ? 0 : cfg.acquisition.innovation + (cfg.acquisition.imitation * this.promoters) / this.n;
    const week = Math.floor(d / 7);
    const weekPool = this.byWeek.get(week) ?? this.byWeek.get(lastKey(this.byWeek)) ?? new Uint32Array(0);
    const ticketsOpened: Record<string, number> = {};
    let newTrials = 0;
    let conversions = 0;
    let churnedToday = 0;
    let jobs = 0;
    let failedJobs = 0;
    let slowJobs = 0;
    let cpuMs = 0;
    let revenue = 0;
    for (let i = 0; i < this.n; i++) {
      let st = this.state[i] as number;
      if (st === PROSPECT) {
        if (drawAt(this.keys.acquisition, i, d) < adoption) {
          this.state[i] = st = TRIAL;
          this.started[i] = d;
          this.satisfaction[i] = sat.start;
          newTrials++;
        } else continue;
      }
      if (st !== TRIAL && st !== PAYING) continue;
      const seg = cfg.segments[this.segment[i] as number] as MarketConfig['segments'][number];
      // Today's jobs.
      const n = poisson(this.usage[i] as number, drawAt(this.keys.jobs, i, d));
      let bad = 0;
      let worked = 0;
      for (let k = 0; k < n && weekPool.length > 0; k++) {
        const w = this.pickWorkload(i, d, k, week, weekPool, f);
        jobs++;
        cpuMs += product.cpuMs[w] as number;
        if (product.passed[w] !== 1) {
          failedJobs++;
          bad += 1;
          const cls = product.failure[w] as number;
          const slot = i * classes + Math.max(0, cls);
          if (this.openTicket[slot] === 0 && drawAt(this.keys.tickets, i, d, k) < cfg.ticketChance) {
            const id = this.tickets.length;
            const failure = FAILURE_CLASSES[Math.max(0, cls)] as FailureClass;
            this.tickets.push({ id, day: d, customer: i, segment: seg.name, failure, workload: w, resolvedDay: null });
            this.openTicket[slot] = id + 1;
            this.openTickets++;
            ticketsOpened[failure] = (ticketsOpened[failure] ?? 0) + 1;
          }
        } else {
          worked++;
          if ((product.cpuMs[w] as number) > seg.latencyBudgetMs) {
            slowJobs++;
            bad += sat.slowPenalty;
          }
        }
      }
      this.successes[i] = (this.successes[i] as number) + worked;
      if (n > 0) {
        const good = n - bad;
        const experience = good / (good + sat.failureWeight * bad);
        this.satisfaction[i] = (this.satisfaction[i] as number) + sat.learningRate * (experience - (this.satisfaction[i] as number));
      }
      const s = this.satisfaction[i] as number;
      const wtp = this.wtp[i] as number;
      if (st === TRIAL) {
        if (d - (this.started[i] as number) + 1 >= cfg.trialDays) {
          if (!insolvent && s >= sat.convertAt && this.price <= wtp && (this.successes[i] as number) > 0) {
            this.state[i] = PAYING;
            this.converted[i] = d;
            this.paid[i] = this.price;
            revenue += this.price;
            conversions++;
          } else {
            this.state[i] = LOST;
            this.lostTrials++;
            this.dropTickets(i, d);
          }
        }
        continue;
      }
      // Paying: renewal, then the churn hazard.
      if ((d - (this.converted[i] as number)) % BILLING_DAYS === 0 && d !== this.converted[i]) {
        if (this.price > wtp * RENEWAL_PRICE_SLACK) {
          this.churn(i, d);
          churnedToday++;
          continue;
        }
        this.paid[i] = this.price;
        revenue += this.price;
      }
      const oldest = this.oldestOpenTicketWeeks(i, d);
      const monthly = Math.min(
        0.95,
        cfg.churn.floorPerMonth +
          seg.churnPropensity * cfg.churn.dissatisfactionPerMonth * (1 - s) +
          cfg.churn.openTicketPerWeek * Math.min(TICKET_WEEKS_CAP, oldest) +
          cfg.churn.overpricePerMonth * Math.max(0, (this.paid[i] as number) / wtp - 1),
      );
      if (insolvent || drawAt(this.keys.churn, i, d) < 1 - Math.pow(1 - monthly, 1 / BILLING_DAYS)) {
        this.churn(i, d);
        churnedToday++;
      }
    }
    // Counts and the ledger.
    let trial = 0;
    let paying = 0;
    let churned = 0;
    let prospects = 0;
    let mrr = 0;
    let satSum = 0;
    let promoters = 0;
    for (let i = 0; i < this.n; i++) {
      const st = this.state[i];
      if (st === PROSPECT) prospects++;
      else if (st === TRIAL) trial++;
      else if (st === PAYING) {
        paying++;
        mrr += this.paid[i] as number;
      } else if (st === CHURNED) churned++;
      if (st === TRIAL || st === PAYING) {
        satSum += this.satisfaction[i] as number;
        if ((this.satisfaction[i] as number) >= sat.promoteAt) promoters += (cfg.segments[this.segment[i] as number] as { referralPropensity: number }).referralPropensity;
      }
    }
    this.promoters = promoters;
    this.payingDays += paying;
    this.conversions += conversions;
    if (d === 29) this.day30Price = Float64Array.from(this.state, (st, i) => (st === PAYING ? (this.paid[i] as number) : 0));
    const hostingCost = (cpuMs / 1000) * cfg.ledger.cpuSecondUsd;
    const paymentFees = revenue * cfg.ledger.paymentFee;
    const fixedCost = cfg.ledger.fixedPerDay;
    this.balance += revenue - paymentFees - hostingCost - llmCost - fixedCost;
    if (this.insolventDay === null && this.balance < 0) this.insolventDay = d;
    return {
      day: d + 1,
      price: this.price,
      prospects,
      trial,
      paying,
      churned,
      lostTrials: this.lostTrials,
      newTrials,
      conversions,
      churnedToday,
      mrr: round2(mrr),
      jobs,
      failedJobs,
      slowJobs,
      meanSatisfaction: trial + paying > 0 ? round4(satSum / (trial + paying)) : 0,
      ticketsOpened,
      openTickets: this.openTickets,
      revenue: round2(revenue),
      paymentFees: round2(paymentFees),
      hostingCost: round4(hostingCost),
      llmCost: round4(llmCost),
      fixedCost,
      balance: round2(this.balance),
      insolvent: this.insolventDay !== null,
    };
  }

  private pickWorkload(i: number, d: number, k: number, week: number, weekPool: Uint32Array, f: number): number {
    const u = drawAt(this.keys.pick, i, d, 2 * k);
    let j = 0;
    const base = i * f;
    while (j < f - 1 && (this.featureCum[base + j] as number) < u) j++;
    const list = this.byWeekFeature.get(week * 65536 + j) ?? weekPool;
    return list[Math.floor(drawAt(this.keys.pick, i, d, 2 * k + 1) * list.length)] as number;
  }

  private oldestOpenTicketWeeks(i: number, d: number): number {
    let oldest = 0;
    for (let c = 0; c < FAILURE_CLASSES.length; c++) {
      const id = this.openTicket[i * FAILURE_CLASSES.length + c] as number;
      if (id !== 0) oldest = Math.max(oldest, (d - (this.tickets[id - 1] as OpenedTicket).day) / 7);
    }
    return oldest;
  }

  private churn(i: number, d: number): void {
    this.state[i] = CHURNED;
    this.churnedPaying++;
    this.dropTickets(i, d);
  }

  // A customer who left no longer waits on their tickets; they stay unresolved but stop counting as open.
  private dropTickets(i: number, _d: number): void {
    for (let c = 0; c < FAILURE_CLASSES.length; c++) {
      const slot = i * FAILURE_CLASSES.length + c;
      if (this.openTicket[slot] !== 0) {
        this.openTicket[slot] = 0;
        this.openTickets--;
      }
    }
  }

  summary(): MarketSummary {
    const last = this.days[this.days.length - 1];
    const tickets: Record<string, number> = {};
    for (const t of this.tickets) tickets[t.failure] = (tickets[t.failure] ?? 0) + 1;
    let nrr: number | null = null;
    if (this.day30Price && this.days.length > 30) {
      let before = 0;
      let after = 0;
      for (let i = 0; i < this.n; i++) {
        const was = this.day30Price[i] as number;
        if (was <= 0) continue;
        before += was;
        if (this.state[i] === PAYING) after += this.paid[i] as number;
      }
      nrr = before > 0 ? round4(after / before) : null;
    }
    const ended = this.conversions + this.lostTrials;
    const mrr = last && !last.insolvent ? last.mrr : 0;
    return {
      arr: round2(12 * mrr),
      mrr,
      balance: last?.balance ?? this.config.ledger.startBalance,
      customers: { prospects: last?.prospects ?? this.n, trial: last?.trial ?? 0, paying: last?.paying ?? 0, churned: last?.churned ?? 0, lostTrials: this.lostTrials },
      monthlyLogoChurn: this.payingDays > 0 ? round4(this.churnedPaying / (this.payingDays / BILLING_DAYS)) : null,
      netRevenueRetention: nrr,
      trialConversion: ended > 0 ? round4(this.conversions / ended) : null,
      tickets,
      jobs: this.days.reduce((s, x) => s + x.jobs, 0),
      failedJobs: this.days.reduce((s, x) => s + x.failedJobs, 0),
      insolventDay: this.insolventDay === null ? null : this.insolventDay + 1,
    };
  }
}

// Workload indices by week, and by week and feature.
function indexPool(pool: PoolShape): { byWeek: Map<number, Uint32Array>; byWeekFeature: Map<number, Uint32Array> } {
  const week = new Map<number, number[]>();
  const weekFeature = new Map<number, number[]>();
  for (let w = 0; w < pool.week.length; w++) {
    const wk = pool.week[w] as number;
    push(week, wk, w);
    for (let k = pool.featureStart[w] as number; k < (pool.featureStart[w + 1] as number); k++) push(weekFeature, wk * 65536 + (pool.featureIndex[k] as number), w);
  }
  const freeze = (m: Map<number, number[]>) => new Map([...m].map(([k, v]) => [k, Uint32Array.from(v)]));
  return { byWeek: freeze(week), byWeekFeature: freeze(weekFeature) };
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lastKey(map: Map<number, unknown>): number {
  return Math.max(...map.keys());
}

// A standard normal draw (Box–Muller over two counter draws).
function normal(key: number, i: number, slot: number): number {
  const u1 = Math.max(drawAt(key, i, slot), 1e-12);
  const u2 = drawAt(key, i, slot + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

// A Poisson draw by inversion from one uniform.
function poisson(mean: number, u: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const cap = Math.ceil(mean * 4 + 10);
  while (u > cdf && k < cap) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
