import { RunConfigSchema, type ExitStatus, type RunConfig, type TrialStatus } from '../contracts/run.js';
import { userError } from '../errors.js';
import type { Db } from './db.js';

// Runs, their trials and every try of each trial. A trial is one attempt of one agent on one
// task; a try is one execution of it (an infrastructure failure or a kill leaves a try behind and
// the trial runs again; a finished trial is never run again).

export interface PlannedTrial {
  id: string;
  ordinal: number;
  task: string;
  agentIndex: number;
  agent: string;
  model: string | null;
  attempt: number;
}

export interface RunRow {
  id: string;
  name: string;
  config: RunConfig;
  configSha256: string;
  artifactsDir: string;
  createdAt: string;
  shipbenchVersion: string;
}

export interface RunSummary extends RunRow {
  trials: number;
  done: number;
  pending: number;
  running: number;
  infraErrors: number;
  costUsd: number;
}

export interface TrialRow extends PlannedTrial {
  runId: string;
  policy: string;
  status: TrialStatus;
  tries: number;
  gradeId: string | null;
  exitStatus: ExitStatus | null;
  steps: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  priced: boolean | null;
  brokerCalls: number | null;
  score: number | null;
  scoreAside: number | null;
  resolved: boolean | null;
  almostResolved: boolean | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  artifactsDir: string | null;
}

export interface TryRow {
  trialId: string;
  try: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'running' | 'done' | 'infra-error' | 'interrupted';
  error: string | null;
  costUsd: number | null;
  artifactsDir: string;
}

// What a finished trial records.
export interface TrialFinish {
  gradeId: string;
  exitStatus: ExitStatus;
  steps: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  priced: boolean;
  brokerCalls: number;
  score: number;
  /** The pass rate on stdout, exit code and files alone (diagnostics aside). */
  scoreAside: number;
  resolved: boolean;
  almostResolved: boolean;
  durationMs: number;
  error: string | null;
}

