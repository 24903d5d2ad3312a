import { availableParallelism } from 'node:os';
import type { Case } from '../contracts/case.js';
import type { CaseVerdict } from '../contracts/grade.js';
import { mapPool } from '../util/pool.js';
import type { Program } from '../sandbox/program.js';
import { runCase, type CaseRunOptions } from './run-case.js';

export interface SuiteProgress {
  done: number;
  total: number;
  failed: number;
  last: CaseVerdict;
}

export interface SuiteRunOptions extends CaseRunOptions {
  concurrency?: number;
  onProgress?: (progress: SuiteProgress) => void;
}

// The default width of the case pool: one case per core.
export function defaultConcurrency(): number {
  return availableParallelism();
}

// Runs every case on one bounded pool; verdicts come back in suite order whatever finished first.
export async function runSuite(program: Program, cases: readonly Case[], options: SuiteRunOptions): Promise<CaseVerdict[]> {
  let done = 0;
  let failed = 0;
  return mapPool(
    cases,
    options.concurrency ?? defaultConcurrency(),
    async (testCase) => {
      const verdict = await runCase(program, testCase, options);
      done++;
      if (!verdict.passed) failed++;
      options.onProgress?.({ done, total: cases.length, failed, last: verdict });
      return verdict;
    },
    { signal: options.signal },
  );
}
