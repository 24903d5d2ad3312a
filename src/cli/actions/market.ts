import { dirname } from 'node:path';
import { userError } from '../../errors.js';
import { runArena } from '../../market/arena.js';
import { calibrate } from '../../market/calibrate.js';
import { MAX_PRODUCTS } from '../../market/model.js';
import { marketConfig, runStaticMarket } from '../../market/market.js';
import { preparePool } from '../../market/workloads.js';
import { defaultConcurrency } from '../../runner/run-suite.js';
import { storePath } from '../../store/db.js';
import { saveMarket } from '../../store/markets.js';
import { findTask, type Task } from '../../tasks/load-task.js';
import { openStore, out } from '../context.js';
import { formatArena, formatCalibration, formatMarket } from '../format-market.js';
import { createProgress } from '../progress.js';
import { marketCache } from '../run-support.js';

export interface MarketFlags {
  task?: string;
  reference?: boolean;
  days?: number;
  customers?: number;
  seed?: number;
  seeds: number;
  price?: number;
  json?: boolean;
  concurrency?: number;
  db?: string;
  store: boolean;
}

export type ArenaFlags = Omit<MarketFlags, 'reference'>;

export interface CalibrateFlags {
  seeds: number;
  customers?: number;
  days?: number;
  json?: boolean;
  concurrency?: number;
  db?: string;
}

function marketTask(ref: string): Task {
  const task = findTask(ref);
  if (!task.spec.generator) throw userError('market.task', `task ${task.id} has no generator, so the market has no workloads to draw`, 'pick a task with generator: in task.yaml (see shipbench tasks list)');
  return task;
}

// market: a static product in front of the customer pool.
export async function marketAction(submission: string | undefined, flags: MarketFlags): Promise<void> {
  if (!submission && !flags.reference) throw userError('cli.submission', 'market needs a submission folder or tarball', 'give its path, or pass --reference to ship the reference');
  if (submission && flags.reference) throw userError('cli.submission', 'give either a submission or --reference, not both', 'drop one of them');
  if (!flags.task) throw userError('cli.task', 'market needs --task', 'name the market task, for example --task wordcount (see shipbench tasks list)');
  const task = marketTask(flags.task);
  const config = marketConfig(task, { days: flags.days, customers: flags.customers, seed: flags.seed, price: flags.price });
  const dbPath = storePath(flags.db);
  const db = flags.store ? openStore(dbPath) : null;
  const progress = createProgress(`${task.id} market:`, { quiet: flags.json === true && !process.stderr.isTTY });
  try {
    const result = await runStaticMarket(task, config, flags.reference ? 'reference' : (submission as string), {
      cacheDir: marketCache(dbPath),
      concurrency: flags.concurrency ?? defaultConcurrency(),
      extraHide: [dirname(dbPath)],
      label: flags.reference ? 'the reference' : submission,
      worlds: flags.seeds,
      onProgress: (_what, done, total) => progress.update(done, total, 0),
    });
    progress.finish();
    if (db) saveMarket(db, result);
    out(flags.json ? JSON.stringify(result) : formatMarket(result));
  } finally {
    progress.finish();
    db?.close();
  }
}

// market arena: several products before the same customers, who choose and may switch.
export async function arenaAction(products: string[], flags: ArenaFlags): Promise<void> {
  if (!flags.task) throw userError('cli.task', 'market arena needs --task', 'name the market task, for example --task wordcount (see shipbench tasks list)');
  if (products.length < 2 || products.length > MAX_PRODUCTS) throw userError('cli.products', `an arena holds 2 to ${MAX_PRODUCTS} products, not ${products.length}`, 'give between 2 and 8 products');
  const task = marketTask(flags.task);
  const config = marketConfig(task, { days: flags.days, customers: flags.customers, seed: flags.seed, price: flags.price });
  const dbPath = storePath(flags.db);
  const db = flags.store ? openStore(dbPath) : null;
  const progress = createProgress(`${task.id} arena:`, { quiet: flags.json === true && !process.stderr.isTTY });
  try {
    const result = await runArena(task, config, products.map((p) => ({ ref: p, label: p === 'reference' ? 'the reference' : p === 'null' ? 'no product' : p })), {
      cacheDir: marketCache(dbPath),
      concurrency: flags.concurrency ?? defaultConcurrency(),
      extraHide: [dirname(dbPath)],
      worlds: flags.seeds,
      onProgress: (_what, done, total) => progress.update(done, total, 0),
    });
    progress.finish();
    if (db) for (const m of result.products) saveMarket(db, m);
    out(flags.json ? JSON.stringify(result) : formatArena(result));
  } finally {
    progress.finish();
    db?.close();
  }
}

// market calibrate: the ladder of known products on one pool.
export async function calibrateAction(ref: string, flags: CalibrateFlags): Promise<void> {
  const task = marketTask(ref);
  const config = marketConfig(task, { days: flags.days, customers: flags.customers });
  const progress = createProgress(`${task.id} workloads:`, { quiet: flags.json === true && !process.stderr.isTTY });
  try {
    const pool = await preparePool(task, config, { cacheDir: marketCache(storePath(flags.db)), concurrency: flags.concurrency ?? defaultConcurrency(), onProgress: (_w, done, total) => progress.update(done, total, 0) });
    progress.finish();
    const seeds = Array.from({ length: flags.seeds }, (_, i) => config.seed + i);
    const result = calibrate(task, config, pool, seeds);
    out(flags.json ? JSON.stringify(result) : formatCalibration(result));
    if (!result.monotone || !result.anchors.flawlessInBand || !result.anchors.failingFifthAbove) process.exitCode = 1;
  } finally {
    progress.finish();
  }
}