export function createRun(db: Db, run: Omit<RunRow, 'createdAt'>, trials: readonly PlannedTrial[]): void {
  const insertRun = db.prepare('INSERT INTO runs (id, name, config_json, config_sha256, artifacts_dir, created_at, shipbench_version) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertTrial = db.prepare(`INSERT INTO trials (id, run_id, ordinal, task, agent_index, agent, model, attempt, policy, status)
    VALUES (@id, @runId, @ordinal, @task, @agentIndex, @agent, @model, @attempt, @policy, 'pending')`);
  db.transaction(() => {
    insertRun.run(run.id, run.name, JSON.stringify(run.config), run.configSha256, run.artifactsDir, new Date().toISOString(), run.shipbenchVersion);
    for (const t of trials) insertTrial.run({ ...t, runId: run.id, policy: run.config.policy });
  })();
}

function toRun(r: Record<string, unknown>): RunRow {
  return {
    id: r.id as string,
    name: r.name as string,
    config: RunConfigSchema.parse(JSON.parse(r.config_json as string)),
    configSha256: r.config_sha256 as string,
    artifactsDir: r.artifacts_dir as string,
    createdAt: r.created_at as string,
    shipbenchVersion: r.shipbench_version as string,
  };
}

// A run by id, id prefix or name; a user error when none or several match.
export function findRun(db: Db, ref: string): RunRow {
  const rows = db.prepare('SELECT * FROM runs WHERE id = ? OR name = ? OR substr(id, 1, length(?)) = ? LIMIT 3').all(ref, ref, ref, ref) as Record<string, unknown>[];
  const exact = rows.find((r) => r.id === ref || r.name === ref);
  if (exact) return toRun(exact);
  if (rows.length === 0) throw userError('run.unknown', `no run "${ref}" in the store`, 'list runs with: shipbench runs list');
  if (rows.length > 1) throw userError('run.ambiguous', `"${ref}" matches several runs`, 'give more of the run id');
  return toRun(rows[0] as Record<string, unknown>);
}

export function runByName(db: Db, name: string): RunRow | undefined {
  const row = db.prepare('SELECT * FROM runs WHERE name = ?').get(name) as Record<string, unknown> | undefined;
  return row ? toRun(row) : undefined;
}

// Runs, newest first, with trial counts by status and the spend of every try (failed ones too).
export function listRuns(db: Db, limit = 50): RunSummary[] {
  const rows = db
    .prepare(`SELECT r.*, COUNT(t.id) AS n,
      SUM(t.status = 'done') AS done, SUM(t.status = 'pending') AS pending, SUM(t.status = 'running') AS running,
      SUM(t.status = 'infra-error') AS infra,
      COALESCE((SELECT SUM(tt.cost_usd) FROM trial_tries tt JOIN trials t2 ON t2.id = tt.trial_id WHERE t2.run_id = r.id), 0) AS cost
      FROM runs r LEFT JOIN trials t ON t.run_id = r.id GROUP BY r.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?`)
    .all(limit) as Record<string, unknown>[];
  return rows.map((r) => ({
    ...toRun(r),
    trials: r.n as number,
    done: (r.done as number) ?? 0,
    pending: (r.pending as number) ?? 0,
    running: (r.running as number) ?? 0,
    infraErrors: (r.infra as number) ?? 0,
    costUsd: r.cost as number,
  }));
}

function toTrial(r: Record<string, unknown>): TrialRow {
  const bool = (v: unknown) => (v === null || v === undefined ? null : v === 1);
  return {
    id: r.id as string,
    runId: r.run_id as string,
    ordinal: r.ordinal as number,
    task: r.task as string,
    agentIndex: r.agent_index as number,
    agent: r.agent as string,
    model: (r.model as string | null) ?? null,
    attempt: r.attempt as number,
    policy: r.policy as string,
    status: r.status as TrialStatus,
    tries: r.tries as number,
    gradeId: (r.grade_id as string | null) ?? null,
    exitStatus: (r.exit_status as ExitStatus | null) ?? null,
    steps: (r.steps as number | null) ?? null,
    inputTokens: (r.input_tokens as number | null) ?? null,
    outputTokens: (r.output_tokens as number | null) ?? null,
    costUsd: (r.cost_usd as number | null) ?? null,
    priced: bool(r.priced),
    brokerCalls: (r.broker_calls as number | null) ?? null,
    score: (r.score as number | null) ?? null,
    scoreAside: (r.score_aside as number | null) ?? null,
    resolved: bool(r.resolved),
    almostResolved: bool(r.almost_resolved),
    startedAt: (r.started_at as string | null) ?? null,
    finishedAt: (r.finished_at as string | null) ?? null,
    durationMs: (r.duration_ms as number | null) ?? null,
    error: (r.error as string | null) ?? null,
    artifactsDir: (r.artifacts_dir as string | null) ?? null,
  };
}

export function trialsOfRun(db: Db, runId: string): TrialRow[] {
  return (db.prepare('SELECT * FROM trials WHERE run_id = ? ORDER BY ordinal').all(runId) as Record<string, unknown>[]).map(toTrial);
}

// Finished trials of every run (or one), for leaderboards.
export function trialById(db: Db, id: string): TrialRow | undefined {
  const row = db.prepare('SELECT * FROM trials WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return row ? toTrial(row) : undefined;
}

export function finishedTrials(db: Db, runId?: string): TrialRow[] {
  const rows = db.prepare("SELECT * FROM trials WHERE status = 'done' AND (@run IS NULL OR run_id = @run) ORDER BY run_id, ordinal").all({ run: runId ?? null });
  return (rows as Record<string, unknown>[]).map(toTrial);
}

export function triesOf(db: Db, trialId: string): TryRow[] {
  const rows = db.prepare('SELECT * FROM trial_tries WHERE trial_id = ? ORDER BY try').all(trialId) as Record<string, unknown>[];
  return rows.map((r) => ({
    trialId: r.trial_id as string,
    try: r.try as number,
    startedAt: r.started_at as string,
    finishedAt: (r.finished_at as string | null) ?? null,
    outcome: r.outcome as TryRow['outcome'],
    error: (r.error as string | null) ?? null,
    costUsd: (r.cost_usd as number | null) ?? null,
    artifactsDir: r.artifacts_dir as string,
  }));
}

// Every write here takes the write lock when its transaction begins (IMMEDIATE), so processes
// sharing the store wait for each other (busy_timeout) instead of failing on a read-then-write.
// A trial is executed by one process at a time: the process holds its lease, renews it while it
// works (heartbeat), and records the trial's tries only while it holds it. A lease runs out when
// its holder stops renewing it (killed, machine gone); another process may then take the trial.
// Owners are "host:pid:start" so a dead local holder is recognised at once (see ownerAlive).

// Takes a trial's lease when it is free: no lease, or one that ran out or whose holder is gone (a
// try that holder left running is kept as interrupted). False when another live process holds it
// or the trial is done.
export function claimTrial(db: Db, trialId: string, owner: string, leaseMs: number, isGone: (owner: string) => boolean, now = Date.now()): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT status, lease_owner, lease_until FROM trials WHERE id = ?').get(trialId) as { status: string; lease_owner: string | null; lease_until: number | null } | undefined;
    if (!row || row.status === 'done') return false;
    // A live lease holds whatever the trial's state (between two tries it is not running).
    const held = row.lease_owner !== null && row.lease_owner !== owner && row.lease_until !== null && row.lease_until >= now && !isGone(row.lease_owner);
    if (held) return false;
    if (row.status === 'running') {
      db.prepare("UPDATE trial_tries SET outcome = 'interrupted', finished_at = COALESCE(finished_at, ?) WHERE trial_id = ? AND outcome = 'running'").run(new Date(now).toISOString(), trialId);
    }
    db.prepare("UPDATE trials SET status = 'pending', lease_owner = ?, lease_until = ? WHERE id = ?").run(owner, now + leaseMs, trialId);
    return true;
  }).immediate();
}

// Renews the leases `owner` holds on these trials; returns the trials whose lease it no longer
// holds (taken by another process after it ran out).
export function renewLeases(db: Db, owner: string, trialIds: readonly string[], leaseMs: number, now = Date.now()): string[] {
  const renew = db.prepare('UPDATE trials SET lease_until = ? WHERE id = ? AND lease_owner = ?');
  return db.transaction(() => trialIds.filter((id) => renew.run(now + leaseMs, id, owner).changes === 0)).immediate();
}

// Gives a lease back (the trial stays as its last try left it).
export function releaseLease(db: Db, trialId: string, owner: string): void {
  db.prepare('UPDATE trials SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?').run(trialId, owner);
}

// The live holders of a run's leases other than `owner`, with when each lease runs out.
export function liveLeaseHolders(db: Db, runId: string, isGone: (owner: string) => boolean, now = Date.now()): { owner: string; until: number }[] {
  const rows = db.prepare('SELECT lease_owner AS owner, MAX(lease_until) AS until FROM trials WHERE run_id = ? AND lease_owner IS NOT NULL AND lease_until >= ? GROUP BY lease_owner').all(runId, now) as { owner: string; until: number }[];
  return rows.filter((r) => !isGone(r.owner));
}

// Unfinished trials of a run that a live process holds the lease of.
export function heldTrials(db: Db, runId: string, isGone: (owner: string) => boolean, now = Date.now()): string[] {
  const rows = db.prepare("SELECT id, lease_owner AS owner FROM trials WHERE run_id = ? AND status != 'done' AND lease_owner IS NOT NULL AND lease_until >= ?").all(runId, now) as { id: string; owner: string }[];
  return rows.filter((r) => !isGone(r.owner)).map((r) => r.id);
}

// Trials left over by a run that died (running when it stopped, with no live holder) go back to
// pending; their tries are kept and marked interrupted. Returns how many.
export function reclaimInterrupted(db: Db, runId: string, isGone: (owner: string) => boolean = () => true, now = Date.now()): number {
  return db.transaction(() => {
    const stale = (db.prepare("SELECT id, lease_owner, lease_until FROM trials WHERE run_id = ? AND status = 'running'").all(runId) as { id: string; lease_owner: string | null; lease_until: number | null }[]).filter(
      (t) => t.lease_owner === null || t.lease_until === null || t.lease_until < now || isGone(t.lease_owner),
    );
    for (const t of stale) {
      db.prepare("UPDATE trial_tries SET outcome = 'interrupted', finished_at = COALESCE(finished_at, ?) WHERE outcome = 'running' AND trial_id = ?").run(new Date(now).toISOString(), t.id);
      db.prepare("UPDATE trials SET status = 'pending', lease_owner = NULL, lease_until = NULL WHERE id = ?").run(t.id);
    }
    return stale.length;
  }).immediate();
}

// Records the start of a try; returns its number (1 for the first).
export function startTry(db: Db, trialId: string, artifactsDir: (tryNumber: number) => string, owner: string | null = null): { tryNumber: number; artifactsDir: string } {
  return db.transaction(() => {
    const row = db.prepare('SELECT tries, lease_owner FROM trials WHERE id = ?').get(trialId) as { tries: number; lease_owner: string | null } | undefined;
    if (!row) throw new Error(`trial ${trialId} is not in the store`);
    if (owner !== null && row.lease_owner !== owner) throw new LeaseLost(trialId);
    const tryNumber = row.tries + 1;
    const dir = artifactsDir(tryNumber);
    const now = new Date().toISOString();
    db.prepare("UPDATE trials SET status = 'running', tries = ?, started_at = ?, error = NULL WHERE id = ?").run(tryNumber, now, trialId);
    db.prepare("INSERT INTO trial_tries (trial_id, try, started_at, outcome, artifacts_dir) VALUES (?, ?, ?, 'running', ?)").run(trialId, tryNumber, now, dir);
    return { tryNumber, artifactsDir: dir };
  }).immediate();
}

export function finishTry(db: Db, trialId: string, tryNumber: number, artifactsDir: string, f: TrialFinish, owner: string | null = null): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    assertLease(db, trialId, owner);
    db.prepare(`UPDATE trials SET status = 'done', grade_id = @gradeId, exit_status = @exitStatus, steps = @steps, input_tokens = @inputTokens,
      output_tokens = @outputTokens, cost_usd = @costUsd, priced = @priced, broker_calls = @brokerCalls, score = @score, score_aside = @scoreAside, resolved = @resolved,
      almost_resolved = @almostResolved, finished_at = @now, duration_ms = @durationMs, error = @error, artifacts_dir = @artifactsDir WHERE id = @id`).run({
      ...f,
      priced: f.priced ? 1 : 0,
      resolved: f.resolved ? 1 : 0,
      almostResolved: f.almostResolved ? 1 : 0,
      now,
      artifactsDir,
      id: trialId,
    });
    db.prepare('UPDATE trials SET lease_owner = NULL, lease_until = NULL WHERE id = ?').run(trialId);
    db.prepare("UPDATE trial_tries SET outcome = 'done', finished_at = ?, cost_usd = ? WHERE trial_id = ? AND try = ?").run(now, f.costUsd, trialId, tryNumber);
  }).immediate();
}

// An infrastructure failure: the try is kept with its error and the trial waits for another try.
export function failTry(db: Db, trialId: string, tryNumber: number, error: string, costUsd: number, owner: string | null = null): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    assertLease(db, trialId, owner);
    db.prepare("UPDATE trials SET status = 'infra-error', error = ?, finished_at = ? WHERE id = ?").run(error, now, trialId);
    db.prepare("UPDATE trial_tries SET outcome = 'infra-error', finished_at = ?, error = ?, cost_usd = ? WHERE trial_id = ? AND try = ?").run(now, error, costUsd, trialId, tryNumber);
  }).immediate();
}

// Spend of a run so far, over every try (failed ones cost money too).
export function runSpend(db: Db, runId: string): number {
  const row = db.prepare('SELECT COALESCE(SUM(tt.cost_usd), 0) AS spent FROM trial_tries tt JOIN trials t ON t.id = tt.trial_id WHERE t.run_id = ?').get(runId) as { spent: number };
  return row.spent;
}

// Thrown when a process records a trial whose lease it no longer holds: another process has
// taken the trial, and this process's result is dropped.
export class LeaseLost extends Error {
  constructor(readonly trialId: string) {
    super(`the lease on trial ${trialId} was lost to another process`);
    this.name = 'LeaseLost';
  }
}

function assertLease(db: Db, trialId: string, owner: string | null): void {
  if (owner === null) return;
  const row = db.prepare('SELECT lease_owner FROM trials WHERE id = ?').get(trialId) as { lease_owner: string | null } | undefined;
  if (row?.lease_owner !== owner) throw new LeaseLost(trialId);
}
