import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configChanges } from '../../src/orchestrate/plan.js';
import { RunConfigSchema } from '../../src/contracts/run.js';
import { findTask, loadTaskDir } from '../../src/tasks/load-task.js';
import { loadSuite, writeSuite } from '../../src/tasks/suite-io.js';
import { runCli, SHIPBENCH_BIN } from '../support/cli.js';
import { tempDir } from '../support/fixtures.js';

interface TrialState {
  ordinal: number;
  agent: string;
  status: string;
  tries: number;
}

function trialStates(db: string): TrialState[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare('SELECT ordinal, agent, status, tries FROM trials ORDER BY ordinal').all() as TrialState[];
  } finally {
    handle.close();
  }
}

function tryOutcomes(db: string, ordinal: number): string[] {
  const handle = new Database(db, { readonly: true });
  try {
    return (handle.prepare('SELECT tt.outcome FROM trial_tries tt JOIN trials t ON t.id = tt.trial_id WHERE t.ordinal = ? ORDER BY tt.try').all(ordinal) as { outcome: string }[]).map((r) => r.outcome);
  } finally {
    handle.close();
  }
}

describe('runs survive kill -9 and resume without re-spending', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterAll(async () => cleanup());

  it('redoes only the unfinished trials, keeps every try, and leaves no sandbox running', async () => {
    const db = join(root, 'kill.db');
    // null finishes at once; the command agent sleeps, so the kill lands inside its episode.
    const args = ['run', '--tasks', 'wc', '--agent', 'null', '--agent', 'command', '--agent-command', 'sleep 7; echo slept', '-k', '2', '--name', 'killed', '--db', db];
    const child = spawn(process.execPath, [SHIPBENCH_BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (d: Buffer) => {
        seen += d.toString();
        if (seen.includes('[1/4]')) setTimeout(resolve, 1500);
      });
      child.on('exit', () => reject(new Error(`the run ended before it could be killed: ${seen}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));

    const before = trialStates(db);
    expect(before.map((t) => t.status)).toEqual(['done', 'running', 'pending', 'pending']);
    // The killed harness took its sandboxes with it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain('sleep 7; echo slept');

    const resumed = await runCli(['runs', 'resume', 'killed', '--json', '--db', db], { cwd: root });
    expect(resumed.code).toBe(0);
    const after = trialStates(db);
    expect(after.map((t) => t.status)).toEqual(['done', 'done', 'done', 'done']);
    // The finished trial was not run again; the interrupted one kept its first try.
    expect(after[0]?.tries).toBe(1);
    expect(after[1]?.tries).toBe(2);
    expect(tryOutcomes(db, 2)).toEqual(['interrupted', 'done']);

    const again = await runCli(['runs', 'resume', 'killed', '--json', '--db', db], { cwd: root });
    expect(JSON.parse(again.stdout)).toMatchObject({ finishedNow: 0, unfinished: 0 });
    expect(trialStates(db).map((t) => t.tries)).toEqual([1, 2, 1, 1]);
  });

  it('a market episode killed after its first week starts over on resume and keeps one market per trial', async () => {
    const db = join(root, 'market.db');
    const args = ['run', '--mode', 'market', '--tasks', 'wordcount', '--days', '14', '--agent', 'command', '--agent-command', 'sleep 4', '--name', 'launch', '--db', db];
    const child = spawn(process.execPath, [SHIPBENCH_BIN, ...args], { cwd: root, stdio: 'ignore' });
    const storedDays = () => {
      if (!existsSync(db)) return 0;
      const handle = new Database(db, { readonly: true });
      try {
        return (handle.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'market_days'").get() as { n: number }).n === 0 ? 0 : (handle.prepare('SELECT COUNT(*) AS n FROM market_days').get() as { n: number }).n;
      } finally {
        handle.close();
      }
    };
    // Kill once week 1 is stored, while sprint 2's agent sleeps.
    await expect.poll(storedDays, { timeout: 60_000, interval: 200 }).toBe(7);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    expect(trialStates(db).map((t) => t.status)).toEqual(['running']);

    const resumed = await runCli(['runs', 'resume', 'launch', '--json', '--db', db], { cwd: root });
    expect(resumed.code).toBe(0);
    expect(trialStates(db).map((t) => `${t.status}/${t.tries}`)).toEqual(['done/2']);
    const handle = new Database(db, { readonly: true });
    try {
      const markets = handle.prepare('SELECT m.id, (SELECT COUNT(*) FROM market_days d WHERE d.market_id = m.id) AS days FROM markets m').all() as { days: number }[];
      expect(markets.map((m) => m.days)).toEqual([14]);
      expect((handle.prepare('SELECT COUNT(*) AS n FROM market_days').get() as { n: number }).n).toBe(14);
    } finally {
      handle.close();
    }
  }, 180_000);

  it('refuses to resume a run whose suite changed, and refuses a taken name', async () => {
    const db = join(root, 'changed.db');
    const dir = join(root, 'wc-copy');
    await cp(findTask('wc').dir, dir, { recursive: true });
    const first = await runCli(['run', '--tasks', dir, '--agent', 'null', '--name', 'frozen', '--json', '--db', db], { cwd: root });
    expect(first.code).toBe(0);
    const taken = await runCli(['run', '--tasks', dir, '--agent', 'null', '--name', 'frozen', '--db', db], { cwd: root });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/a run named "frozen" already exists; resume it with: shipbench runs resume frozen/);

    const task = loadTaskDir(dir);
    const suite = loadSuite(task.suitePath, task.manifestPath, task.id);
    await writeSuite(task.suitePath, task.manifestPath, suite.cases.slice(1), suite.manifest);
    const refused = await runCli(['runs', 'resume', 'frozen', '--db', db], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe("shipbench: run frozen cannot be resumed: task wc's suite changed; start a new run instead (shipbench run …)");
  });

  it('names every difference between two configs', () => {
    const base = RunConfigSchema.parse({ schemaVersion: 1, tasks: [{ id: 'wc', dir: '/d', suiteSha256: 'a' }], agents: [{ kind: 'null' }], attempts: 1, policy: 'cleanroom', limits: {} });
    expect(configChanges(base, base)).toEqual([]);
    const changed = { ...base, tasks: [], agents: [{ kind: 'oracle' as const }], attempts: 3, policy: 'open' as const, limits: { ...base.limits, steps: 5 } };
    expect(configChanges(base, changed)).toEqual(['task wc is gone', 'the agents changed', 'attempts changed (1 → 3)', 'the policy changed (cleanroom → open)', 'the trial limits changed']);
    const market = RunConfigSchema.parse({ ...base, mode: 'market', market: {} });
    expect(configChanges(market, { ...market, market: { ...market.market!, seed: 2 } })).toEqual(['the market settings changed']);
  });
});
