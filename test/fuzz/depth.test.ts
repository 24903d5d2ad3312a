import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema } from '../../src/contracts/case.js';
import { GeneratorConfigSchema, type GeneratorConfigInput } from '../../src/contracts/generator.js';
import { reachedArcs } from '../../src/coverage/gcda.js';
import { errorClassOf, inputLinesOf } from '../../src/fuzz/classify.js';
import { buildTaskSuite } from '../../src/fuzz/build-task.js';
import { planCliCases } from '../../src/fuzz/plan-cli.js';
import { compareObservation } from '../../src/runner/compare.js';
import { loadTaskDir } from '../../src/tasks/load-task.js';
import { loadSuite } from '../../src/tasks/suite-io.js';
import { digestOf, inputBytes } from '../../src/util/bytes.js';
import { expandGenerated } from '../../src/util/generated-input.js';
import { scriptTask as makeScriptTask, tempDir, writeTree } from '../support/fixtures.js';

// Suites that reach deeper (issue: suite depth): generated large inputs, digests of large outputs,
// output files, error-class caps whatever the exit code, and coverage feedback from gcc's counters.

let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir()));
afterAll(() => cleanup());

const exited = { endedBy: 'exit', exitCode: 0, signal: null, wallMs: 1, cpuMs: 1, hung: [] } as never;

describe('generated inputs and digests', () => {
  it('expand to exactly the asked size, the same bytes every time, line kinds ending in a newline', () => {
    for (const kind of ['lines', 'text', 'numbers', 'csv', 'words', 'invalid-utf8'] as const) {
      const a = expandGenerated({ kind, bytes: 65537, seed: 3 });
      expect(a.length).toBe(65537);
      expect(a.at(-1)).toBe(0x0a);
      expect(a.equals(expandGenerated({ kind, bytes: 65537, seed: 3 }))).toBe(true);
      expect(a.equals(expandGenerated({ kind, bytes: 65537, seed: 4 }))).toBe(false);
    }
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(expandGenerated({ kind: 'invalid-utf8', bytes: 4096, seed: 1 }))).toThrow();
    expect(expandGenerated({ kind: 'lines', bytes: 4097, seed: 1 }).toString().split('\n').length).toBeGreaterThan(50);
    expect(inputBytes({ generate: { kind: 'binary', bytes: 10, seed: 9 } }).length).toBe(10);
  });

  it('a digest expectation passes the same bytes only, and its diff shows sizes and where outputs part', () => {
    const big = expandGenerated({ kind: 'lines', bytes: 200_000, seed: 1 });
    const c = CaseSchema.parse({ id: 'big', run: { stdin: { generate: { kind: 'lines', bytes: 200_000, seed: 1 } } }, expect: { exit: 0, stdout: digestOf(big) } });
    expect(compareObservation(c, { exit: 0, stdout: big.toString(), stderr: '' }, exited).passed).toBe(true);
    const cut = big.subarray(0, 4096).toString();
    const failed = compareObservation(c, { exit: 0, stdout: cut, stderr: '' }, exited);
    expect(failed.passed).toBe(false);
    expect(failed.diff).toContain('expected 200000 bytes');
    expect(failed.diff).toContain('got 4096 bytes');
  });
});

describe('error classes', () => {
  it('mask a line of the input quoted at the end of a message, and nothing else', () => {
    const lines = inputLinesOf({ argv: [], stdin: 'zeta\nalpha beta\n', files: { 'a.txt': 'brown\n' }, env: {} });
    const of = (stderr: string) => errorClassOf({ exit: 1, stdout: '', stderr }, lines);
    expect(of('join: a.txt:2: is not sorted: brown\n')).toBe(of('join: a.txt:3: is not sorted: alpha beta\n'));
    expect(of('join: a.txt:2: is not sorted: brown\n')).not.toBe(of('join: a.txt:2: is not sorted: cherry\n'));
    expect(of('jq: error: Cannot index number\n')).not.toBe(of('jq: error: Cannot iterate over null\n'));
    expect(errorClassOf({ exit: 0, stdout: 'x', stderr: '' })).toBeNull();
  });
});

