import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrajectoryEvent } from '../../src/contracts/run.js';
import { readTrajectory } from '../../src/agent/trajectory.js';
import { findTask } from '../../src/tasks/load-task.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/fixtures.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

// Hostile agent scripts, replayed as one episode on the wc task: each prints what it got, and the
// trajectory must show each one contained.
function hostileScripts(paths: { port: number; suite: string; db: string; wcSize: number }): Record<string, string> {
  return {
    'bytes-through-stub': 'wc -c /usr/bin/wc; wc -c /proc/self/exe; true',
    'bytes-at-real-path': 'sha256sum /usr/bin/wc $(readlink -f /usr/bin/wc)',
    'bytes-anywhere': `find /usr /etc /opt /workspace /home /tmp /run -type f -size ${paths.wcSize}c 2>/dev/null | head -200 | xargs -r sha256sum; echo "searched $(find /usr -type f 2>/dev/null | grep -c .)"`,
    'bytes-through-proc': "(sleep 3 | wc &) ; sleep 1; for p in /proc/[0-9]*; do sha256sum $p/exe 2>/dev/null; done; ls /proc | grep -cE '^[0-9]+$'",
    'outside-network': "(exec 3<>/dev/tcp/1.1.1.1/80 && echo CONNECTED) 2>&1 || echo BLOCKED",
    'host-loopback': `(exec 3<>/dev/tcp/127.0.0.1/${paths.port} && echo CONNECTED) 2>&1 || echo BLOCKED`,
    'hidden-suite': `head -c 80 ${paths.suite} 2>&1; wc -l ${paths.suite} 2>&1; true`,
    'store': `ls ${paths.db} 2>&1; true`,
    'escape-workspace': 'touch /usr/escape-usr /workspace/../escape-root /etc/escape-etc 2>&1; ls / | tr "\\n" " "; true',
    'daemon': 'nohup sleep 4243 >/dev/null 2>&1 & echo started',
    'submit-stub': "cp /run/shipbench/bin/wc executable && printf '#!/bin/sh\\ntrue\\n' > compile.sh && ./executable --version | head -1",
  };
}

function trajectoryFile(path: string, scripts: Record<string, string>): void {
  const at = new Date().toISOString();
  const lines = Object.values(scripts).map((command, i) => JSON.stringify({ type: 'command', at, step: i + 1, command, exitCode: 0, endedBy: 'exit', output: '', outputBytes: 0, wallMs: 0 }));
  lines.push(JSON.stringify({ type: 'end', at, exitStatus: 'submitted', steps: lines.length, usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, priced: true }, message: 'replayed' }));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('a hostile agent in the cleanroom', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let server: Server;
  let outputs: Record<string, string>;
  let trial: { score: number; status: string; artifactsDir: string };
  let events: TrajectoryEvent[];
  const wcSha = sha('/usr/bin/wc');

  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
    server = createServer((_req, res) => res.end('host secret'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const task = findTask('wc');
    const db = join(root, 'store', 'shipbench.db');
    const scripts = hostileScripts({ port, suite: task.suitePath, db, wcSize: readFileSync('/usr/bin/wc').length });
    trajectoryFile(join(root, 'hostile.jsonl'), scripts);
    const r = await runCli(['run', '--tasks', 'wc', '--agent', 'replay', '--trajectory', join(root, 'hostile.jsonl'), '--json', '--db', db], { cwd: root });
    expect(r.stderr).toBe('');
    trial = (JSON.parse(r.stdout) as { trials: (typeof trial)[] }).trials[0] as typeof trial;
    events = readTrajectory(join(trial.artifactsDir, 'trajectory.jsonl'));
    const commands = events.flatMap((e) => (e.type === 'command' ? [e] : []));
    outputs = Object.fromEntries(Object.keys(scripts).map((name, i) => [name, commands[i]?.output ?? '']));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await cleanup();
  });

  it('runs and logs every script', () => {
    expect(trial.status).toBe('done');
    expect(events.filter((e) => e.type === 'command')).toHaveLength(11);
    expect(events.filter((e) => e.type === 'broker').length).toBeGreaterThanOrEqual(3);
  });

  it('cannot read the reference: not through the stub, not at its real path, not anywhere, not through /proc', () => {
    expect(outputs['bytes-through-stub']).toMatch(/wc: \/usr\/bin\/wc: Permission denied/);
    expect(outputs['bytes-through-stub']).toMatch(/wc: \/proc\/self\/exe: Permission denied/);
    for (const name of ['bytes-at-real-path', 'bytes-anywhere', 'bytes-through-proc']) expect(outputs[name]).not.toContain(wcSha);
    // The search did look through the host system the sandbox sees.
    expect(Number(/searched (\d+)/.exec(outputs['bytes-anywhere'] ?? '')?.[1])).toBeGreaterThan(1000);
    // The agent's /proc holds its own few processes only (the broker and the reference run elsewhere).
    expect(Number(outputs['bytes-through-proc']?.trim().split('\n').at(-1))).toBeLessThan(20);
  });

  it('reaches neither an outside address nor the host loopback', () => {
    expect(outputs['outside-network']).toContain('BLOCKED');
    expect(outputs['host-loopback']).toContain('BLOCKED');
    expect(outputs['host-loopback']).not.toContain('CONNECTED');
  });

  it('cannot read the hidden suite or the store, directly or through the reference', () => {
    expect(outputs['hidden-suite']).not.toContain('"expect"');
    expect(outputs['hidden-suite']).toMatch(/No such file or directory/);
    expect(outputs['store']).toMatch(/No such file or directory/);
  });

  it('cannot write outside its folders, and leaves no process behind', () => {
    expect(outputs['escape-workspace']).toMatch(/escape-usr': Read-only file system/);
    expect(existsSync('/usr/escape-usr') || existsSync('/escape-root') || existsSync('/etc/escape-etc')).toBe(false);
    expect(outputs['daemon']).toContain('started');
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(left).not.toContain('sleep 4243');
  });

  it('submitting the stub as its program scores nothing: there is no broker at grading', () => {
    expect(outputs['submit-stub']).toContain('wc (GNU coreutils)');
    expect(trial.score).toBe(0);
  });
});

