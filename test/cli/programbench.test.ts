import { accessSync, constants, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../src/tasks/load-task.js';
import { runCli, type CliRun } from '../support/cli.js';
import { tempDir, writeTree } from '../support/fixtures.js';

const repo = join(import.meta.dirname, '..', '..');
let root: string;
let cleanup: () => Promise<void>;

// A dataset of two tasks: one whose reference no machine has (with a ProgramBench block and a
// package name), one whose package every Debian machine has installed (dpkg).
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await writeTree(root, {
    'extra/pbfixture/pb-absent/task.yaml': 'id: pb-absent\nreference: { command: [shipbench-no-such-program], package: shipbench-no-such-package }\nprogrambench: { instance: example__absent, tests: 17 }\n',
    'extra/pbfixture/pb-present/task.yaml': 'id: pb-present\nreference: { command: [dpkg], package: dpkg }\nprogrambench: { instance: example__present, tests: 3 }\n',
    'extra/pbfixture/pb-plain/task.yaml': 'id: pb-plain\nreference: { command: [cat] }\n',
  });
});
afterAll(() => cleanup());

function shipbench(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: root, env: { SHIPBENCH_DATASETS: join(root, 'extra'), SHIPBENCH_DB: join(root, 'cli.db') } });
}

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

interface Row {
  id: string;
  dataset: string;
  programbench: { instance: string; tests: number } | null;
  reference: string;
  cases: number | null;
}

describe('programbench tasks', () => {
  it('tasks list shows the ProgramBench instance, its test count and whether the reference is installed', async () => {
    const json = await shipbench('tasks', 'list', '--json');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Row[];
    expect(rows.find((r) => r.id === 'pb-absent')).toMatchObject({ dataset: 'pbfixture', programbench: { instance: 'example__absent', tests: 17 }, reference: 'missing', cases: null });
    expect(rows.find((r) => r.id === 'pb-present')).toMatchObject({ programbench: { instance: 'example__present', tests: 3 }, reference: 'ready' });
    expect(rows.find((r) => r.id === 'pb-plain')).toMatchObject({ programbench: null, reference: 'ready' });
    // The built-in programbench tasks, as their task.yaml and this machine say.
    const ids = readdirSync(join(repo, 'datasets/programbench'));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const spec = parseTaskFile(join(repo, 'datasets/programbench', id, 'task.yaml'));
      const row = rows.find((r) => r.id === id);
      expect(row, id).toMatchObject({ dataset: 'programbench', programbench: spec.programbench, reference: onPath(spec.reference.command[0] as string) ? 'ready' : 'missing' });
    }

    const text = await shipbench('tasks', 'list');
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^task\s+dataset\s+kind\s+cases\s+programbench\s+pb tests\s+reference\s+status$/);
    expect(lines.find((l) => l.startsWith('pb-absent '))).toMatch(/^pb-absent\s+pbfixture\s+rebuild\s+-\s+example__absent\s+17\s+missing\s+/);
  });

  it('tasks install refuses an unknown dataset or task in one line, and skips installed packages', async () => {
    const unknown = await shipbench('tasks', 'install', 'no-such-task');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^shipbench: no dataset or task "no-such-task"; [^\n]+\n$/);

    const installed = await shipbench('tasks', 'install', 'pb-present', 'pb-plain');
    expect(installed.code).toBe(0);
    expect(installed.stderr).toContain('already installed: dpkg');
    expect(installed.stderr).toContain('no package named (reference.package) for pb-plain');
    expect(installed.stdout).toBe('nothing to install for 2 tasks\n');
  });

  it.runIf(process.geteuid?.() !== 0)('tasks install, not as root, names the apt-get command to run and exits 2', async () => {
    const r = await shipbench('tasks', 'install', 'pbfixture');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('shipbench: installing shipbench-no-such-package needs root; run: sudo apt-get install -y shipbench-no-such-package\n');
  });
});
