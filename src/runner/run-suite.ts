import { availableParallelism } from 'node:os';
import type { Case } from '../contracts/case.js';
import type { CaseVerdict } from '../contracts/grade.js';
import type { Program } from '../sandbox/program.js';
import { compareObservation } from './compare.js';
import { runInvocations, type Isolation } from './lanes.js';
import type { CaseRun, CaseRunOptions } from './run-case.js';

export interface SuiteProgress {
  done: number;
  total: number;
  failed: number;
  last: CaseVerdict;
}

export interface SuiteRunOptions extends CaseRunOptions {
  concurrency?: number;
  isolation?: Isolation;
  onProgress?: (progress: SuiteProgress) => void;
}

// The default width of the case pool: one case per core.
export function defaultConcurrency(): number {
  return availableParallelism();
}

// Judges one run of a case.
export function verdictOf(testCase: Case, run: CaseRun): CaseVerdict {
  const verdict = compareObservation(testCase, run.observed, run.outcome);
  return {
    id: testCase.id,
    passed: verdict.passed,
    failures: verdict.failures,
    diff: verdict.diff,
    features: testCase.features,
    outcome: run.outcome,
    observed: verdict.passed ? null : run.observed,
  };
}

// Runs every case on one bounded pool; verdicts come back in suite order whatever finished first.
export async function runSuite(program: Program, cases: readonly Case[], options: SuiteRunOptions): Promise<CaseVerdict[]> {
  let done = 0;
  let failed = 0;
  const runs = await runInvocations(program, cases, { ...options, concurrency: options.concurrency ?? defaultConcurrency() }, (index, run) => {
    const verdict = verdictOf(cases[index] as Case, run);
    done++;
    if (!verdict.passed) failed++;
    options.onProgress?.({ done, total: cases.length, failed, last: verdict });
  });
  return runs.map((run, i) => verdictOf(cases[i] as Case, run));
}