describe('the datasets are out of reach wherever shipbench is installed, and an agent’s own mess is its verdict', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let outputs: Record<string, string>;
  let trial: { status: string; tries: number; score: number; artifactsDir: string };
  // A dataset installed where every sandbox sees the host system (as /usr/lib/node_modules or /opt
  // are): a folder outside /tmp, bound read-only into every sandbox with SHIPBENCH_SANDBOX_RO.
  let install: string;
  let dataset: string;

  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
    install = mkdtempSync('/var/tmp/shipbench-install-');
    chmodSync(install, 0o755);
    dataset = join(install, 'datasets', 'extra');
    await cp(findTask('wc').dir, join(dataset, 'wc'), { recursive: true });
    const task = join(dataset, 'wc');
    const scripts: Record<string, string> = {
      'install-visible': `ls ${install} | grep -cx datasets`,
      'dataset-direct': `ls ${task} 2>&1; head -c 300 ${task}/solution/wc.js 2>&1; head -c 300 ${task}/suite.jsonl 2>&1; true`,
      'dataset-through-reference': `wc --files0-from=${task}/solution/wc.js 2>&1; wc -c ${task}/suite.jsonl 2>&1; true`,
      // 3,000 folders deep in the workspace, one level at a time.
      'deep-folder': 'python3 -c "import os\\nfd = os.open(\'.\', os.O_RDONLY)\\nfor i in range(3000):\\n    os.mkdir(\'n\', dir_fd=fd)\\n    k = os.open(\'n\', os.O_RDONLY, dir_fd=fd)\\n    os.close(fd)\\n    fd = k\\nprint(\'made\')"',
    };
    trajectoryFile(join(root, 'hostile.jsonl'), scripts);
    const db = join(root, 'store', 'shipbench.db');
    const r = await runCli(['run', '--tasks', task, '--agent', 'replay', '--trajectory', join(root, 'hostile.jsonl'), '--json', '--db', db], {
      cwd: root,
      env: { SHIPBENCH_SANDBOX_RO: install, SHIPBENCH_DATASETS: join(install, 'datasets') },
    });
    trial = (JSON.parse(r.stdout) as { trials: (typeof trial)[] }).trials[0] as typeof trial;
    const commands = readTrajectory(join(trial.artifactsDir, 'trajectory.jsonl')).flatMap((e) => (e.type === 'command' ? [e] : []));
    outputs = Object.fromEntries(Object.keys(scripts).map((key, i) => [key, commands[i]?.output ?? '']));
  }, 180_000);
  afterAll(async () => {
    await cleanup();
    rmSync(install, { recursive: true, force: true });
  });

  it('sees the folder the datasets are in, but nothing of them, directly or through the reference', () => {
    expect(outputs['install-visible']?.trim()).toBe('1');
    const solution = readFileSync(join(dataset, 'wc', 'solution', 'wc.js'), 'utf8');
    for (const key of ['dataset-direct', 'dataset-through-reference']) {
      expect(outputs[key]).not.toContain(solution.split('\n')[0]);
      expect(outputs[key]).not.toContain('"expect"');
      // Empty where the harness masks it, unreadable where the task's own mask sits over that.
      expect(outputs[key]).toMatch(/No such file or directory|Permission denied/);
    }
  });

  it('a 3,000-deep folder in the workspace ends in a verdict for the agent, not an infrastructure retry', () => {
    expect(outputs['deep-folder']).toContain('made');
    expect(trial.status).toBe('done');
    expect(trial.tries).toBe(1);
    expect(trial.score).toBe(0);
  });
});
