import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsFile, summariseGcov } from '../../src/coverage/gcov.js';
import { measureCoverage } from '../../src/coverage/measure.js';
import { recordCases } from '../../src/fuzz/record.js';
import { caseLimits } from '../../src/tasks/limits.js';
import { loadTaskDir, type Task } from '../../src/tasks/load-task.js';
import { referenceProgram } from '../../src/tasks/program.js';
import { fingerprintReference } from '../../src/tasks/reference.js';
import { writeSuite } from '../../src/tasks/suite-io.js';
import { runCli } from '../support/cli.js';
import { tempDir, writeTree } from '../support/fixtures.js';

// Coverage as a measured figure (issue: suite depth): a task whose reference is a small C program
// built from the task's own source, its instrumented twin built by the coverage recipe, a suite
// replayed on it, and gcc's counters read back.
const PROGRAM = `#include <stdio.h>
#include <string.h>

void never_called(void) {
  puts("never");
}

static int shout(const char *word) {
  printf("%s!\\n", word);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    puts("none");
    return 1;
  }
  if (!strcmp(argv[1], "a")) puts("alpha");
  else if (!strcmp(argv[1], "b")) puts("beta");
  else if (!strcmp(argv[1], "loud")) return shout(argv[1]);
  else {
    fprintf(stderr, "unknown: %s\\n", argv[1]);
    return 2;
  }
  return 0;
}
`;

let root: string;
let cleanup: () => Promise<void>;
const cache = () => join(root, 'cache');

async function taskWith(id: string, argvs: string[][], build = 'cc -O0 --coverage -o prog prog.c'): Promise<Task> {
  const dir = join(root, id);
  await writeTree(dir, {
    'src/prog.c': PROGRAM,
    'task.yaml': stringify({ id, reference: { command: ['./bin/prog'] }, coverage: { source: { dir: 'src' }, build: [build], binary: 'prog', files: ['prog.c'] } }),
  });
  execFileSync('mkdir', ['-p', join(dir, 'bin')]);
  execFileSync('cc', ['-O2', '-o', join(dir, 'bin', 'prog'), join(dir, 'src', 'prog.c')]);
  const task = loadTaskDir(dir);
  const recorded = await recordCases(referenceProgram(task), argvs.map((argv, i) => ({ id: `c${i}`, run: { argv } })), { limits: caseLimits(task.spec.limits), reruns: 1 });
  await writeSuite(task.suitePath, task.manifestPath, recorded.cases, { schemaVersion: 1, task: id, reference: { fingerprint: await fingerprintReference(task.reference.files) }, generator: { name: 'hand', version: '1', seed: null }, gates: recorded.gates });
  return task;
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
});
afterAll(() => cleanup());

describe('tasks coverage', () => {
  it('measures lines, branches and functions of the counted sources, and more cases reach more', async () => {
    const small = await measureCoverage(await taskWith('small', [['a']]), { cacheRoot: cache() });
    expect(small.void).toBeNull();
    expect(small.agreement).toEqual({ agreed: 1, cases: 1 });
    expect(small.files.map((f) => f.path)).toEqual(['prog.c']);
    expect(small.functions).toEqual({ covered: 1, total: 3 });
    expect(small.neverReached).toEqual(['prog.c:never_called', 'prog.c:shout']);
    expect(small.lines.covered).toBeGreaterThan(3);
    expect(small.lines.covered).toBeLessThan(small.lines.total);

    const wide = await measureCoverage(await taskWith('wide', [['a'], ['b'], ['loud'], ['zzz'], []]), { cacheRoot: cache() });
    expect(wide.void).toBeNull();
    expect(wide.agreement).toEqual({ agreed: 5, cases: 5 });
    expect(wide.functions).toEqual({ covered: 2, total: 3 });
    expect(wide.neverReached).toEqual(['prog.c:never_called']);
    // Every line but never_called's body and braces is reached.
    expect(wide.lines.total).toBe(small.lines.total);
    expect(wide.lines.covered).toBeGreaterThan(small.lines.covered);
    expect(wide.lines.total - wide.lines.covered).toBe(3);
    expect(wide.branches.covered).toBeGreaterThan(small.branches.covered);
  });

  it('a build that does not behave as the reference gives a void figure, said so', async () => {
    const task = await taskWith('drift', [['a'], ['b'], ['zzz']], 'sed -i s/alpha/ALPHA/ prog.c && cc -O0 --coverage -o prog prog.c');
    const figure = await measureCoverage(task, { cacheRoot: cache() });
    expect(figure.agreement).toEqual({ agreed: 2, cases: 3 });
    expect(figure.void).toMatch(/agrees with the suite on 66\.7% of cases, under 99%/);
  });

  it('the CLI prints the figure, stores it in the manifest, and tasks stats shows it', async () => {
    const task = await taskWith('cli', [['a'], ['b']]);
    const env = { XDG_CACHE_HOME: join(root, 'xdg') };
    const r = await runCli(['tasks', 'coverage', task.dir], { cwd: root, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^cli: coverage of the reference's sources: lines \d+\.\d% \(\d+\/\d+\), branches .*, functions 33\.3% \(1\/3\)$/m);
    expect(r.stdout).toMatch(/agrees with the suite on 2 of 2 cases/);
    expect(r.stdout).toMatch(/never reached \(2 functions\): prog\.c:never_called, prog\.c:shout/);
    const manifest = JSON.parse(readFileSync(task.manifestPath, 'utf8')) as { coverage: { functions: unknown } };
    expect(manifest.coverage.functions).toEqual({ covered: 1, total: 3 });
    const stats = await runCli(['tasks', 'stats', task.dir, '--json'], { cwd: root, env });
    expect(JSON.parse(stats.stdout)).toMatchObject({ coverage: { functions: { covered: 1, total: 3 }, void: null } });
    await writeTree(root, { 'bare/task.yaml': stringify({ id: 'bare', reference: { command: ['/usr/bin/tac'] } }) });
    const none = await runCli(['tasks', 'coverage', join(root, 'bare')], { cwd: root, env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^shipbench: task bare has no coverage: recipe in its task\.yaml; add one/);
  });
});

describe('reading gcov reports', () => {
  it('counts only the files a recipe names, merging a file seen from two objects', () => {
    expect(countsFile('src/wc.c', ['src/*.c'])).toBe(true);
    expect(countsFile('src/sub/wc.c', ['src/*.c'])).toBe(false);
    expect(countsFile('lib/xalloc.h', ['src/*.c'])).toBe(false);
    const doc = (count: number) =>
      JSON.stringify({
        current_working_directory: '/t/src',
        files: [
          { file: 'a.c', lines: [{ line_number: 1, count, branches: [{ count }, { count: 0 }] }, { line_number: 2, count: 0 }], functions: [{ name: 'f', start_line: 1, execution_count: count }] },
          { file: '/usr/include/stdio.h', lines: [{ line_number: 9, count: 1 }], functions: [] },
        ],
      });
    const s = summariseGcov([doc(0), doc(3)], '/t', ['src/*.c']);
    expect(s.files.map((f) => f.path)).toEqual(['src/a.c']);
    expect(s.lines).toEqual({ covered: 1, total: 2 });
    expect(s.branches).toEqual({ covered: 1, total: 2 });
    expect(s.functions).toEqual({ covered: 1, total: 1 });
    expect(s.neverReached).toEqual([]);
  });
});
