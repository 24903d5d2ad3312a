import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Case } from '../contracts/case.js';
import type { Observation } from '../contracts/grade.js';
import type { FailureClass, MarketConfig } from '../contracts/market.js';
import { GENERATOR_VERSION } from '../fuzz/generate.js';
import { planWorkloads } from '../fuzz/build-task.js';
import { draftOf, expectFrom, withDigests } from '../fuzz/expectation.js';
import { compareObservation } from '../runner/compare.js';
import { runInvocations } from '../runner/lanes.js';
import type { CaseRun } from '../runner/run-case.js';
import type { Program } from '../sandbox/program.js';
import { caseLimits } from '../tasks/limits.js';
import type { Task } from '../tasks/load-task.js';
import { referenceProgram } from '../tasks/program.js';
import { fingerprintReference } from '../tasks/reference.js';
import { fromBytesValue, shownBytes, toBytesValue } from '../util/bytes.js';
import { removeTree, writeFileAtomic } from '../util/fs.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { streamKey } from '../util/rng.js';
import { FAILURE_CLASSES, type PoolShape, type ProductOutcomes } from './model.js';
import { scratchDir } from '../util/scratch.js';

// Customers' jobs: fresh invocations drawn from the task's generator on a seed derived from the
// market seed (never the suite's seed), expected outputs recorded from the reference, and what a
// product does on each. Both are cached on disk: the pool by (reference fingerprint, generator,
// seed, size), a product's outcomes by (pool, build fingerprint).

export interface Workload {
  id: string;
  week: number;
  features: string[];
  case: Case;
  /** The reference's wall time on it, milliseconds. */
  referenceMs: number;
  referenceCpuMs: number;
}

export interface WorkloadPool {
  key: string;
  workloads: Workload[];
  shape: PoolShape;
}

/** One product's result on one workload: what the model needs, plus what a ticket shows. */
export interface WorkloadOutcome {
  passed: boolean;
  failure: FailureClass | null;
  wallMs: number;
  cpuMs: number;
  /** The first lines of what the product printed, when it failed. */
  got: string;
}

export interface ExecOptions {
  cacheDir: string;
  concurrency: number;
  signal?: AbortSignal;
  onProgress?: (what: string, done: number, total: number) => void;
}

// Reference runs a workload must agree on to be kept; disagreeing (flaky) ones are dropped.
const REFERENCE_RUNS = 2;
const OVERPLAN = 1.3;
const EXCERPT_CHARS = 600;
// Wall times under this count as equal: sandbox start-up dominates them.
const LATENCY_FLOOR_MS = 25;

// The pool of a market: weeks × workloadsPerWeek workloads, each week its own fresh slice.
export async function preparePool(task: Task, config: MarketConfig, options: ExecOptions): Promise<WorkloadPool> {
  const weeks = Math.ceil(config.days / 7);
  const count = weeks * config.workloadsPerWeek;
  const seed = streamKey(config.seed, `workloads/plan/${task.id}`) & 0x7fffffff;
  const fingerprint = await fingerprintReference(task.reference.files);
  const key = sha256(canonicalJson({ task: task.id, fingerprint, generator: task.spec.generator ?? null, service: task.spec.service ?? null, seed, count, version: GENERATOR_VERSION }));
  const file = join(options.cacheDir, `pool-${task.id}-${key.slice(0, 16)}.json`);
  let workloads: Workload[];
  if (existsSync(file)) workloads = (JSON.parse(readFileSync(file, 'utf8')) as { workloads: Workload[] }).workloads;
  else {
    // Trials of one run that start together share one recording of the pool.
    let pending = recording.get(file);
    if (!pending) {
      pending = recordPool(task, config, { seed, count, key, file }, options).finally(() => recording.delete(file));
      recording.set(file, pending);
    }
    workloads = await pending;
  }
  return { key, workloads, shape: shapeOf(workloads) };
}

const recording = new Map<string, Promise<Workload[]>>();

// Plans the pool's workloads and runs the reference on each twice; disagreeing runs are dropped.
async function recordPool(task: Task, config: MarketConfig, at: { seed: number; count: number; key: string; file: string }, options: ExecOptions): Promise<Workload[]> {
  const { seed, count, key, file } = at;
  const planned = await planWorkloads(task, seed, Math.ceil(count * OVERPLAN));
  const drafts = planned.map(draftOf);
  const runs: CaseRun[][] = [];
  for (let r = 0; r < REFERENCE_RUNS; r++) {
    runs.push(await execute(task, referenceProgram(task), drafts, options, `reference run ${r + 1}/${REFERENCE_RUNS}`));
  }
  const workloads: Workload[] = [];
  drafts.forEach((draft, i) => {
    const all = runs.map((r) => r[i] as CaseRun);
    const first = all[0] as CaseRun;
    if (workloads.length >= count || all.some((r) => r.outcome.endedBy !== 'exit')) return;
    if (new Set(all.map((r) => canonicalJson(r.observed))).size !== 1) return;
    const recorded = withDigests(expectFrom(draft, first.observed));
    if (recorded === null) return;
    const n = workloads.length;
    workloads.push({
      id: `w${String(n).padStart(4, '0')}`,
      week: Math.floor(n / config.workloadsPerWeek),
      features: [...draft.features].sort(),
      case: { ...recorded, id: `w${String(n).padStart(4, '0')}` },
      referenceMs: Math.max(...all.map((r) => r.outcome.wallMs)),
      referenceCpuMs: first.outcome.cpuMs ?? first.outcome.wallMs,
    });
  });
  if (workloads.length === 0) throw new Error(`the reference of ${task.id} failed every planned workload`);
  await mkdir(options.cacheDir, { recursive: true });
  await writeFileAtomic(file, JSON.stringify({ key, workloads }));
  return workloads;
}

