import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { GeneratorConfigInput } from '../../src/contracts/generator.js';
import { recordCases, type PlannedCase } from '../../src/fuzz/record.js';
import { caseLimits } from '../../src/tasks/limits.js';
import { loadTaskDir, type Task } from '../../src/tasks/load-task.js';
import { referenceProgram } from '../../src/tasks/program.js';
import { fingerprintReference } from '../../src/tasks/reference.js';
import { writeSuite } from '../../src/tasks/suite-io.js';
import { removeTree } from '../../src/util/fs.js';

// A temporary folder removed by the returned cleanup.
export async function tempDir(prefix = 'shipbench-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return { dir, cleanup: () => removeTree(dir) };
}

// Writes files (path → content; executable when the path ends in .sh or is "executable").
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    if (path.endsWith('.sh') || path.endsWith('executable')) await chmod(file, 0o755);
  }
}

export interface FixtureTaskOptions {
  id?: string;
  reference: string[];
  hide?: string[];
  limits?: Record<string, number>;
  cases: PlannedCase[];
  files?: Record<string, string>;
}

// Builds a task folder inline and records its suite on the real reference.
export async function makeTask(root: string, options: FixtureTaskOptions): Promise<Task> {
  const dir = join(root, options.id ?? 'task');
  await writeTree(dir, {
    'task.yaml': stringify({ id: options.id ?? 'fixture', reference: { command: options.reference }, hide: options.hide ?? [], limits: options.limits ?? {} }),
    ...(options.files ?? {}),
  });
  const task = loadTaskDir(dir);
  const recorded = await recordCases(referenceProgram(task), options.cases, { limits: caseLimits(task.spec.limits), reruns: 1 });
  await writeSuite(task.suitePath, task.manifestPath, recorded.cases, {
    schemaVersion: 1,
    task: task.id,
    reference: { fingerprint: await fingerprintReference(task.reference.files) },
    generator: { name: 'hand', version: '1', seed: null },
    gates: recorded.gates,
  });
  return task;
}

// A submission folder whose compile.sh writes `script` as ./executable.
export async function scriptSubmission(root: string, name: string, script: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = join(root, name);
  await writeTree(dir, {
    'compile.sh': `#!/bin/sh\nset -e\ncp program.sh executable\nchmod +x executable\n`,
    'program.sh': script,
    ...extra,
  });
  return dir;
}

// A chain of `depth` folders below `root`, made one level at a time relative to the last (a
// shell's cd would resolve the whole path at every level).
export function makeDeepTree(root: string, depth: number): void {
  mkdirSync(root);
  execFileSync('python3', ['-c', 'import os, sys\nfd = os.open(sys.argv[1], os.O_RDONLY)\nfor i in range(int(sys.argv[2])):\n    os.mkdir("d", dir_fd=fd)\n    n = os.open("d", os.O_RDONLY, dir_fd=fd)\n    os.close(fd)\n    fd = n\n', root, String(depth)]);
}


// A task whose reference is a shell script written inline (writeTree marks *.sh executable), with
// the generator given.
export async function scriptTask(root: string, name: string, script: string, generator: GeneratorConfigInput): Promise<Task> {
  const dir = join(root, name);
  await writeTree(dir, {
    'ref.sh': script,
    'task.yaml': stringify({ id: name, program: name, reference: { command: ['./ref.sh'] }, docs: [], generator, limits: { caseTimeoutMs: 5000 } }),
  });
  return loadTaskDir(dir);
}
