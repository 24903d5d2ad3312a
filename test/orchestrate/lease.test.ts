import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { claimTrial, createRun, failTry, finishTry, LeaseLost, liveLeaseHolders, reclaimInterrupted, renewLeases, startTry } from '../../src/store/runs.js';
import { RunConfigSchema } from '../../src/contracts/run.js';
import { runCli, SHIPBENCH_BIN } from '../support/cli.js';
import { tempDir } from '../support/fixtures.js';

// A trial is executed by one process at a time (issue: hardening): a lease with a heartbeat in the
// store, a resume of a live run refused, concurrent resumes of a dead one splitting the work, and
// the temporary folders of a killed run swept by the next start.

function storeWithTrials(n: number) {
  const db = openDb(':memory:');
  // Grades are not the point here; the trials record made-up grade ids.
  db.pragma('foreign_keys = OFF');
  const config = RunConfigSchema.parse({ schemaVersion: 1, tasks: [{ id: 'wc', dir: '/d', suiteSha256: 'a' }], agents: [{ kind: 'null' }], attempts: n, policy: 'cleanroom', limits: {} });
  const trials = Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, ordinal: i + 1, task: 'wc', agentIndex: 0, agent: 'null', model: null, attempt: i + 1 }));
  createRun(db, { id: 'r', name: 'r', config, configSha256: 'x', artifactsDir: '/a', shipbenchVersion: 'test' }, trials);
  return db;
}

const finish = { gradeId: 'g', exitStatus: 'no-op' as const, steps: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, priced: true, brokerCalls: 0, score: 0, scoreAside: 0, resolved: false, almostResolved: false, durationMs: 1, error: null };

describe('trial leases in the store', () => {
  const alive = () => false;

  it('a trial held by a live process cannot be taken; a lease that ran out can, and its try is kept as interrupted', () => {
    const db = storeWithTrials(1);
    const t0 = 1_000_000;
    expect(claimTrial(db, 't1', 'host:1:1', 30_000, alive, t0)).toBe(true);
    startTry(db, 't1', () => '/a/try-1', 'host:1:1');
    expect(claimTrial(db, 't1', 'host:2:2', 30_000, alive, t0 + 10_000)).toBe(false);
    expect(liveLeaseHolders(db, 'r', alive, t0 + 10_000).map((h) => h.owner)).toEqual(['host:1:1']);
    // Renewed, it stays held past the first expiry.
    expect(renewLeases(db, 'host:1:1', ['t1'], 30_000, t0 + 20_000)).toEqual([]);
    expect(claimTrial(db, 't1', 'host:2:2', 30_000, alive, t0 + 40_000)).toBe(false);
    // Not renewed any more: taken over, and the first holder can no longer record anything.
    expect(claimTrial(db, 't1', 'host:2:2', 30_000, alive, t0 + 60_000)).toBe(true);
    expect(renewLeases(db, 'host:1:1', ['t1'], 30_000, t0 + 61_000)).toEqual(['t1']);
    expect(() => finishTry(db, 't1', 1, '/a/try-1', finish, 'host:1:1')).toThrow(LeaseLost);
    const second = startTry(db, 't1', () => '/a/try-2', 'host:2:2');
    finishTry(db, 't1', second.tryNumber, second.artifactsDir, finish, 'host:2:2');
    const tries = db.prepare('SELECT try, outcome FROM trial_tries ORDER BY try').all();
    expect(tries).toEqual([
      { try: 1, outcome: 'interrupted' },
      { try: 2, outcome: 'done' },
    ]);
    expect(claimTrial(db, 't1', 'host:3:3', 30_000, alive, t0 + 200_000)).toBe(false);
  });

  it('between two tries of a trial (its last one failed) its lease still holds', () => {
    const db = storeWithTrials(1);
    const t0 = 2_000_000;
    claimTrial(db, 't1', 'host:1:1', 30_000, alive, t0);
    const first = startTry(db, 't1', () => '/a/try-1', 'host:1:1');
    failTry(db, 't1', first.tryNumber, 'model API down', 0, 'host:1:1');
    expect(claimTrial(db, 't1', 'host:2:2', 30_000, alive, t0 + 1000)).toBe(false);
    expect(() => startTry(db, 't1', () => '/a/try-2', 'host:1:1')).not.toThrow();
  });

  it('a holder known to be gone (its process ended) frees its trials at once', () => {
    const db = storeWithTrials(2);
    claimTrial(db, 't1', 'host:1:1', 30_000, alive);
    startTry(db, 't1', () => '/a', 'host:1:1');
    expect(reclaimInterrupted(db, 'r', alive)).toBe(0);
    expect(reclaimInterrupted(db, 'r', (owner) => owner === 'host:1:1')).toBe(1);
    expect(claimTrial(db, 't1', 'host:2:2', 30_000, alive)).toBe(true);
  });
});