describe('the cli preset', () => {
  const config = (extra: Omit<GeneratorConfigInput, 'preset'>) => GeneratorConfigSchema.parse({ preset: 'cli', ...extra });

  it('plans large, binary and invalid UTF-8 inputs, tagged by size, and many files', () => {
    const planned = planCliCases([], config({ largeInputs: 0.2, binaryInputs: 0.1 }), 400);
    const tags = new Set(planned.flatMap((p) => p.features ?? []));
    for (const tag of ['input-4k', 'input-64k', 'input-1m', 'binary', 'invalid-utf8', 'many-files']) expect(tags.has(tag), tag).toBe(true);
    const large = planned.filter((p) => p.features?.includes('input-1m'));
    for (const p of large) {
      const inputs = [p.run.stdin, ...Object.values(p.run.files ?? {})].filter((v) => typeof v === 'object' && v !== null && 'generate' in v);
      expect(inputs.length).toBe(1);
    }
  });

  it('points output options and output operands at files it reads back, brings implied arguments, fixtures and environments', () => {
    const options = [{ short: '-o', long: '--output', arg: 'required' as const, argName: 'FILE', description: 'write result to FILE instead of standard output' }, { short: '-f', arg: 'none' as const, description: 'follow' }];
    const planned = planCliCases(options, config({ outputOperand: true, implies: { '-f': ['--pid=9'] }, fixtures: { 'list0': 'a\0' }, envShare: 0.5, maxOptions: 2, options: [] }), 300);
    const withO = planned.filter((p) => p.run.argv?.includes('-o') || p.run.argv?.some((a) => a.startsWith('--output')));
    expect(withO.length).toBeGreaterThan(0);
    for (const p of withO) expect(p.outputs?.length).toBeGreaterThan(0);
    expect(planned.some((p) => p.features?.includes('output-operand') && p.outputs?.includes('out.txt') && p.run.argv?.at(-1) === 'out.txt')).toBe(true);
    for (const p of planned.filter((x) => x.run.argv?.includes('-f'))) expect(p.run.argv).toContain('--pid=9');
    expect(planned.some((p) => p.run.env?.LC_ALL === 'C' && p.features?.includes('env:LC_ALL=C'))).toBe(true);
    const fixtured = planCliCases([{ long: '--from', arg: 'required', argName: 'F', values: ['list0'], description: '' }], config({ fixtures: { list0: 'a\0' }, maxOptions: 1 }), 100);
    expect(fixtured.some((p) => p.run.argv?.includes('--from=list0') || p.run.argv?.includes('list0'))).toBe(true);
    for (const p of fixtured.filter((x) => x.run.argv?.some((a) => a.endsWith('list0')))) expect(p.run.files?.list0).toBe('a\0');
  });

  it('feeds sample inputs, carries trailing operands after the files and draws tr sets from the given list; without them plans stay as they were', () => {
    const samples = ['\\:\\:\\:\nhead\n', 'b\na\n'];
    const planned = planCliCases([], config({ inputs: samples, inputShare: 0.5, trailing: ['+8', '+1.'], trailingShare: 0.5, largeInputs: 0, binaryInputs: 0 }), 300);
    const holdsSample = (p: (typeof planned)[number]) => [p.run.stdin, ...Object.values(p.run.files ?? {})].some((v) => typeof v === 'string' && samples.includes(v));
    expect(planned.filter(holdsSample).length).toBeGreaterThan(50);
    for (const p of planned.filter(holdsSample)) expect(p.features).toContain('sample-input');
    const trailed = planned.filter((p) => p.features?.includes('trailing-operands'));
    expect(trailed.length).toBeGreaterThan(50);
    for (const p of trailed) {
      expect(['+8', '+1.']).toContain(p.run.argv?.at(-1));
      const file = p.run.argv?.findIndex((a) => a === 'input.txt' || a === 'a.txt');
      if (file !== undefined && file >= 0) expect(p.run.argv?.slice(file + 1).some((a) => a === '+8' || a === '+1.')).toBe(true);
    }
    const sets = planCliCases([], config({ operands: 'sets', sets: ['[:alnum:]', '\\101'], invalidOptions: 0 }), 100);
    for (const p of sets) for (const a of p.run.argv ?? []) expect(['[:alnum:]', '\\101']).toContain(a);
    const plain = config({});
    expect(JSON.stringify(planCliCases([], config({ inputs: [], trailing: [] }), 200))).toBe(JSON.stringify(planCliCases([], plain, 200)));
    expect(planCliCases([], plain, 200).some((p) => p.features?.includes('sample-input') || p.features?.includes('trailing-operands'))).toBe(false);
  });

  it('draws large inputs from the sizes given, and mixes operands and draws numbers operands only when asked', () => {
    const sizes = planCliCases([], config({ largeInputs: 0.5, binaryInputs: 0, largeSizes: [5000, 2_000_000] }), 200).flatMap((p) =>
      [p.run.stdin, ...Object.values(p.run.files ?? {})].flatMap((v) => (typeof v === 'object' && v !== null && 'generate' in v ? [v.generate.bytes] : [])),
    );
    expect(new Set(sizes.filter((b) => b > 0))).toEqual(new Set([5000, 2_000_000]));
    const mixed = planCliCases([], config({ mixedOperands: 0.5 }), 300);
    const tagged = mixed.filter((p) => p.features?.includes('mixed-operands'));
    expect(tagged.length).toBeGreaterThan(30);
    for (const extra of ['missing.txt', '.', '-']) expect(tagged.some((p) => p.run.argv?.includes(extra)), extra).toBe(true);
    expect(tagged.some((p) => p.features?.includes('repeated-operand') && new Set(p.run.argv).size < (p.run.argv?.length ?? 0))).toBe(true);
    for (const p of tagged.filter((x) => x.run.argv?.includes('-'))) expect(p.features).toContain('dash');
    const numbers = planCliCases([], config({ input: 'none', operands: 'numbers', operandValues: ['1e1', '0x10'] }), 100);
    expect(numbers.some((p) => p.run.argv?.includes('1e1')) && numbers.some((p) => p.run.argv?.includes('0x10'))).toBe(true);
    expect(planCliCases([], config({}), 300).some((p) => p.features?.includes('mixed-operands'))).toBe(false);
  });
});

