import { join } from 'node:path';
import { RunBudget } from '../agent/episode.js';
import { isDiskFull, isShipbenchError } from '../errors.js';
import type { Db } from '../store/db.js';
import { saveGrade } from '../store/grades.js';
import { claimTrial, failTry, finishTry, LeaseLost, reclaimInterrupted, releaseLease, renewLeases, runSpend, startTry, trialsOfRun, type RunRow, type TrialRow } from '../store/runs.js';
import { ownerGone, processOwner } from '../util/owner.js';
import type { Task } from '../tasks/load-task.js';
import { deleteTrialMarkets, saveMarket, appendMarketDays, updateMarket } from '../store/markets.js';
import type { MarketDay, MarketResult } from '../contracts/market.js';
import { executeMarketTrial } from './market-trial.js';
import { executeTrial, InfrastructureError, type TrialInput, type TrialOutput } from './trial.js';

export type RunEvent =
  | { kind: 'start'; total: number; todo: number; reclaimed: number }
  | { kind: 'trial-start'; trial: TrialRow; tryNumber: number }
  | { kind: 'trial-done'; trial: TrialRow; output: TrialOutput }
  | { kind: 'trial-failed'; trial: TrialRow; tryNumber: number; error: string; willRetry: boolean }
  | { kind: 'trial-week'; trial: TrialRow; day: number; days: number; last: MarketDay }
  | { kind: 'trial-skipped'; trial: TrialRow; why: string };

