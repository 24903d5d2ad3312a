import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Case } from '../contracts/case.js';
import type { BuildResult, CaseVerdict, GradeResult } from '../contracts/grade.js';
import type { Isolation } from '../runner/lanes.js';
import { runSuite, type SuiteProgress } from '../runner/run-suite.js';
import type { Program } from '../sandbox/program.js';
import type { Task } from '../tasks/load-task.js';
import { candidateProgram, checkFingerprint, protectedPaths, referenceProgram } from '../tasks/program.js';
import { ownFiles } from '../tasks/reference.js';
import { loadSuite } from '../tasks/suite-io.js';
import { removeTree } from '../util/fs.js';
import { buildSubmission } from './build.js';
import { caseLimits } from '../tasks/limits.js';
import { scoreVerdicts } from './score.js';
import { prepareSubmission } from './submission.js';
import { scratchDir } from '../util/scratch.js';

export type GradePhase = { phase: 'prepare' } | { phase: 'build' } | { phase: 'cases'; total: number } | ({ phase: 'case' } & SuiteProgress);

export interface GradeOptions {
  task: Task;
  /** A submission folder or tarball, or 'reference' to grade the reference itself. */
  submission: string | 'reference';
  concurrency?: number;
  /** Warm sandboxes per worker (default) or a fresh sandbox per case. */
  isolation?: Isolation;
  /** More host paths the candidate must not reach (the store, say). */
  extraHide?: string[];
  onPhase?: (phase: GradePhase) => void;
  signal?: AbortSignal;
  version: string;
}

// Grades one submission against its task's suite: prepare → build → run every case → score.
// User errors (missing paths, stale suites) throw; everything the submission does is a verdict.
export async function gradeSubmission(options: GradeOptions): Promise<GradeResult> {
  const { task } = options;
  const startedAt = new Date();
  const suite = loadSuite(task.suitePath, task.manifestPath, task.id);
  await checkFingerprint(task, suite.manifest);
  const scratch = await scratchDir('grade');
  try {
    let program: Program;
    let build: BuildResult;
    let submission: GradeResult['submission'];
    const hide = [...protectedPaths(task), ...(options.extraHide ?? [])];
    if (options.submission === 'reference') {
      program = referenceProgram(task);
      build = { status: 'skipped', failure: null, message: 'the reference needs no build', logTail: '', outcome: null, removedFiles: [] };
      submission = { kind: 'reference', path: task.reference.command.join(' '), sha256: suite.manifest.reference.fingerprint };
    } else {
      options.onPhase?.({ phase: 'prepare' });
      const source = resolve(options.submission);
      const prepared = await prepareSubmission(source, scratch, task.reference.files);
      if ('failure' in prepared) {
        build = { status: 'failed', failure: prepared.failure, message: prepared.message, logTail: '', outcome: null, removedFiles: [] };
        submission = { kind: 'tarball', path: source, sha256: null };
        return finish(options, startedAt, suite.sha256, submission, build, notRun(suite.cases, prepared.message));
      }
      submission = { kind: prepared.kind, path: source, sha256: prepared.sha256 };
      options.onPhase?.({ phase: 'build' });
      build = await buildSubmission(prepared.dir, prepared.removedFiles, { limits: task.spec.limits, hide, referenceFiles: ownFiles(task.reference.files), signal: options.signal });
      if (build.status !== 'ok') return finish(options, startedAt, suite.sha256, submission, build, notRun(suite.cases, build.message ?? 'build failed'));
      program = candidateProgram(task, prepared.dir, hide);
    }
    options.onPhase?.({ phase: 'cases', total: suite.cases.length });
    const verdicts = await runSuite(program, suite.cases, {
      scratchDir: scratch,
      limits: caseLimits(task.spec.limits),
      network: 'cleanroom',
      concurrency: options.concurrency,
      isolation: options.isolation,
      signal: options.signal,
      onProgress: (p) => options.onPhase?.({ phase: 'case', ...p }),
    });
    return finish(options, startedAt, suite.sha256, submission, build, verdicts);
  } finally {
    await removeTree(scratch);
  }
}

function finish(
  options: GradeOptions,
  startedAt: Date,
  suiteSha256: string,
  submission: GradeResult['submission'],
  build: BuildResult,
  verdicts: CaseVerdict[],
): GradeResult {
  return {
    schemaVersion: 1,
    id: randomUUID(),
    task: options.task.id,
    suiteSha256,
    submission,
    policy: 'cleanroom',
    build,
    ...scoreVerdicts(verdicts),
    cases: verdicts,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    shipbenchVersion: options.version,
  };
}

// Verdicts for a suite that never ran because the submission did not build.
function notRun(cases: readonly Case[], why: string): CaseVerdict[] {
  return cases.map((c) => ({
    id: c.id,
    passed: false,
    failures: ['not-run'],
    diff: null,
    features: c.features,
    outcome: { endedBy: 'not-run', exitCode: null, signal: null, timedOut: false, outputCut: null, wallMs: 0, cpuMs: null, hung: [], error: why },
    observed: null,
  }));
}
