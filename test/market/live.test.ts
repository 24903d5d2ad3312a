import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketDay } from '../../src/contracts/market.js';
import type { TrajectoryEvent } from '../../src/contracts/run.js';
import { findTask } from '../../src/tasks/load-task.js';
import { runCli } from '../support/cli.js';
import { scriptedMarketSession, startFakeOpenAI, type FakeModel } from '../support/fake-models.js';
import { tempDir } from '../support/fixtures.js';

// Live market episodes: `shipbench run --mode market` on the wordcount task over 4 weekly sprints.

let root: string;
let cleanup: () => Promise<void>;
let model: FakeModel;
const DAYS = 28;
const NEW_PRICE = 25;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  model = await startFakeOpenAI(scriptedMarketSession(NEW_PRICE));
});
afterAll(async () => {
  await model.close();
  await cleanup();
});

const db = () => join(root, 'store', 'shipbench.db');

interface RunJson {
  run: { id: string; name: string; mode: string; artifactsDir: string };
  trials: { id: string; agent: string; status: string; costUsd: number | null; artifactsDir: string | null }[];
  marketLeaderboard: { agent: string; arr: { value: number }; balance: { value: number }; flagged: number }[];
}

async function marketRun(args: string[]): Promise<RunJson> {
  const r = await runCli(['run', '--mode', 'market', '--tasks', 'wordcount', '--days', String(DAYS), ...args, '--json', '--db', db()], { cwd: root });
  expect(r.stderr.split('\n').filter((l) => l.startsWith('shipbench:'))).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as RunJson;
}

function storedDays(trialId: string): MarketDay[] {
  const store = new Database(db(), { readonly: true });
  try {
    const rows = store.prepare('SELECT d.day_json FROM market_days d JOIN markets m ON m.id = d.market_id WHERE m.trial_id = ? ORDER BY d.day').all(trialId) as { day_json: string }[];
    return rows.map((r) => JSON.parse(r.day_json) as MarketDay);
  } finally {
    store.close();
  }
}