function shapeOf(workloads: readonly Workload[]): PoolShape {
  const features = [...new Set(workloads.flatMap((w) => w.features))].sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const start: number[] = [];
  const list: number[] = [];
  for (const w of workloads) {
    start.push(list.length);
    for (const f of w.features) list.push(index.get(f) as number);
  }
  start.push(list.length);
  return { features, week: Uint16Array.from(workloads.map((w) => w.week)), featureStart: Uint32Array.from(start), featureIndex: Uint16Array.from(list) };
}

async function execute(task: Task, program: Program, cases: readonly Case[], options: ExecOptions, what: string): Promise<CaseRun[]> {
  const scratch = await scratchDir('market');
  let done = 0;
  try {
    return await runInvocations(program, cases, { scratchDir: scratch, limits: caseLimits(task.spec.limits), network: 'cleanroom', concurrency: options.concurrency, signal: options.signal }, () => {
      options.onProgress?.(what, ++done, cases.length);
    });
  } finally {
    await removeTree(scratch);
  }
}

// A product's outcome on every workload, cached by `fingerprint` (what identifies the build).
export async function measureProgram(task: Task, pool: WorkloadPool, program: Program, fingerprint: string, options: ExecOptions): Promise<WorkloadOutcome[]> {
  const file = join(options.cacheDir, `outcomes-${task.id}-${sha256(`${pool.key}\n${fingerprint}`).slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as WorkloadOutcome[];
  const cases = pool.workloads.map((w) => w.case);
  const runs = await execute(task, program, cases, options, 'product');
  const outcomes = runs.map((run, i) => outcomeOf(cases[i] as Case, run));
  await mkdir(options.cacheDir, { recursive: true });
  await writeFileAtomic(file, JSON.stringify(outcomes));
  return outcomes;
}

function outcomeOf(c: Case, run: CaseRun): WorkloadOutcome {
  const verdict = compareObservation(c, run.observed, run.outcome);
  const wallMs = run.outcome.wallMs;
  const cpuMs = run.outcome.cpuMs ?? wallMs;
  if (verdict.passed) return { passed: true, failure: null, wallMs, cpuMs, got: '' };
  return { passed: false, failure: failureClass(verdict.failures, run), wallMs, cpuMs, got: excerpt(run.observed) };
}

// The support-ticket name of why a job failed.
export function failureClass(failures: readonly string[], run: CaseRun): FailureClass {
  if (failures.includes('not-run')) return 'unavailable';
  if (failures.includes('timeout')) return 'timeout';
  if (failures.includes('output-limit') || failures.includes('disk-limit') || failures.includes('memory-limit')) return 'crash';
  const exit = run.observed.exit;
  if (run.outcome.signal !== null || (exit !== null && exit >= 128)) return 'crash';
  if (failures.includes('stdout') || failures.includes('files')) return 'wrong-output';
  if (failures.includes('exit')) return 'wrong-exit-code';
  return 'wrong-error-message';
}

/** The outcomes of a product that never ran (no build, empty submission). */
export function unavailable(pool: WorkloadPool, why: string): WorkloadOutcome[] {
  return pool.workloads.map(() => ({ passed: false, failure: 'unavailable', wallMs: 0, cpuMs: 0, got: why }));
}

/** The reference as a product: passes everything at its own speed. */
export function referenceOutcomes(pool: WorkloadPool): WorkloadOutcome[] {
  return pool.workloads.map((w) => ({ passed: true, failure: null, wallMs: w.referenceMs, cpuMs: w.referenceCpuMs, got: '' }));
}

// The arrays the model reads.
export function toProductOutcomes(pool: WorkloadPool, outcomes: readonly WorkloadOutcome[]): ProductOutcomes {
  const n = pool.workloads.length;
  const out: ProductOutcomes = { passed: new Uint8Array(n), failure: new Int8Array(n), slowdown: new Float64Array(n), cpuMs: new Float64Array(n) };
  outcomes.forEach((o, i) => {
    const w = pool.workloads[i] as Workload;
    out.passed[i] = o.passed ? 1 : 0;
    out.failure[i] = o.failure === null ? -1 : FAILURE_CLASSES.indexOf(o.failure);
    out.slowdown[i] = o.passed ? Math.max(o.wallMs, LATENCY_FLOOR_MS) / Math.max(w.referenceMs, LATENCY_FLOOR_MS) : 1;
    out.cpuMs[i] = o.cpuMs;
  });
  return out;
}

/** What the customer expected, as a ticket shows it. */
export function expectedExcerpt(c: Case): string {
  return excerpt({ exit: c.expect.exit ?? 0, stdout: toBytesValue(shownBytes(c.expect.stdout)), stderr: toBytesValue(shownBytes(c.expect.stderr)) });
}

function excerpt(o: Observation): string {
  const out = fromBytesValue(o.stdout).toString('utf8');
  const err = fromBytesValue(o.stderr).toString('utf8');
  const text = `${out}${err ? `${out && !out.endsWith('\n') ? '\n' : ''}[stderr] ${err}` : ''}[exit ${o.exit ?? 'killed'}]`;
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}
