import { chmod, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Case } from '../contracts/case.js';
import type { Observation } from '../contracts/grade.js';
import { CASE_CWD_INSIDE, type Program } from '../sandbox/program.js';
import { nativeExecutor } from '../sandbox/native.js';
import { WarmSandbox } from '../sandbox/warm.js';
import { inputBytes, toBytesValue } from '../util/bytes.js';
import { runInvocation, type CaseRun, type CaseRunOptions } from './run-case.js';

// How cases are isolated: each in a fresh sandbox, or one warm sandbox per worker that empties
// the working directory, /tmp and HOME and kills every process between cases (the default).
export type Isolation = 'warm' | 'per-case';

export interface InvocationOptions extends CaseRunOptions {
  isolation?: Isolation;
  concurrency: number;
}

// A warm sandbox is replaced after this many cases, which bounds what a long suite can accumulate.
const RECYCLE_AFTER = 1000;

interface Lane {
  run(testCase: Case): Promise<CaseRun>;
  close(): Promise<void>;
}

function perCaseLane(program: Program, options: CaseRunOptions): Lane {
  return { run: (c) => runInvocation(program, c, options), close: async () => {} };
}

function warmLane(program: Program, options: CaseRunOptions, executor: string): Lane {
  let box: WarmSandbox | null = null;
  let scratch: string | null = null;
  return {
    async run(c) {
      if (!box || !box.usable || box.casesRun >= RECYCLE_AFTER) {
        await box?.close();
        if (scratch === null) {
          scratch = await mkdtemp(join(options.scratchDir, 'lane-'));
          await chmod(scratch, 0o755);
        }
        box = await WarmSandbox.start({ binds: program.binds, hide: program.hide, limits: options.limits, network: options.network, scratchDir: scratch, cwdInside: CASE_CWD_INSIDE, executor });
      }
      const result = await box.run({
        command: [...program.command, ...c.run.argv],
        argv0: program.argv0,
        stdin: inputBytes(c.run.stdin),
        files: Object.fromEntries(Object.entries(c.run.files).map(([k, v]) => [k, inputBytes(v)])),
        readFiles: [...Object.keys(c.expect.files ?? {}), ...(options.extraReadFiles ?? [])],
        env: c.run.env,
        limits: { ...options.limits, timeoutMs: c.timeoutMs ?? options.limits.timeoutMs },
      });
      const observed: Observation = { exit: result.outcome.exitCode, stdout: toBytesValue(result.stdout), stderr: toBytesValue(result.stderr) };
      const wanted = [...Object.keys(c.expect.files ?? {}), ...(options.extraReadFiles ?? [])];
      if (wanted.length > 0) observed.files = Object.fromEntries(wanted.map((k) => [k, result.files[k] ? toBytesValue(result.files[k] as Buffer) : null]));
      return { observed, outcome: result.outcome };
    },
    async close() {
      await box?.close();
    },
  };
}

let toldNoCompiler = false;

// The native executor warm sandboxes need; without a C compiler cases fall back to a sandbox each.
function warmExecutor(): string | null {
  const executor = nativeExecutor();
  if (!executor && !toldNoCompiler) {
    toldNoCompiler = true;
    process.stderr.write('shipbench: no working C compiler (cc), so every case gets a fresh sandbox, which is slower; install gcc for warm sandboxes\n');
  }
  return executor;
}

// Runs every case's invocation against a program on `concurrency` lanes; results come back in
// input order. `onRun` sees each result as it arrives.
export async function runInvocations(
  program: Program,
  cases: readonly Case[],
  options: InvocationOptions,
  onRun?: (index: number, run: CaseRun) => void,
): Promise<CaseRun[]> {
  const results = new Array<CaseRun>(cases.length);
  const width = Math.max(1, Math.min(options.concurrency, cases.length));
  let next = 0;
  const executor = (options.isolation ?? 'warm') === 'warm' ? warmExecutor() : null;
  const lanes = Array.from({ length: width }, () => (executor ? warmLane(program, options, executor) : perCaseLane(program, options)));
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        while (next < cases.length) {
          options.signal?.throwIfAborted();
          const index = next++;
          const run = await lane.run(cases[index] as Case);
          results[index] = run;
          onRun?.(index, run);
        }
      }),
    );
  } finally {
    await Promise.all(lanes.map((l) => l.close()));
  }
  return results;
}
