import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Case } from '../contracts/case.js';
import type { CaseVerdict, Observation } from '../contracts/grade.js';
import { giveToSandbox } from '../sandbox/identity.js';
import { runSandboxed } from '../sandbox/run.js';
import type { NetworkPolicy, SandboxLimits } from '../sandbox/spec.js';
import { inputBytes, toBytesValue } from '../util/bytes.js';
import { readFileInside, removeTree } from '../util/tree.js';
import { CASE_CWD_INSIDE, type Program } from '../sandbox/program.js';

export interface CaseRunOptions {
  /** A folder this run may create case directories in. */
  scratchDir: string;
  limits: SandboxLimits;
  network: NetworkPolicy;
  signal?: AbortSignal;
  /** Files of the working directory to read back besides those the case expects. */
  extraReadFiles?: string[];
}

export interface CaseRun {
  observed: Observation;
  outcome: CaseVerdict['outcome'];
}

let caseCounter = 0;

// Runs one case's invocation against a program in a fresh sandbox and a fresh working directory.
export async function runInvocation(program: Program, testCase: Case, options: CaseRunOptions): Promise<CaseRun> {
  const dir = join(options.scratchDir, `case-${process.pid}-${++caseCounter}`);
  await mkdir(dir, { recursive: true });
  try {
    for (const [path, content] of Object.entries(testCase.run.files)) {
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, inputBytes(content));
    }
    await giveToSandbox(dir);
    const result = await runSandboxed({
      command: [...program.command, ...testCase.run.argv],
      argv0: program.argv0,
      cwd: dir,
      cwdInside: CASE_CWD_INSIDE,
      binds: program.binds,
      hide: program.hide,
      env: testCase.run.env,
      stdin: inputBytes(testCase.run.stdin),
      limits: { ...options.limits, timeoutMs: testCase.timeoutMs ?? options.limits.timeoutMs },
      network: options.network,
      signal: options.signal,
    });
    const observed: Observation = {
      exit: result.outcome.exitCode,
      stdout: toBytesValue(result.stdout),
      stderr: toBytesValue(result.stderr),
    };
    const wanted = [...Object.keys(testCase.expect.files ?? {}), ...(options.extraReadFiles ?? [])];
    if (wanted.length > 0) observed.files = await readFiles(dir, wanted, options.limits.outputBytes);
    return { observed, outcome: result.outcome };
  } finally {
    await removeTree(dir);
  }
}

// The files a case expects, read from its folder after its sandbox is gone; a path that is a link
// (anywhere along it), a fifo or a device reads as missing, so the harness never reads a host
// file for the program. Capped like the program's output.
async function readFiles(dir: string, paths: string[], maxBytes: number): Promise<Record<string, Observation['stdout'] | null>> {
  const out: Record<string, Observation['stdout'] | null> = {};
  for (const path of paths) {
    const bytes = await readFileInside(dir, path, maxBytes);
    out[path] = bytes ? toBytesValue(bytes) : null;
  }
  return out;
}