const scriptTask = (name: string, script: string, generator: GeneratorConfigInput) => makeScriptTask(root, name, script, generator);

const quiet = { largeInputs: 0, binaryInputs: 0, envShare: 0 };

describe('generation', () => {
  it('caps cases per stderr class even when the program exits 0 (bc-style runtime errors)', async () => {
    const task = await scriptTask('bcish', '#!/bin/bash\nin=$(cat)\necho "Runtime error (adr=${#in}): oops" >&2\necho "${in:0:3}"\n', { preset: 'cli', budget: 40, input: 'stdin', options: [], ...quiet });
    const { manifest } = await buildTaskSuite(task, { concurrency: 2 });
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    expect(manifest.gates.duplicate).toBeGreaterThan(0);
    expect(cases.length).toBeLessThanOrEqual(3);
  });

  it('keeps the files a program writes and expects them; a null program fails such cases', async () => {
    const task = await scriptTask('writer', '#!/bin/bash\nif [ "$1" = -o ]; then tr a-z A-Z < "$3" > "$2"; else tr a-z A-Z < "$1"; fi\n', {
      preset: 'cli',
      budget: 30,
      input: 'files',
      options: [{ short: '-o', arg: 'required', argName: 'FILE', description: 'write the output to FILE' }],
      maxOptions: 1,
      ...quiet,
    });
    await buildTaskSuite(task, { concurrency: 2 });
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    const writing = cases.filter((c) => c.run.argv[0] === '-o' && c.run.argv[1] === 'out.txt' && typeof c.expect.files?.['out.txt'] === 'string');
    expect(writing.length).toBeGreaterThan(0);
    for (const c of writing) {
      expect(c.expect.stdout).toBe('');
      const nullRun = compareObservation(c, { exit: 0, stdout: '', stderr: '', files: { 'out.txt': null } }, exited);
      expect(nullRun.passed).toBe(false);
    }
  });

  it('large outputs are kept as digests, so the suite stays small', async () => {
    const task = await scriptTask('bigcat', '#!/bin/bash\ncat "$@" | tr a-z A-Z\n', { preset: 'cli', budget: 40, input: 'stdin', options: [], largeInputs: 0.5, binaryInputs: 0, envShare: 0 });
    await buildTaskSuite(task, { concurrency: 2 });
    const { cases } = loadSuite(task.suitePath, task.manifestPath, task.id);
    const digested = cases.filter((c) => typeof c.expect.stdout === 'object' && 'sha256' in c.expect.stdout);
    expect(digested.length).toBeGreaterThan(0);
    expect(readFileSync(task.suitePath).length).toBeLessThan(2_000_000);
  });

  it('coverage feedback keeps candidates that reach new arcs of the instrumented reference, though their behaviour is the same', async () => {
    const program = `#include <stdio.h>
int main(void) {
  int c = getchar(), k;
  if (c >= '0' && c <= '9') k = 1;
  else if (c >= 'a' && c <= 'z') k = 2;
  else if (c >= 'A' && c <= 'Z') k = 3;
  else if (c == ' ' || c == '\\t') k = 4;
  else if (c == EOF) k = 5;
  else k = 6;
  printf("ok%d\\n", k > 0);
  return 0;
}
`;
    const dir = join(root, 'branchy');
    const generator = { preset: 'cli', budget: 20, input: 'stdin', domain: 'mixed', options: [], ...quiet };
    await writeTree(dir, {
      'src/prog.c': program,
      'task.yaml': stringify({ id: 'branchy', reference: { command: ['./bin/prog'] }, generator, coverage: { source: { dir: 'src' }, build: ['cc -O0 --coverage -o prog prog.c'], binary: 'prog', files: ['prog.c'] } }),
    });
    execFileSync('mkdir', ['-p', join(dir, 'bin')]);
    execFileSync('cc', ['-O2', '-o', join(dir, 'bin', 'prog'), join(dir, 'src', 'prog.c')]);
    const task = loadTaskDir(dir);
    const classes = (cases: { run: { stdin: unknown } }[]) => new Set(cases.map((c) => (typeof c.run.stdin === 'string' ? (/^[0-9]/.test(c.run.stdin) ? 'digit' : /^[a-z]/.test(c.run.stdin) ? 'lower' : /^[A-Z]/.test(c.run.stdin) ? 'upper' : c.run.stdin === '' ? 'eof' : 'other') : 'generated'))).size;

    const plain = await buildTaskSuite(task, { concurrency: 2, coverage: false });
    expect(plain.manifest.generator.feedback).toBeUndefined();
    const without = classes(loadSuite(task.suitePath, task.manifestPath, task.id).cases);

    const steered = await buildTaskSuite(task, { concurrency: 2, coverageCache: join(root, 'cache') });
    expect(steered.manifest.generator.feedback).toBe('gcda');
    expect(steered.manifest.gates['new-coverage']).toBeGreaterThan(0);
    expect(steered.manifest.curve?.at(-1)?.units).toBeGreaterThan(0);
    expect(steered.coverage?.void).toBeNull();
    const withFeedback = classes(loadSuite(task.suitePath, task.manifestPath, task.id).cases);
    expect(withFeedback).toBeGreaterThan(without);
    const again = await buildTaskSuite(task, { concurrency: 1, coverageCache: join(root, 'cache') });
    expect(again.manifest.suiteSha256).toBe(steered.manifest.suiteSha256);
  });

  it('reads the arcs a run reached from its .gcda; another branch reaches arcs the first did not', async () => {
    const dir = join(root, 'arcs');
    await writeTree(dir, { 'prog.c': 'int main(int argc, char **argv) { if (argc > 1) return argv[1][0] == 0; return 2; }\n' });
    execFileSync('cc', ['-O0', '--coverage', '-o', 'prog', 'prog.c'], { cwd: dir });
    const arcsOf = (args: string[], out: string) => {
      try {
        execFileSync(join(dir, 'prog'), args, { env: { GCOV_PREFIX: join(dir, out), GCOV_PREFIX_STRIP: '99' } });
      } catch {
        // a non-zero exit is fine: the counters are written at exit
      }
      return new Set(reachedArcs(readFileSync(join(dir, out, 'prog.gcda'))));
    };
    const none = arcsOf([], 'none');
    const one = arcsOf(['x'], 'one');
    expect(none.size).toBeGreaterThan(0);
    expect([...one].some((arc) => !none.has(arc))).toBe(true);
    expect(reachedArcs(Buffer.from('not a gcda file'))).toEqual([]);
  });
});