export interface ExecuteRunOptions {
  db: Db;
  run: RunRow;
  tasks: ReadonlyMap<string, Task>;
  /** Trials run at once. */
  concurrency: number;
  /** Folders no sandbox may reach: the store and the run artifacts. */
  privateDirs: string[];
  /** Market runs: where workload pools and measured builds are cached. */
  marketCacheDir: string;
  version: string;
  /** Tries per trial in this execution before it is left as an infrastructure error. */
  maxTries?: number;
  /** How long a trial's lease lasts without renewal (renewed at a third of it). */
  leaseMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface RunTally {
  done: number;
  infraErrors: number;
}

// A trial's lease lasts this long unless renewed; a holder renews it at a third of that.
const LEASE_MS = 30_000;

// Executes every unfinished trial of a stored run: trials a killed run left running go back to
// pending (their tries are kept), finished trials are never run again. Each trial is executed
// under a lease in the store, so two processes on one run (a resume beside a live run, or
// several workers) never execute a trial twice: each takes the trials no live process holds.
// Each trial is recorded as it finishes. Infrastructure failures are retried; a user error (a
// missing key, say) stops the whole run, which stays resumable.
export async function executeRun(options: ExecuteRunOptions): Promise<RunTally> {
  const { db, run } = options;
  const owner = processOwner();
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const reclaimed = reclaimInterrupted(db, run.id, ownerGone);
  const trials = trialsOfRun(db, run.id);
  const todo = trials.filter((t) => t.status !== 'done');
  options.onEvent?.({ kind: 'start', total: trials.length, todo: todo.length, reclaimed });
  const cap = run.config.limits.runCostUsd;
  const budget = cap === null ? null : new RunBudget(cap);
  budget?.add(runSpend(db, run.id));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const maxTries = options.maxTries ?? 3;
  let next = 0;
  let fatal: unknown = null;
  const tally: RunTally = { done: 0, infraErrors: 0 };
  // The trials this process holds, each with a signal that stops it if its lease is lost.
  const held = new Map<string, AbortController>();
  const heartbeat = setInterval(() => {
    for (const lost of renewLeases(db, owner, [...held.keys()], leaseMs)) held.get(lost)?.abort();
  }, Math.max(10, Math.floor(leaseMs / 3)));
  heartbeat.unref();

  const worker = async () => {
    while (!stop.signal.aborted) {
      const trial = todo[next++];
      if (!trial) return;
      const task = options.tasks.get(trial.task);
      const agent = run.config.agents[trial.agentIndex];
      if (!task || !agent) throw new Error(`trial ${trial.id} names a task or agent its run does not have`);
      if (!claimTrial(db, trial.id, owner, leaseMs, ownerGone)) {
        options.onEvent?.({ kind: 'trial-skipped', trial, why: 'done or held by another process' });
        continue;
      }
      const lease = new AbortController();
      held.set(trial.id, lease);
      const trialSignal = AbortSignal.any([stop.signal, lease.signal]);
      try {
        await runTrial(trial, task, agent, trialSignal);
      } finally {
        held.delete(trial.id);
        releaseLease(db, trial.id, owner);
      }
    }
  };

  // The tries of one trial whose lease this process holds; `signal` stops it with the run or when
  // the lease is lost (then nothing more is recorded: the process that took it over records it).
  const runTrial = async (trial: TrialRow, task: Task, agent: RunRow['config']['agents'][number], signal: AbortSignal) => {
    for (let tryIndex = 1; tryIndex <= maxTries && !signal.aborted; tryIndex++) {
      let started: { tryNumber: number; artifactsDir: string };
      try {
        started = startTry(db, trial.id, (n) => join(run.artifactsDir, trial.id, `try-${n}`), owner);
      } catch (error) {
        if (error instanceof LeaseLost) return;
        throw error;
      }
      const { tryNumber, artifactsDir } = started;
      options.onEvent?.({ kind: 'trial-start', trial, tryNumber });
      try {
        const input: TrialInput = {
          trialId: trial.id,
          runId: run.id,
          task,
          agent,
          attempt: trial.attempt,
          policy: run.config.policy,
          allow: run.config.allow,
          limits: run.config.limits,
          privateDirs: options.privateDirs,
          artifactsDir,
          runBudget: budget,
          version: options.version,
          signal,
        };
        const market = run.config.market;
        const recordWeek = marketRecorder(db, trial.id);
        const onWeek = (result: MarketResult, days: readonly MarketDay[]) => {
          recordWeek(result, days);
          const last = days.at(-1);
          if (last && market) options.onEvent?.({ kind: 'trial-week', trial, day: last.day, days: market.days, last });
        };
        const output = market ? await executeMarketTrial({ ...input, market, cacheDir: options.marketCacheDir, onWeek }) : await executeTrial(input);
        if (signal.aborted) {
          // Stopped mid-trial (or its lease lost): what was graded is not the agent's result. The
          // trial runs again on resume, or is recorded by the process that took it over.
          if (stop.signal.aborted) failTry(db, trial.id, tryNumber, 'interrupted', output.episode.usage.costUsd, owner);
          return;
        }
        saveGrade(db, output.grade);
        finishTry(db, trial.id, tryNumber, artifactsDir, {
          gradeId: output.grade.id,
          exitStatus: output.episode.exitStatus,
          steps: output.episode.steps,
          inputTokens: output.episode.usage.inputTokens,
          outputTokens: output.episode.usage.outputTokens,
          costUsd: output.episode.usage.costUsd,
          priced: output.episode.usage.priced,
          brokerCalls: output.brokerCalls,
          score: output.grade.score,
          scoreAside: output.grade.scoreDiagnosticsAside ?? output.grade.score,
          resolved: output.grade.resolved,
          almostResolved: output.grade.almostResolved,
          durationMs: output.durationMs,
          error: null,
        }, owner);
        tally.done++;
        options.onEvent?.({ kind: 'trial-done', trial, output });
        break;
      } catch (error) {
        if (error instanceof LeaseLost) return;
        if (isDiskFull(error)) {
          // Retrying cannot help: the run stops, resumable once there is space again.
          fatal ??= error;
          stop.abort();
          try {
            failTry(db, trial.id, tryNumber, 'interrupted: a disk is full', 0, owner);
          } catch {
            // The store's disk may be the full one.
          }
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        const spent = error instanceof InfrastructureError ? error.spentUsd : 0;
        try {
          failTry(db, trial.id, tryNumber, message, spent, owner);
        } catch (recording) {
          if (recording instanceof LeaseLost) return;
          throw recording;
        }
        if (isShipbenchError(error) && error.kind === 'user') {
          fatal ??= error;
          stop.abort();
          return;
        }
        const willRetry = tryIndex < maxTries && !signal.aborted;
        options.onEvent?.({ kind: 'trial-failed', trial, tryNumber, error: error instanceof InfrastructureError ? message : `internal error: ${message}`, willRetry });
        if (!willRetry) tally.infraErrors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, todo.length)) }, worker));
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (fatal) throw fatal;
  return tally;
}

// Stores a market episode week by week, so every simulated day is in the store as soon as it
// ends; a try that starts over replaces what an earlier try of the trial stored.
function marketRecorder(db: Db, trialId: string): (result: MarketResult, days: readonly MarketDay[]) => void {
  let marketId: string | null = null;
  return (result, days) => {
    if (marketId === null) {
      deleteTrialMarkets(db, trialId);
      marketId = saveMarket(db, result, trialId);
      return;
    }
    appendMarketDays(db, marketId, days);
    updateMarket(db, marketId, result);
  };
}

