#!/usr/bin/env node
// bench/market: one static market of 90 days × 100,000 customers on the wordcount task, from a
// cold workload cache, on 2 cores (taskset when present): time per phase and peak memory, against
// a baseline measured in the same run — the same market with 1,000 customers on the warm cache
// (the simulation's cost at the size most tests use; the default pool is 30,000).
// Targets: ≤ 60 s and ≤ 1 GiB. Usage: node bench/market.mjs [--customers N]   (npm run build first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--customers');
const customers = at >= 0 ? Number(args[at + 1]) : 100_000;
const cache = mkdtempSync(join(tmpdir(), 'shipbench-bench-market-'));

// One market in a child process, so its peak RSS is its own.
const child = `
const { findTask } = await import(${JSON.stringify(join(repo, 'dist/tasks/load-task.js'))});
const { marketConfig, productOutcomes, simulateOutcomes } = await import(${JSON.stringify(join(repo, 'dist/market/market.js'))});
const { preparePool } = await import(${JSON.stringify(join(repo, 'dist/market/workloads.js'))});
const [customers, cache] = process.argv.slice(1);
const task = findTask('wordcount');
const config = marketConfig(task, { customers: Number(customers) });
const options = { cacheDir: cache, concurrency: 2 };
let t = performance.now();
const pool = await preparePool(task, config, options);
const poolMs = performance.now() - t;
t = performance.now();
const outcomes = await productOutcomes(task, ${JSON.stringify(join(repo, 'datasets/core/wc/solution'))}, pool, config, options);
const productMs = performance.now() - t;
t = performance.now();
const result = simulateOutcomes(task, config, pool, outcomes, 'wc solution');
const simulateMs = performance.now() - t;
console.log(JSON.stringify({ poolMs, productMs, simulateMs, workloads: pool.workloads.length, jobs: result.summary.jobs, arr: result.summary.arr, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

function measure(n) {
  const taskset = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', ['-c', '0,1']] : null;
  const [command, pre] = taskset ?? [process.execPath, []];
  const argv = taskset ? [...pre, process.execPath, '--input-type=module', '-e', child, String(n), cache] : ['--input-type=module', '-e', child, String(n), cache];
  const started = performance.now();
  const r = spawnSync(command, argv, { encoding: 'utf8', cwd: repo });
  if (r.status !== 0) throw new Error(`market child failed: ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), wallMs: performance.now() - started };
}

try {
  const big = measure(customers);
  const base = measure(1000);
  const s = (x) => `${(x / 1000).toFixed(2)} s`;
  console.log(`market of 90 days × ${customers} customers (cold cache, 2 cores): ${s(big.wallMs)} in all, ${big.maxRssMb.toFixed(0)} MiB peak`);
  console.log(`  workload pool  ${s(big.poolMs)} (${big.workloads} workloads, recorded twice on the reference)`);
  console.log(`  product        ${s(big.productMs)} (build + one run per workload)`);
  console.log(`  simulation     ${s(big.simulateMs)} (${big.jobs.toLocaleString('en-US')} jobs)`);
  console.log(`baseline: 1000 customers, warm cache: ${s(base.wallMs)} in all, simulation ${s(base.simulateMs)}, ${base.maxRssMb.toFixed(0)} MiB peak`);
  console.log(`ratios: simulation ${(big.simulateMs / base.simulateMs).toFixed(1)}× for ${customers / 1000}× the customers; peak memory ${(big.maxRssMb / base.maxRssMb).toFixed(2)}×`);
  console.log(`targets: ≤ 60 s ${big.wallMs <= 60_000 ? 'met' : 'MISSED'}, ≤ 1 GiB ${big.maxRssMb <= 1024 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
