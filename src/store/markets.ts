import { randomUUID } from 'node:crypto';
import { MarketResultSchema, type MarketDay, type MarketResult, type MarketSummary, type Worlds } from '../contracts/market.js';
import type { Db } from './db.js';

export interface StoredMarket {
  id: string;
  trialId: string | null;
  task: string;
  product: string;
  seed: number;
  customers: number;
  arr: number;
  balance: number;
  createdAt: string;
  summary: MarketSummary;
  /** The hard-coding check fired on its last build. */
  flagged: boolean;
  /** Day-90 figures in every world it ran in (absent for markets stored before worlds). */
  worlds?: Worlds;
}

// Stores a market result and every day of it in one transaction; returns its id.
export function saveMarket(db: Db, result: MarketResult, trialId: string | null = null): string {
  const id = randomUUID();
  const day = db.prepare('INSERT INTO market_days (market_id, day, mrr, paying, trial, churned, balance, day_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare(`INSERT INTO markets (id, trial_id, task, product, seed, customers, config_hash, arr, balance, created_at, result_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, trialId, result.task, result.product, result.seed, result.customers, result.configHash, result.summary.arr, result.summary.balance, new Date().toISOString(), JSON.stringify({ ...result, days: [] }));
    for (const d of result.days) day.run(id, d.day, d.mrr, d.paying, d.trial, d.churned, d.balance, JSON.stringify(d));
  })();
  return id;
}

// Removes what earlier tries of a trial stored of their market (a try that starts over).
export function deleteTrialMarkets(db: Db, trialId: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM market_days WHERE market_id IN (SELECT id FROM markets WHERE trial_id = ?)').run(trialId);
    db.prepare('DELETE FROM markets WHERE trial_id = ?').run(trialId);
  })();
}

// Appends days to a market being simulated (live episodes store each week as it ends).
export function appendMarketDays(db: Db, marketId: string, days: readonly MarketDay[]): void {
  const day = db.prepare('INSERT OR REPLACE INTO market_days (market_id, day, mrr, paying, trial, churned, balance, day_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const d of days) day.run(marketId, d.day, d.mrr, d.paying, d.trial, d.churned, d.balance, JSON.stringify(d));
  })();
}

// Replaces a market's result (summary, tickets) once it has more days.
export function updateMarket(db: Db, marketId: string, result: MarketResult): void {
  db.prepare('UPDATE markets SET arr = ?, balance = ?, result_json = ? WHERE id = ?').run(result.summary.arr, result.summary.balance, JSON.stringify({ ...result, days: [] }), marketId);
}

// A market's row with its summary, not its days or tickets.
const COLUMNS = "id, trial_id, task, product, seed, customers, arr, balance, created_at, json_extract(result_json, '$.summary') AS summary, json_extract(result_json, '$.integrity.flagged') AS flagged, json_extract(result_json, '$.worlds') AS worlds";

function rowToMarket(r: Record<string, unknown>): StoredMarket {
  return { id: r.id as string, trialId: (r.trial_id as string | null) ?? null, task: r.task as string, product: r.product as string, seed: r.seed as number, customers: r.customers as number, arr: r.arr as number, balance: r.balance as number, createdAt: r.created_at as string, summary: JSON.parse(r.summary as string) as MarketSummary, flagged: r.flagged === 1, ...(typeof r.worlds === 'string' ? { worlds: JSON.parse(r.worlds) as Worlds } : {}) };
}

export function findMarket(db: Db, id: string): StoredMarket | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM markets WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? rowToMarket(row) : undefined;
}

export function listMarkets(db: Db, options: { trialIds?: readonly string[]; limit?: number } = {}): StoredMarket[] {
  if (options.trialIds) {
    if (options.trialIds.length === 0) return [];
    const rows = db.prepare(`SELECT ${COLUMNS} FROM markets WHERE trial_id IN (${options.trialIds.map(() => '?').join(',')}) ORDER BY created_at`).all(...options.trialIds) as Record<string, unknown>[];
    return rows.map(rowToMarket);
  }
  return (db.prepare(`SELECT ${COLUMNS} FROM markets ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(options.limit ?? 50) as Record<string, unknown>[]).map(rowToMarket);
}

// A market with all its days, or null.
export function getMarket(db: Db, id: string): MarketResult | null {
  const row = db.prepare('SELECT result_json FROM markets WHERE id = ?').get(id) as { result_json: string } | undefined;
  if (!row) return null;
  const days = (db.prepare('SELECT day_json FROM market_days WHERE market_id = ? ORDER BY day').all(id) as { day_json: string }[]).map((d) => JSON.parse(d.day_json) as MarketDay);
  return MarketResultSchema.parse({ ...(JSON.parse(row.result_json) as object), days });
}
