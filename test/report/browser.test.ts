import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardRow } from '../../src/report/stats.js';
import type { ReportData } from '../../src/report/data.js';
import { renderReport } from '../../src/report/html.js';
import { runCli, SHIPBENCH_BIN } from '../support/cli.js';
import { scriptedWcSession, startFakeOpenAI, type FakeModel } from '../support/fake-models.js';
import { tempDir, writeTree } from '../support/fixtures.js';

// The report in a real browser: Debian's chromium driven by playwright-core. Screenshots go to
// test-artifacts/report/.
const CHROMIUM = process.env.SHIPBENCH_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test-artifacts', 'report');

let root: string;
let cleanup: () => Promise<void>;
let model: FakeModel;
let browser: Browser;
const db = () => join(root, 'store', 'shipbench.db');

async function shipbench(args: string[]): Promise<string> {
  const r = await runCli([...args, '--db', db()], { cwd: root });
  if (r.code !== 0) throw new Error(`shipbench ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

// A first line that breaks the wc rebuild's word counts.
const WORDS_BROKEN = "if (process.argv.some((a) => a === '-w' || a === '--words')) { process.stdout.write('0\\n'); process.exit(0); }";

async function open(url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, requests, errors };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set SHIPBENCH_CHROMIUM`);
  ({ dir: root, cleanup } = await tempDir());
  await mkdir(SHOTS, { recursive: true });
  // The scripted model writes the wc rebuild with word counts broken, so its trial has diffs to show.
  model = await startFakeOpenAI(scriptedWcSession((source) => `${WORDS_BROKEN}\n${source}`));
  // A real small run: a mini agent (scripted model) and the null agent on wc and fold.
  await shipbench(['run', '--tasks', 'wc,fold', '--agent', 'mini', '--model', 'gpt-4o-mini', '--base-url', model.baseURL, '--agent', 'null', '--concurrency', '1', '--name', 'small']);
  // The same flawed rebuild in the market, so customers file tickets.
  const solution = join(ROOT, 'datasets/core/wc/solution');
  await writeTree(join(root, 'flawed'), {
    'compile.sh': readFileSync(join(solution, 'compile.sh'), 'utf8'),
    'wc.js': `${WORDS_BROKEN}\n${readFileSync(join(solution, 'wc.js'), 'utf8')}`,
  });
  await shipbench(['market', '--task', 'wordcount', join(root, 'flawed'), '--customers', '300', '--days', '30']);
  await shipbench(['report', '--run', 'small', '--out', join(root, 'report.html')]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await model?.close();
  await cleanup?.();
});

