import { access, constants, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildResult } from '../contracts/grade.js';
import type { Limits } from '../contracts/task.js';
import { SUBMISSION_INSIDE } from '../sandbox/program.js';
import { runSandboxed } from '../sandbox/run.js';
import { buildLimits } from '../tasks/limits.js';
import { inspectTree } from '../util/tree.js';
import { nearCopyOf } from './reference-copy.js';
import { SUBMISSION_LIMITS } from './submission.js';

const LOG_TAIL_CHARS = 4000;

export interface BuildOptions {
  limits: Limits;
  /** Host paths unreachable during the build (the reference, hide: paths, the suite). */
  hide: string[];
  /** The reference's files: a built file that holds most of one fails the build. */
  referenceFiles: readonly string[];
  signal?: AbortSignal;
}

// Runs compile.sh in a fresh sandbox without network at the path the program will run from,
// then requires ./executable and no near-copy of the reference in the built tree. `dir` belongs to
// the sandbox user already (see prepareSubmission). The verdict says why a build failed; it never
// throws for that.
export async function buildSubmission(dir: string, removedFiles: BuildResult['removedFiles'], options: BuildOptions): Promise<BuildResult> {
  const base = { removedFiles, outcome: null, logTail: '' };
  if (!(await isFile(join(dir, 'compile.sh')))) {
    return { ...base, status: 'failed', failure: 'no-compile-sh', message: 'the submission has no compile.sh at its root' };
  }
  const result = await runSandboxed({
    command: ['/bin/bash', '-c', 'exec bash ./compile.sh 2>&1'],
    argv0: 'bash',
    cwd: dir,
    cwdInside: SUBMISSION_INSIDE,
    hide: options.hide,
    limits: buildLimits(options.limits),
    network: 'cleanroom',
    signal: options.signal,
  });
  const { outcome } = result;
  const log = result.stdout.toString('utf8') + result.stderr.toString('utf8');
  const logTail = log.length > LOG_TAIL_CHARS ? `…${log.slice(-LOG_TAIL_CHARS)}` : log;
  const done = { removedFiles, outcome, logTail };
  if (outcome.endedBy === 'timeout') {
    return { ...done, status: 'failed', failure: 'compile-timeout', message: `compile.sh did not finish within ${options.limits.buildTimeoutMs} ms` };
  }
  if (outcome.endedBy !== 'exit' || outcome.exitCode !== 0) {
    const why = outcome.endedBy === 'exit' ? `exited with ${outcome.exitCode}` : `was stopped (${outcome.endedBy}${outcome.error ? `: ${outcome.error}` : ''})`;
    return { ...done, status: 'failed', failure: 'compile-failed', message: `compile.sh ${why}` };
  }
  const executable = join(dir, 'executable');
  if (!(await isFile(executable))) {
    return { ...done, status: 'failed', failure: 'no-executable', message: 'compile.sh succeeded but ./executable does not exist' };
  }
  try {
    await access(executable, constants.X_OK);
  } catch {
    return { ...done, status: 'failed', failure: 'no-executable', message: './executable is not executable (chmod +x it in compile.sh)' };
  }
  const built = await inspectTree(dir, SUBMISSION_LIMITS);
  const copy = await nearCopyOf(dir, built.entries, options.referenceFiles);
  if (copy) {
    return { ...done, status: 'failed', failure: 'reference-copy', message: `${copy.path} holds most of the reference program (${copy.reference}); a rebuild may not ship it` };
  }
  return { ...done, status: 'ok', failure: null, message: null };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
