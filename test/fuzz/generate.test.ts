import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratorConfigInput } from '../../src/contracts/generator.js';
import { buildTaskSuite } from '../../src/fuzz/build-task.js';
import { loadTaskDir } from '../../src/tasks/load-task.js';
import { loadSuite } from '../../src/tasks/suite-io.js';
import { scriptTask as makeScriptTask, tempDir, writeTree } from '../support/fixtures.js';

let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir()));
afterAll(() => cleanup());

const scriptTask = (name: string, script: string, generator: GeneratorConfigInput) => makeScriptTask(root, name, script, generator);

const opts = (...names: string[]) => names.map((n) => ({ short: `-${n}` }));

describe('suite generation', () => {
  it('is deterministic: two builds give byte-identical suites and manifests', async () => {
    const make = (name: string) => scriptTask(name, '#!/bin/sh\ncase "$1" in -u) tr a-z A-Z;; -l) wc -l;; -r) rev;; *) sort;; esac\n', { preset: 'cli', budget: 25, seed: 7, options: opts('u', 'l', 'r'), maxOptions: 1 });
    const a = await make('same');
    await buildTaskSuite(a, { concurrency: 2 });
    const first = [readFileSync(a.suitePath), readFileSync(a.manifestPath)];
    await buildTaskSuite(a, { concurrency: 1 });
    expect(readFileSync(a.suitePath).equals(first[0] as Buffer)).toBe(true);
    expect(readFileSync(a.manifestPath).equals(first[1] as Buffer)).toBe(true);
    const other = await buildTaskSuite(a, { concurrency: 2, seed: 8 });
    expect(other.manifest.suiteSha256).not.toBe(JSON.parse(String(first[1])).suiteSha256);
  });

  it('catches a planted flaky reference: random text is dropped, random numbers get a recorded mask', async () => {
    const task = await scriptTask(
      'flaky',
      '#!/bin/sh\ncase "$1" in -r) head -c 12 /dev/urandom | base64;; -d) echo "took $(od -An -N2 -tu2 /dev/urandom | tr -d " ") ms";; *) tr a-z A-Z;; esac\n',
      { preset: 'cli', budget: 40, options: opts('r', 'd'), maxOptions: 1 },
    );
    const { manifest } = await buildTaskSuite(task, { concurrency: 2 });
    expect(manifest.gates.flaky).toBeGreaterThan(0);
    expect(manifest.gates.normalised).toBeGreaterThan(0);
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    expect(cases.some((c) => c.run.argv[0] === '-r')).toBe(false);
    const masked = cases.filter((c) => c.run.argv[0] === '-d');
    expect(masked.length).toBeGreaterThan(0);
    for (const c of masked) expect(c.compare.stdout).toEqual({ normalize: [{ mask: '[0-9]+', replace: '<n>' }] });
  });

  it('drops planted dummy-pass cases: behaviour that a null or echo program has too', async () => {
    const task = await scriptTask('dummy', '#!/bin/sh\ncase "$1" in -e) cat;; -n) ;; *) tr a-z A-Z;; esac\n', { preset: 'cli', budget: 40, options: opts('e', 'n'), maxOptions: 1 });
    const { manifest } = await buildTaskSuite(task, { concurrency: 2 });
    expect(manifest.gates['dummy-pass']).toBeGreaterThan(0);
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.run.argv[0] === '-e' || c.run.argv[0] === '-n')).toEqual([]);
  });

  it('reaches every behaviour class of a toy reference within the budget', async () => {
    const script = `#!/bin/sh
input=$(cat)
case "$1" in
  -a) echo A ;;
  -b) echo "bad option" >&2; exit 3 ;;
  -c) printf '%s\\n' "$input" | wc -l ;;
  -d) printf '%s\\n' "$input" | rev ;;
  *) if [ -z "$input" ]; then echo EMPTY; else printf '%s\\n' "$input" | tr a-z A-Z; fi ;;
esac
`;
    const task = await scriptTask('toy', script.replace('#!/bin/sh', '#!/bin/bash'), { preset: 'cli', budget: 30, options: opts('a', 'b', 'c', 'd'), maxOptions: 1, input: 'stdin' });
    await buildTaskSuite(task, { concurrency: 2 });
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    const outputs = cases.map((c) => ({ opt: c.run.argv[0] ?? '', exit: c.expect.exit, out: String(c.expect.stdout) }));
    expect(outputs.some((o) => o.opt === '-a' && o.out === 'A\n')).toBe(true);
    expect(outputs.some((o) => o.opt === '-b' && o.exit === 3)).toBe(true);
    expect(outputs.some((o) => o.opt === '-c')).toBe(true);
    expect(outputs.some((o) => o.opt === '-d')).toBe(true);
    expect(outputs.some((o) => o.out === 'EMPTY\n')).toBe(true);
    expect(cases.length).toBeLessThanOrEqual(30);
  });

  it('keeps candidates that cover new code when a coverage hook is set (NODE_V8_COVERAGE of Node.js)', async () => {
    const dir = join(root, 'covered');
    await writeTree(dir, {
      'ref.js': [
        "const n = Number(require('fs').readFileSync(0, 'utf8').trim().split('\\n')[0]);",
        "function small() { return 'ok'; }",
        "function big() { return 'ok'; }",
        "process.stdout.write((Number.isFinite(n) && n > 1000 ? big() : small()) + '\\n');",
        '',
      ].join('\n'),
      'coverage.js': [
        "const fs = require('fs');",
        'const dir = process.argv[2];',
        'for (const f of fs.readdirSync(dir)) {',
        "  for (const script of JSON.parse(fs.readFileSync(dir + '/' + f, 'utf8')).result) {",
        "    if (!script.url.endsWith('ref.js')) continue;",
        "    for (const fn of script.functions) if (fn.ranges[0].count > 0) console.log(fn.functionName || '(top)');",
        '  }',
        '}',
        '',
      ].join('\n'),
      'task.yaml': stringify({
        id: 'covered',
        program: 'covered',
        reference: { command: ['node', './ref.js'] },
        generator: { preset: 'cli', budget: 20, domain: 'numbers', input: 'stdin', options: [], largeInputs: 0, binaryInputs: 0, envShare: 0, invalidOptions: 0, coverage: { env: { NODE_V8_COVERAGE: '/tmp/v8-coverage' }, report: ['node', './coverage.js', '/tmp/v8-coverage'] } },
      }),
    });
    const task = loadTaskDir(dir);
    const { manifest } = await buildTaskSuite(task, { concurrency: 2 });
    expect(manifest.gates['covered-units']).toBe(3);
    expect(manifest.gates['new-coverage']).toBeGreaterThan(0);
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    const firstNumber = (c: (typeof cases)[number]) => Number(String(c.run.stdin).trim().split('\n')[0]);
    expect(cases.some((c) => firstNumber(c) > 1000)).toBe(true);
    expect(cases.some((c) => firstNumber(c) <= 1000)).toBe(true);
    for (const c of cases) expect(c.expect.files).toBeUndefined();
  });

  it('minimises kept cases: smaller inputs with the same behaviour', async () => {
    const inputBytes = (task: Awaited<ReturnType<typeof scriptTask>>) =>
      loadSuite(task.suitePath, task.manifestPath, task.id).cases.reduce((n, c) => n + String(c.run.stdin).length, 0);
    const script = '#!/bin/sh\nhead -n 1 | tr a-z A-Z\n';
    const whole = await scriptTask('whole', script, { preset: 'cli', budget: 15, options: [], input: 'stdin', minimise: false });
    const small = await scriptTask('small', script, { preset: 'cli', budget: 15, options: [], input: 'stdin' });
    await buildTaskSuite(whole, { concurrency: 2 });
    await buildTaskSuite(small, { concurrency: 2 });
    expect(inputBytes(small)).toBeLessThan(inputBytes(whole) / 2);
    const cases = loadSuite(small.suitePath, small.manifestPath, small.id).cases;
    expect(cases.length).toBe(loadSuite(whole.suitePath, whole.manifestPath, whole.id).cases.length);
  });
});