function trialRows(db: string): { status: string; tries: number }[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare('SELECT status, tries FROM trials ORDER BY ordinal').all() as { status: string; tries: number }[];
  } finally {
    handle.close();
  }
}

function doneTries(db: string): number[] {
  const handle = new Database(db, { readonly: true });
  try {
    const rows = handle.prepare("SELECT t.ordinal, SUM(tt.outcome = 'done') AS done FROM trials t LEFT JOIN trial_tries tt ON tt.trial_id = t.id GROUP BY t.id ORDER BY t.ordinal").all() as { done: number }[];
    return rows.map((r) => r.done);
  } finally {
    handle.close();
  }
}

function scratchFoldersOf(pid: number): string[] {
  const base = join(tmpdir(), `shipbench-${process.getuid?.() ?? 0}`);
  return existsSync(base) ? readdirSync(base).filter((n) => n.startsWith(`p-${pid}-`)) : [];
}

describe('one run, several processes', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterAll(async () => cleanup());

  // Starts a run whose command agent sleeps; resolves once its first trial is under way.
  async function startSleepyRun(db: string, name: string) {
    const args = ['run', '--tasks', 'wc', '--agent', 'command', '--agent-command', 'sleep 4', '-k', '4', '--concurrency', '2', '--name', name, '--db', db];
    const child = spawn(process.execPath, [SHIPBENCH_BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    child.stderr.on('data', (d: Buffer) => (seen += d.toString()));
    await expect.poll(() => existsSync(db) && trialRows(db).some((t) => t.status === 'running'), { timeout: 60_000, interval: 100 }).toBe(true);
    return { child, output: () => seen };
  }

  it('a resume while the run is alive is refused with one line, and no trial runs twice', async () => {
    const db = join(root, 'live.db');
    const { child } = await startSleepyRun(db, 'live');
    const resume = await runCli(['runs', 'resume', 'live', '--db', db], { cwd: root });
    expect(resume.code).toBe(2);
    expect(resume.stderr.trim().split('\n')).toHaveLength(1);
    expect(resume.stderr).toMatch(new RegExp(`run live is being executed by pid ${child.pid}`));
    await new Promise((resolve) => child.once('close', resolve));
    expect(trialRows(db).map((t) => `${t.status}/${t.tries}`)).toEqual(['done/1', 'done/1', 'done/1', 'done/1']);
  }, 120_000);

  it('two resumes of a killed run at once: each trial runs once, and the dead run left no temp folder', async () => {
    const db = join(root, 'killed.db');
    const { child } = await startSleepyRun(db, 'killed');
    const pid = child.pid as number;
    await expect.poll(() => scratchFoldersOf(pid).length, { timeout: 30_000, interval: 100 }).toBe(1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    const [a, b] = await Promise.all([runCli(['runs', 'resume', 'killed', '--json', '--db', db], { cwd: root }), runCli(['runs', 'resume', 'killed', '--json', '--db', db], { cwd: root })]);
    // The later one either joins (takes the trials no one holds) or, when the first already holds
    // some, is refused as a resume of a live run.
    for (const r of [a, b]) {
      expect([0, 2], r.stderr).toContain(r.code);
      if (r.code === 2) expect(r.stderr).toMatch(/run killed is being executed by pid \d+/);
    }
    expect([a.code, b.code]).toContain(0);
    expect(trialRows(db).every((t) => t.status === 'done')).toBe(true);
    expect(doneTries(db)).toEqual([1, 1, 1, 1]);
    expect(scratchFoldersOf(pid)).toEqual([]);
  }, 120_000);
});
