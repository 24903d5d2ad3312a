import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli.js';
import { tempDir, writeTree } from '../support/fixtures.js';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'shipbench.js');
// The size of the committed wc suite, as its manifest records it.
const WC = (JSON.parse(readFileSync(join(repo, 'datasets/core/wc/suite.manifest.json'), 'utf8')) as { cases: number }).cases;
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir()));
afterAll(() => cleanup());

// Runs the real CLI as a user would, from a scratch working directory.
function shipbench(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: root, env: { SHIPBENCH_DB: join(root, 'cli.db') } });
}

describe('shipbench CLI', () => {
  it('--version and --help on every command', async () => {
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
    expect(await shipbench('--version')).toMatchObject({ code: 0, stdout: `${version}\n` });
    for (const cmd of [[], ['grade'], ['demo'], ['tasks'], ['tasks', 'list'], ['tasks', 'check'], ['tasks', 'build'], ['grades', 'list'], ['grades', 'show'], ['schemas']]) {
      const r = await shipbench(...cmd, '--help');
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: shipbench/);
    }
  });

  it('grades the reference with --json, stores it, and lists it', async () => {
    const junit = join(root, 'junit.xml');
    const r = await shipbench('grade', '--reference', '--task', 'wc', '--json', '--junit', junit);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(g).toMatchObject({ task: 'wc', passed: WC, failed: 0, total: WC, score: 1, resolved: true, almostResolved: true, build: { status: 'skipped' } });
    expect(readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(WC);
    const list = await shipbench('grades', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: g.id, task: 'wc', passed: WC })]);
    const shown = await shipbench('grades', 'show', String(g.id).slice(0, 8), '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: g.id, passed: WC, cases: expect.any(Array) });
    expect((await shipbench('grades', 'show', 'zzzz')).stderr).toMatch(/^shipbench: no stored grade "zzzz"/);
  });

  it('shows progress on a terminal as one redrawn line with counts and an ETA', async () => {
    const r = await new Promise<string>((resolve) => {
      const child = spawn('script', ['-qfec', `${process.execPath} ${bin} grade --reference --task wc --no-store`, '/dev/null'], { cwd: root });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('close', () => resolve(text));
    });
    expect(r).toMatch(new RegExp(`\\r\\x1b\\[2Kgrading wc: \\d+/${WC} cases, \\d+ failed, [\\d.]+s elapsed, ETA \\d+s`));
    expect(r).toContain(`${WC}/${WC} cases passed`);
  });

  it('grades the baseline solution and shows a readable summary', async () => {
    const r = await shipbench('grade', join(repo, 'datasets/core/wc/solution'), '-t', 'wc', '--no-store');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/build ok\n\s+\d+\/\d+ cases passed \(\d+\.\d%\)/);
  });

  it('a failing build shows its log tail and scores zero', async () => {
    await writeTree(root, { 'broken-sub/compile.sh': '#!/bin/sh\necho "error: no compiler for brainfuck" >&2\nexit 1\n' });
    const r = await shipbench('grade', 'broken-sub', '--task', 'wc', '--json', '--no-store');
    const g = JSON.parse(r.stdout) as { build: { status: string; logTail: string }; score: number };
    expect(g.build.status).toBe('failed');
    expect(g.build.logTail).toContain('error: no compiler for brainfuck');
    expect(g.score).toBe(0);
  });

  it('user errors are one line on stderr with exit code 2', async () => {
    await writeTree(root, { 'badtask/task.yaml': 'id: Bad Id\nreference: {command: [wc]}\n' });
    const cases: [string[], RegExp][] = [
      [['grade', 'x', '--task', 'no-such-task'], /^shipbench: no task "no-such-task"; see shipbench tasks list/],
      [['grade', '--task', 'wc'], /^shipbench: grade needs a submission folder or tarball/],
      [['grade', 'nowhere', '--task', 'wc'], /^shipbench: submission .*nowhere does not exist/],
      [['grade', '--reference', '--task', './badtask'], /^shipbench: badtask\/task\.yaml:1: id: must be lower-case/],
      [['grade', '--reference', '--task', 'wc', '-j', 'many'], /^shipbench: --concurrency takes a whole number/],
      [['tasks', 'check'], /^error: missing required argument 'task'/],
      [['frobnicate'], /^error: unknown command 'frobnicate'/],
    ];
    for (const [args, pattern] of cases) {
      const r = await shipbench(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('tasks list and tasks check', async () => {
    const list = await shipbench('tasks', 'list', '--json');
    expect(JSON.parse(list.stdout)).toContainEqual({ id: 'wc', dataset: 'core', kind: 'rebuild', cases: WC, status: 'ready' });
    const check = await shipbench('tasks', 'check', 'wc', '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ task: 'wc', reruns: 3, cases: WC, ok: true, failing: [], flaky: [] });
  });

  it('tasks new scaffolds a task from any program, tasks build generates its suite, tasks stats reads it', async () => {
    const made = await shipbench('tasks', 'new', 'mytac', '--reference', 'tac', '--dir', join(root, 'mytac'));
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/wrote .*mytac\/task\.yaml \(generator: preset cli/);
    expect(readFileSync(join(root, 'mytac', 'task.yaml'), 'utf8')).toMatch(/hide:\n\s+- \/usr\/bin\/tac/);
    expect((await shipbench('tasks', 'new', 'mytac', '--reference', 'tac', '--dir', join(root, 'mytac'))).stderr).toMatch(/already exists/);
    const built = await shipbench('tasks', 'build', join(root, 'mytac'), '--budget', '20', '--json');
    expect(built.code).toBe(0);
    const [manifest] = JSON.parse(built.stdout) as { cases: number; gates: Record<string, number> }[];
    expect(manifest?.cases).toBeGreaterThan(5);
    expect(manifest?.cases).toBeLessThanOrEqual(20);
    const stats = await shipbench('tasks', 'stats', join(root, 'mytac'), '--json', '--time');
    const parsed = JSON.parse(stats.stdout) as { cases: number; features: Record<string, number>; meanCaseMs: number };
    expect(parsed.cases).toBe(manifest?.cases);
    expect(Object.keys(parsed.features).length).toBeGreaterThan(0);
    expect(parsed.meanCaseMs).toBeGreaterThan(0);
  });

  it('the demo grades the baseline and the null submission', async () => {
    const r = await shipbench('demo', '--json', '--db', join(root, 'demo.db'));
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { submission: string; score: number; resolved: boolean }[];
    expect(rows.map((x) => x.submission)).toEqual(['oracle (baseline solution)', 'null (empty program)']);
    expect(rows[0]?.score).toBeGreaterThan(0.5);
    expect(rows[1]).toMatchObject({ score: 0, resolved: false });
    expect(existsSync(join(root, 'demo.db'))).toBe(true);
  });
});
