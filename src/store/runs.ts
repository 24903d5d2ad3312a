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

// Trials left over by a run that died (running when it stopped) go back to pending; their tries
// are kept and marked interrupted. Returns how many.
export function reclaimInterrupted(db: Db, runId: string): number {
  return db.transaction(() => {
    db.prepare(`UPDATE trial_tries SET outcome = 'interrupted', finished_at = COALESCE(finished_at, ?)
      WHERE outcome = 'running' AND trial_id IN (SELECT id FROM trials WHERE run_id = ?)`).run(new Date().toISOString(), runId);
    return db.prepare("UPDATE trials SET status = 'pending' WHERE run_id = ? AND status = 'running'").run(runId).changes;
  })();
}

// Records the start of a try; returns its number (1 for the first).
export function startTry(db: Db, trialId: string, artifactsDir: (tryNumber: number) => string): { tryNumber: number; artifactsDir: string } {
  return db.transaction(() => {
    const row = db.prepare('SELECT tries FROM trials WHERE id = ?').get(trialId) as { tries: number } | undefined;
    if (!row) throw new Error(`trial ${trialId} is not in the store`);
    const tryNumber = row.tries + 1;
    const dir = artifactsDir(tryNumber);
    const now = new Date().toISOString();
    db.prepare("UPDATE trials SET status = 'running', tries = ?, started_at = ?, error = NULL WHERE id = ?").run(tryNumber, now, trialId);
    db.prepare("INSERT INTO trial_tries (trial_id, try, started_at, outcome, artifacts_dir) VALUES (?, ?, ?, 'running', ?)").run(trialId, tryNumber, now, dir);
    return { tryNumber, artifactsDir: dir };
  })();
}

export function finishTry(db: Db, trialId: string, tryNumber: number, artifactsDir: string, f: TrialFinish): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(`UPDATE trials SET status = 'done', grade_id = @gradeId, exit_status = @exitStatus, steps = @steps, input_tokens = @inputTokens,
      output_tokens = @outputTokens, cost_usd = @costUsd, priced = @priced, broker_calls = @brokerCalls, score = @score, resolved = @resolved,
      almost_resolved = @almostResolved, finished_at = @now, duration_ms = @durationMs, error = @error, artifacts_dir = @artifactsDir WHERE id = @id`).run({
      ...f,
      priced: f.priced ? 1 : 0,
      resolved: f.resolved ? 1 : 0,
      almostResolved: f.almostResolved ? 1 : 0,
      now,
      artifactsDir,
      id: trialId,
    });
    db.prepare("UPDATE trial_tries SET outcome = 'done', finished_at = ?, cost_usd = ? WHERE trial_id = ? AND try = ?").run(now, f.costUsd, trialId, tryNumber);
  })();
}

// An infrastructure failure: the try is kept with its error and the trial waits for another try.
export function failTry(db: Db, trialId: string, tryNumber: number, error: string, costUsd: number): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare("UPDATE trials SET status = 'infra-error', error = ?, finished_at = ? WHERE id = ?").run(error, now, trialId);
    db.prepare("UPDATE trial_tries SET outcome = 'infra-error', finished_at = ?, error = ?, cost_usd = ? WHERE trial_id = ? AND try = ?").run(now, error, costUsd, trialId, tryNumber);
  })();
}

// Spend of a run so far, over every try (failed ones cost money too).
export function runSpend(db: Db, runId: string): number {
  const row = db.prepare('SELECT COALESCE(SUM(tt.cost_usd), 0) AS spent FROM trial_tries tt JOIN trials t ON t.id = tt.trial_id WHERE t.run_id = ?').get(runId) as { spent: number };
  return row.spent;
}