describe('shipbench report in chromium', () => {
  it('opens without a network and shows the leaderboard the store holds, sortable', async () => {
    const { page, requests, errors } = await open(`file://${join(root, 'report.html')}`);
    await page.waitForSelector('#leaderboard');
    const stored = JSON.parse(await shipbench(['leaderboard', '--run', 'small', '--json'])) as { rows: LeaderboardRow[] };
    expect(stored.rows.length).toBe(2);
    for (const row of stored.rows) {
      const cells = page.locator(`#leaderboard tr[data-agent="${row.agent}"]`);
      await expect.poll(() => cells.locator('td[data-col=mean]').innerText()).toContain(`${(row.meanScore.value * 100).toFixed(1)}%`);
      expect(await cells.locator('td[data-col=mean]').innerText()).toContain(`[${(row.meanScore.low * 100).toFixed(1)}%–${(row.meanScore.high * 100).toFixed(1)}%]`);
      expect(await cells.locator('td[data-col=resolved]').innerText()).toContain(`${(row.resolved.value * 100).toFixed(1)}%`);
      expect(await cells.locator('td[data-col=attempts]').innerText()).toBe(String(row.attempts));
    }
    // Sort by mean pass rate, then reverse it.
    await page.click('#leaderboard th[data-key=mean]');
    const order = async () => page.locator('#leaderboard tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agent')));
    const best = [...stored.rows].sort((a, b) => b.meanScore.value - a.meanScore.value).map((r) => r.agent);
    expect(await order()).toEqual(best);
    await page.click('#leaderboard th[data-key=mean]');
    expect(await order()).toEqual([...best].reverse());
    await page.click('nav a[data-view=heatmap]');
    expect(await page.locator('#heatmap .cell[data-task]').count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'leaderboard-heatmap.png'), fullPage: true });
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a failing case with its expected-vs-got diff, and a trajectory with its commands and token use', async () => {
    const { page, errors } = await open(`file://${join(root, 'report.html')}`);
    await page.click('nav a[data-view=trials]');
    await page.fill('#trial-filter', 'mini wc');
    const row = page.locator('#trials .row').first();
    const trialId = (await row.getAttribute('data-trial'))!;
    await row.click();
    await page.waitForSelector('[data-testid=trial-panel] #cases .case');
    const stored = JSON.parse(await shipbench(['report', '--run', 'small', '--json'])) as ReportData;
    const withDiff = stored.trials[trialId]!.failing.find((c) => c.diff?.includes('--- expected'));
    expect(withDiff).toBeDefined();
    const failing = page.locator(`#cases .case[data-case="${withDiff!.id}"]`);
    await failing.locator('div').first().click();
    const diff = failing.locator('pre.diff');
    await expect.poll(() => diff.isVisible()).toBe(true);
    expect(await diff.innerText()).toMatch(/--- expected/);
    expect(await page.locator('#features tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'failing-case-diff.png'), fullPage: true });

    await page.click('.tabs button[data-tab=trajectory]');
    await page.waitForSelector('.event.command');
    expect(await page.locator('.event.command').first().innerText()).toMatch(/step 1 .*wc/s);
    expect(await page.locator('[data-testid=tokens-chart] polyline').count()).toBe(1);
    expect(await page.locator('.event.end').innerText()).toMatch(/submitted/);
    await page.screenshot({ path: join(SHOTS, 'trajectory.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills into a task: each agent, the features each fails, the cases failed most often', async () => {
    const { page, errors } = await open(`file://${join(root, 'report.html')}`);
    const stored = JSON.parse(await shipbench(['report', '--run', 'small', '--json'])) as ReportData;
    const wc = stored.tasks.wc!;
    expect(wc.agents.map((a) => a.agent).sort()).toEqual(['mini/gpt-4o-mini', 'null']);
    expect(wc.hardest.length).toBeGreaterThan(0);
    await page.click('nav a[data-view=tasks]');
    expect(await page.locator('#tasks tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-open-task')).sort())).toEqual(['fold', 'wc']);
    await page.click('#tasks tr[data-open-task=wc]');
    await page.waitForSelector('[data-testid=task-panel] #task-agents');
    for (const a of wc.agents) {
      expect(await page.locator(`#task-agents tr[data-agent="${a.agent}"] td[data-col=mean]`).innerText()).toBe(`${(a.meanScore * 100).toFixed(1)}%`);
    }
    // The null agent fails every feature: each feature row shows 0 of its cases for it.
    expect(await page.locator('#task-features tbody tr').count()).toBe(wc.features.length);
    const first = wc.features[0]!;
    expect(await page.locator(`#task-features tr[data-feature="${first.feature}"] td[data-agent=null]`).innerText()).toBe(`0/${first.byAgent.null!.total}`);
    const top = wc.hardest[0]!;
    expect(await page.locator('#task-cases tbody tr').first().innerText()).toContain(`${top.failedIn} of ${wc.gradedTrials}`);
    await page.screenshot({ path: join(SHOTS, 'task.png'), fullPage: true });
    // The heatmap's task labels open the same panel.
    await page.click('nav a[data-view=heatmap]');
    await page.click('#heatmap [data-open-task=fold]');
    await page.waitForSelector('[data-testid=task-panel] #task-agents');
    expect(await page.locator('[data-testid=task-panel] > b').innerText()).toBe('fold');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a market: MRR and ARR, customers, tickets by class and the bank balance by day', async () => {
    const { page, errors } = await open(`file://${join(root, 'report.html')}`);
    await page.click('nav a[data-view=markets]');
    await page.locator('#markets tr[data-market]').first().click();
    await page.waitForSelector('[data-testid=chart-mrr]');
    for (const chart of ['chart-mrr', 'chart-customers', 'chart-balance']) {
      const points = await page.locator(`[data-testid=${chart}] polyline`).first().getAttribute('points');
      expect(points?.trim().split(' ')).toHaveLength(30);
    }
    const stored = JSON.parse(await shipbench(['report', '--json'])) as ReportData;
    const market = Object.values(stored.markets)[0]!;
    const classes = Object.entries(market.summary.tickets);
    expect(classes.length).toBeGreaterThan(0);
    for (const [cls, count] of classes) {
      expect(await page.locator(`[data-testid=chart-tickets] .bar[data-class="${cls}"] .num`).innerText()).toBe(count.toLocaleString('en-US'));
    }
    expect(await page.locator('[data-testid=market-arr]').innerText()).toBe(`$${market.summary.arr.toLocaleString('en-US', { maximumFractionDigits: 0 })}`);
    await page.screenshot({ path: join(SHOTS, 'market.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('shipbench view', () => {
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    child = spawn(process.execPath, [SHIPBENCH_BIN, 'view', '--port', '0', '--json', '--db', db()], { cwd: root });
    url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout?.on('data', (d: Buffer) => {
        text += d.toString();
        const line = text.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.on('exit', (code) => reject(new Error(`view exited ${code}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('serves the same views from the store, failing cases page by page, and sees new runs as they land', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const summary = (await (await fetch(`${url}api/summary`)).json()) as ReportData['summary'];
    const nullWc = summary.trials.find((t) => t.agent === 'null' && t.task === 'wc')!;
    const page1 = (await (await fetch(`${url}api/trials/${nullWc.id}?offset=0&limit=5`)).json()) as { failing: { id: string }[]; failingTotal: number };
    const page2 = (await (await fetch(`${url}api/trials/${nullWc.id}?offset=5&limit=5`)).json()) as { failing: { id: string }[] };
    expect(page1.failing).toHaveLength(5);
    expect(page1.failingTotal).toBe(nullWc.total);
    expect(page2.failing[0]!.id).not.toBe(page1.failing[0]!.id);
    expect((await fetch(`${url}api/trials/nope`)).status).toBe(404);
    const task = (await (await fetch(`${url}api/tasks/wc`)).json()) as ReportData['tasks'][string];
    expect(task.agents.map((a) => a.agent).sort()).toEqual(['mini/gpt-4o-mini', 'null']);
    expect(task.gradedTrials).toBe(2);
    expect((await fetch(`${url}api/tasks/nope`)).status).toBe(404);

    const { page, errors } = await open(url);
    await page.waitForSelector('#leaderboard tr[data-agent]');
    await page.click('nav a[data-view=trials]');
    await page.locator(`#trials .row[data-trial="${nullWc.id}"]`).click();
    await page.waitForSelector('#more-cases');
    const before = await page.locator('#cases .case').count();
    await page.click('#more-cases');
    await expect.poll(() => page.locator('#cases .case').count()).toBeGreaterThan(before);
    await page.screenshot({ path: join(SHOTS, 'view.png'), fullPage: true });
    expect(errors).toEqual([]);

    await shipbench(['run', '--tasks', 'head', '--agent', 'null', '--name', 'later']);
    const after = (await (await fetch(`${url}api/summary`)).json()) as ReportData['summary'];
    expect(after.run?.name).toBe('later');
    await page.close();
  }, 240_000);
});

describe('a market run in the report', () => {
  beforeAll(async () => {
    // A live market run: the oracle and null in weekly sprints before the same customers.
    await shipbench(['run', '--mode', 'market', '--tasks', 'wordcount', '--agent', 'oracle', '--agent', 'null', '--days', '21', '--name', 'launch']);
    await shipbench(['report', '--run', 'launch', '--out', join(root, 'launch.html')]);
  }, 300_000);

  it('ranks agents by ARR, shows each trial\'s ARR, its weekly sprints and its market by day', async () => {
    const { page, errors } = await open(`file://${join(root, 'launch.html')}`);
    await page.waitForSelector('#market-leaderboard');
    const stored = JSON.parse(await shipbench(['leaderboard', '--run', 'launch', '--json'])) as { marketRows: { agent: string; arr: { value: number } }[] };
    expect(stored.marketRows.map((r) => r.agent)).toEqual(['oracle', 'null']);
    expect(await page.locator('#market-leaderboard tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agent')))).toEqual(['oracle', 'null']);
    const oracleArr = stored.marketRows[0]!.arr.value;
    expect(oracleArr).toBeGreaterThan(0);
    expect(await page.locator('#market-leaderboard tr[data-agent=oracle] td[data-col=arr]').innerText()).toBe(`$${oracleArr.toLocaleString('en-US', { maximumFractionDigits: 0 })}`);
    await page.screenshot({ path: join(SHOTS, 'market-leaderboard.png'), fullPage: true });

    await page.click('nav a[data-view=trials]');
    await page.fill('#trial-filter', 'oracle');
    const row = page.locator('#trials .row').first();
    expect(await row.innerText()).toContain(`$${oracleArr.toLocaleString('en-US', { maximumFractionDigits: 0 })}`);
    await row.click();
    expect(await page.locator('[data-testid=trial-panel] > b').first().innerText()).toBe('Trial 1');
    await page.click('.tabs button[data-tab=trajectory]');
    await page.waitForSelector('.event.sprint');
    expect(await page.locator('.event.sprint').evaluateAll((els) => els.map((e) => e.getAttribute('data-sprint')))).toEqual(['1', '2', '3']);
    await page.click('.tabs button[data-tab=market]');
    await page.waitForSelector('[data-testid=chart-mrr]');
    expect((await page.locator('[data-testid=chart-mrr] polyline').first().getAttribute('points'))?.trim().split(' ')).toHaveLength(21);
    // The charts are the world the agent lived in; the panel gives the spread over every world.
    expect(await page.locator('[data-testid=market-worlds]').innerText()).toMatch(/^Over 5 worlds \(seeds 1–5;.*mean ARR \$[\d,]+, lowest \$[\d,]+/);
    await page.screenshot({ path: join(SHOTS, 'market-trial.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a large run', () => {
  it('200 tasks × 5 agents × 5 attempts with 5,000-case suites render with a virtualised trial list', async () => {
    const agents = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const tasks = Array.from({ length: 200 }, (_, i) => `task-${String(i).padStart(3, '0')}`);
    const trials: ReportData['summary']['trials'] = [];
    let ordinal = 0;
    for (const task of tasks) for (const agent of agents) for (let attempt = 1; attempt <= 5; attempt++) {
      const passed = (ordinal * 7919) % 5001;
      trials.push({ id: `t${ordinal}`, ordinal: ++ordinal, task, agent, attempt, status: 'done', exitStatus: 'submitted', score: passed / 5000, resolved: passed === 5000, passed, total: 5000, steps: 40, costUsd: 0.5, inputTokens: 1000, outputTokens: 100, brokerCalls: 3, durationMs: 1000, error: null, hasTrajectory: false, marketId: null, arr: null });
    }
    const heatmap = tasks.flatMap((task) => agents.map((agent) => ({ agent, task, meanScore: 0.5, attempts: 5, resolved: 1 })));
    const data: ReportData = { summary: { generatedAt: new Date().toISOString(), shipbenchVersion: 'test', run: { id: 'big', name: 'big', createdAt: '', tasks: 200, agents, attempts: 5, policy: 'cleanroom' }, live: false, leaderboard: [], marketLeaderboard: [], heatmap, trials, markets: [] }, tasks: {}, trials: {}, trajectories: {}, markets: {}, truncated: [] };
    const file = join(root, 'big.html');
    writeFileSync(file, renderReport(data));
    const { page, errors } = await open(`file://${file}`);
    await page.click('nav a[data-view=trials]');
    await page.waitForSelector('#trials .row');
    expect(await page.locator('#trials').getAttribute('data-rows')).toBe('5000');
    expect(await page.locator('#trials .row').count()).toBeLessThan(80);
    await page.locator('#trials').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.locator('#trials .row').last().innerText()).toMatch(/^5000\b/);
    expect(await page.locator('#trials .row').count()).toBeLessThan(80);
    await page.click('nav a[data-view=heatmap]');
    expect(await page.locator('#heatmap .cell[data-task]').count()).toBe(1000);
    await page.screenshot({ path: join(SHOTS, 'large-run.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