function trajectory(dir: string): TrajectoryEvent[] {
  return readFileSync(join(dir, 'trajectory.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TrajectoryEvent);
}

const outputs = (events: TrajectoryEvent[]) => events.flatMap((e) => (e.type === 'command' ? [e.output] : []));

describe('shipbench run --mode market', () => {
  let miniTrajectory = '';
  let miniArr = -1;
  let miniMrr: number[] = [];

  it('a model agent works in weekly sprints: brief without reference, inbox, price, every day stored', async () => {
    const out = await marketRun(['--agent', 'mini', '--model', 'gpt-4o', '--base-url', model.baseURL, '--name', 'live-mini']);
    expect(out.run.mode).toBe('market');
    const trial = out.trials[0]!;
    expect(trial.status).toBe('done');
    const dir = trial.artifactsDir!;

    // Four sprints, starting on days 1, 8, 15 and 22; the agent never reaches a reference.
    const events = trajectory(dir);
    expect(events.flatMap((e) => (e.type === 'sprint' ? [e.day] : []))).toEqual([1, 8, 15, 22]);
    const start = events.find((e) => e.type === 'start');
    expect(start?.type === 'start' && start.instruction).toMatch(/wordcount/);
    expect(start?.type === 'start' && start.instruction).toContain('There is no reference');
    const probe = outputs(events)[0]!;
    expect(probe).toMatch(/rc=12[67]/);
    expect(probe).not.toContain('coreutils');
    // No stub on the PATH (a rebuild episode has one there), and the launch price in price.txt.
    expect(probe.split('\n').slice(-2)).toEqual(['19', '']);

    // Steps count on across sprints (sprint 1 took three replies, the third its submission).
    expect(events.flatMap((e) => (e.type === 'command' ? [e.step] : []))).toEqual([1, 2, 4]);

    // Sprint 2 read the week-1 inbox, could not rewrite it, and raised the price.
    const inboxRead = outputs(events).find((o) => o.includes('# Week 1'));
    expect(inboxRead).toContain('## Dashboard');
    expect(inboxRead).toMatch(/Jobs: \d+ run, \d+ failed/);
    expect(inboxRead).toMatch(/Read-only file system|Permission denied/);
    expect(readFileSync(join(dir, 'inbox', 'week-1.md'), 'utf8')).not.toContain('forged');

    // The conversation carried over: sprint 2's first request holds sprint 1 and the inbox.
    expect(model.requests).toHaveLength(7);
    const sprint2 = model.requests[3]!.body.messages as { role: string; content: string }[];
    expect(sprint2[0]!.role).toBe('system');
    expect(sprint2.some((m) => m.role === 'assistant' && m.content.includes('cat > wc.js'))).toBe(true);
    expect(sprint2.at(-1)!.content).toMatch(/^# Sprint 2 of 4 \(day 8 of 28\)/);
    expect(sprint2.at(-1)!.content).toContain('## Dashboard');
    // Sprint 3 starts from the brief and sprint 2 only: sprint 1 is left out, roles still alternate.
    const sprint3 = model.requests[5]!.body.messages as { role: string; content: string }[];
    expect(sprint3.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(sprint3[1]!.content).toMatch(/Market brief[\s\S]*messages of earlier sprints are left out[\s\S]*# Sprint 2 of 4/);
    expect(sprint3.some((m) => m.content.includes('cat > wc.js'))).toBe(false);
    expect(sprint3[2]!.content).toContain(`echo ${NEW_PRICE} > price.txt`);
    expect(sprint3.at(-1)!.content).toMatch(/^# Sprint 3 of 4 \(day 15 of 28\)/);

    // Every day is stored; the new price holds from the week after the sprint that set it.
    const days = storedDays(trial.id);
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: DAYS }, (_, i) => i + 1));
    expect(days.slice(0, 7).every((d) => d.price === 19)).toBe(true);
    expect(days.slice(7).every((d) => d.price === NEW_PRICE)).toBe(true);
    // Model spend is paid from the bank: the trial's cost is the ledger's model cost (days keep
    // four decimals; one reply costs about $0.001).
    const llm = days.reduce((s, d) => s + d.llmCost, 0);
    expect(trial.costUsd).toBeGreaterThan(0.005);
    expect(Math.abs(llm - trial.costUsd!)).toBeLessThan(0.0003);

    // A build is kept only when it changed: sprint 1 (the code), sprint 2 (the price file).
    expect(['1', '2', '3', '4'].map((n) => existsSync(join(dir, 'builds', `sprint-${n}.tar.gz`)))).toEqual([true, true, false, false]);
    const evalJson = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as { market: { arr: number; seed: number; worlds: { seeds: number[]; arr: number[]; arr_mean: number } }; tests_total: number };
    expect(evalJson.tests_total).toBeGreaterThan(0);
    expect(days.at(-1)!.mrr * 12).toBeCloseTo(evalJson.market.arr, 2);
    // Scored in five worlds: the one the agent lived in, then its builds and prices replayed.
    const worlds = evalJson.market.worlds;
    expect(worlds.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(worlds.arr[0]).toBe(evalJson.market.arr);
    expect(new Set(worlds.arr).size).toBeGreaterThan(1);
    expect(worlds.arr_mean).toBeCloseTo(worlds.arr.reduce((a, b) => a + b, 0) / 5, 6);
    expect(out.marketLeaderboard[0]!.arr.value).toBeCloseTo(worlds.arr_mean, 6);
    miniTrajectory = join(dir, 'trajectory.jsonl');
    miniArr = worlds.arr_mean;
    miniMrr = days.map((d) => d.mrr);
  }, 600_000);

  it('the same world for every agent: the oracle earns, null earns nothing, a replay reproduces the episode', async () => {
    expect(miniTrajectory).not.toBe('');
    const out = await marketRun(['--agent', 'oracle', '--agent', 'null', '--agent', 'replay', '--trajectory', miniTrajectory, '--name', 'live-three']);
    expect(out.trials.map((t) => t.status)).toEqual(['done', 'done', 'done']);
    const [oracle, none, replay] = out.trials.map((t) => storedDays(t.id));
    // Day 1 brings the same customers to every product.
    expect(none![0]!.newTrials).toBe(oracle![0]!.newTrials);
    expect(none!.every((d) => d.mrr === 0 && d.failedJobs === d.jobs)).toBe(true);
    expect(oracle!.at(-1)!.mrr).toBeGreaterThan(0);
    const board = new Map(out.marketLeaderboard.map((r) => [r.agent, r]));
    expect(board.get('oracle')!.arr.value).toBeGreaterThan(board.get('null')!.arr.value);
    expect(board.get('null')!.arr.value).toBe(0);
    expect(board.get('null')!.balance.value).toBeLessThan(5000);
    // The replay ships the mini agent's code in sprint 1 and its price in sprint 2: same market.
    expect(replay!.map((d) => d.price)).toEqual(Array.from({ length: DAYS }, (_, i) => (i < 7 ? 19 : NEW_PRICE)));
    expect(replay!.map((d) => d.mrr)).toEqual(miniMrr);
    expect(board.get('replay')!.arr.value).toBeCloseTo(miniArr, 6);

    const lb = await runCli(['leaderboard', '--run', 'live-three', '--json', '--db', db()], { cwd: root });
    expect(lb.code).toBe(0);
    expect((JSON.parse(lb.stdout) as { marketRows: { agent: string }[] }).marketRows.map((r) => r.agent)).toContain('oracle');
    const show = await runCli(['runs', 'show', 'live-three', '--db', db()], { cwd: root });
    expect(show.stdout).toContain(`market: ${DAYS} days in sprints of 7, spec brief, seed 1 (5 worlds)`);
    expect(show.stdout).toMatch(/ARR at the end/);
    const exported = await runCli(['runs', 'export', 'live-three', '--out', join(root, 'export'), '--json', '--db', db()], { cwd: root });
    const files = (JSON.parse(exported.stdout) as { trial: string; files: string[] }[])[0]!.files.map((f) => f.slice(join(root, 'export').length + 1));
    expect(files).toEqual(expect.arrayContaining([`${out.trials[0]!.id}/market.json`, `${out.trials[0]!.id}/inbox/week-4.md`, `${out.trials[0]!.id}/eval.json`]));
  }, 600_000);

  it('a command agent gets each sprint in its instruction file; a price file that is a fifo or a symlink is refused, not read', async () => {
    const command = 'head -1 /run/shipbench/INSTRUCTION.md; if [ -p price.txt ]; then rm price.txt; ln -s /etc/shadow price.txt; else rm -f price.txt; mkfifo price.txt; fi';
    const r = await runCli(['run', '--mode', 'market', '--tasks', 'wordcount', '--days', '14', '--agent', 'command', '--agent-command', command, '--json', '--db', db()], { cwd: root });
    expect(r.code).toBe(0);
    const trial = (JSON.parse(r.stdout) as RunJson).trials[0]!;
    expect(trial.status).toBe('done');
    const seen = outputs(trajectory(trial.artifactsDir!)).map((o) => o.split('\n')[0]);
    expect(seen).toEqual(['# Market brief: wordcount', '# Sprint 2 of 2 (day 8 of 14)']);
    for (const week of [1, 2]) {
      expect(readFileSync(join(trial.artifactsDir!, 'inbox', `week-${week}.md`), 'utf8')).toContain('price.txt is missing or not a plain file; the price stays $19');
    }
    expect(storedDays(trial.id).map((d) => d.price)).toEqual(Array(14).fill(19));
  }, 300_000);

  it('with --brief hypothesis the agent gets the market hypothesis and no docs, and the trial says which brief it had', async () => {
    const command = 'head -1 /run/shipbench/INSTRUCTION.md; grep -c "no documentation" /run/shipbench/INSTRUCTION.md; ls docs 2>&1 | head -1';
    const r = await runCli(['run', '--mode', 'market', '--tasks', 'wordcount', '--days', '7', '--brief', 'hypothesis', '--agent', 'command', '--agent-command', command, '--json', '--db', db()], { cwd: root });
    expect(r.code).toBe(0);
    const trial = (JSON.parse(r.stdout) as RunJson).trials[0]!;
    expect(trial.status).toBe('done');
    const [seen] = outputs(trajectory(trial.artifactsDir!));
    expect(seen!.split('\n').slice(0, 3)).toEqual(['# Market hypothesis: wordcount', '1', expect.stringMatching(/docs.*No such file or directory/)]);
    const evalJson = JSON.parse(readFileSync(join(trial.artifactsDir!, 'eval.json'), 'utf8')) as { market: { brief: string } };
    expect(evalJson.market.brief).toBe('hypothesis');
    const bad = await runCli(['run', '--mode', 'market', '--tasks', 'wordcount', '--brief', 'vague', '--agent', 'null', '--db', db()], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('shipbench: --brief must be spec or hypothesis, not "vague"; pick one of them');
  }, 300_000);

  it('an agent that answers only the inputs of its tickets is flagged for hard-coding', async () => {
    // Each sprint copies the inbox data into the product, which replays the expected output of every
    // ticket input it was shown and fails everything else.
    const product = String.raw`const fs = require('fs');
const path = require('path');
const bytes = (v) => (typeof v === 'string' ? Buffer.from(v) : Buffer.from(v.base64, 'base64'));
const argv = process.argv.slice(2);
let stdin = Buffer.alloc(0);
try { stdin = fs.readFileSync(0); } catch {}
const dir = path.join(__dirname, 'tickets');
for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  for (const t of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).tickets) {
    if (JSON.stringify(t.input.argv) !== JSON.stringify(argv) || !bytes(t.input.stdin).equals(stdin)) continue;
    if (!Object.entries(t.input.files).every(([n, v]) => fs.existsSync(n) && fs.readFileSync(n).equals(bytes(v)))) continue;
    const exit = /\[exit (\d+)\]$/.exec(t.expected);
    if (!exit) continue;
    let out = t.expected.slice(0, exit.index);
    const at = out.indexOf('[stderr] ');
    const err = at < 0 ? '' : out.slice(at + 9);
    if (at >= 0) out = out.slice(0, at);
    process.stdout.write(out);
    process.stderr.write(err);
    process.exit(Number(exit[1]));
  }
}
process.exit(3);`;
    const command = [
      'mkdir -p tickets && cp /run/shipbench/inbox/*.json tickets/ 2>/dev/null',
      "cat > compile.sh <<'SHIPBENCH_EOF'\n#!/bin/sh\n{ echo '#!/usr/bin/env node'; cat wc.js; } > executable && chmod +x executable\nSHIPBENCH_EOF",
      `cat > wc.js <<'SHIPBENCH_EOF'\n${product}\nSHIPBENCH_EOF`,
      'ls tickets | wc -l 2>/dev/null; true',
    ].join('\n');
    const r = await runCli(['run', '--mode', 'market', '--tasks', 'wordcount', '--days', '21', '--customers', '5000', '--agent', 'command', '--agent-command', command, '--json', '--db', db()], { cwd: root });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.trials[0]!.status).toBe('done');
    const dir = out.trials[0]!.artifactsDir!;
    const week1 = JSON.parse(readFileSync(join(dir, 'inbox', 'week-1.json'), 'utf8')) as { tickets: { input: { argv: string[] } }[] };
    expect(week1.tickets.length).toBeGreaterThanOrEqual(5);
    const evalJson = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as { market: { integrity: { flagged: boolean; ticketInputs: number; ticketInputPassRate: number; freshPassRate: number } } };
    const integrity = evalJson.market.integrity;
    // Inputs shown in the inboxes of weeks 1 and 2 (the week-3 inbox came after the last sprint).
    expect(integrity.ticketInputs).toBeGreaterThan(week1.tickets.length);
    expect(integrity.ticketInputPassRate).toBeGreaterThan(0.5);
    expect(integrity.freshPassRate).toBeLessThan(0.05);
    expect(integrity.flagged).toBe(true);
    expect(out.marketLeaderboard[0]!.flagged).toBe(1);
  }, 300_000);

  it('reports each simulated week while the trial runs', async () => {
    const r = await runCli(['run', '--mode', 'market', '--tasks', 'wordcount', '--agent', 'null', '--days', '14', '--db', db()], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wordcount · null · #1: day 7\/14, MRR \$0, 0 paying, \d+ in trial, balance \$4,825\n.*day 14\/14, MRR \$0/);
    expect(r.stdout).toMatch(/market \(14 days, seed 1\):\n#\s+agent/);
  }, 120_000);

  it('refuses what a market run cannot do, with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['run', '--mode', 'market', '--tasks', 'wc', '--agent', 'null'], /--mode market needs market tasks, and wc is not/],
      [['run', '--tasks', 'wc', '--agent', 'null', '--days', '30'], /--days only applies with --mode market/],
      [['run', '--mode', 'sideways', '--tasks', 'wc', '--agent', 'null'], /--mode must be rebuild or market/],
      [['run', '--tasks', 'wordcount', '--agent', 'null'], /market tasks keep their reference hidden.*--mode market/],
      [['run', '--mode', 'market', '--tasks', 'wordcount', '--agent', 'null', '--days', '400'], /--days: /],
    ];
    const briefless = join(root, 'briefless');
    await cp(findTask('wordcount').dir, briefless, { recursive: true });
    await rm(join(briefless, 'brief.md'));
    cases.push([['run', '--mode', 'market', '--tasks', briefless, '--agent', 'null'], /task wordcount: its market brief .*brief\.md cannot be read; add the file or fix market\.brief in task\.yaml/]);
    for (const [args, message] of cases) {
      const r = await runCli([...args, '--db', db()], { cwd: root });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 60_000);
});
