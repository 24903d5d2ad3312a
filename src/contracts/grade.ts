import { z } from 'zod';
import { BytesSchema } from './bytes.js';
import { ProcessOutcomeSchema } from './process.js';

// Why one case failed; a case may fail for several reasons at once.
export const FailureKindSchema = z.enum([
  'exit',
  'stdout',
  'stderr',
  'files',
  'timeout',
  'output-limit',
  'disk-limit',
  'memory-limit',
  'not-run',
]);
export type FailureKind = z.infer<typeof FailureKindSchema>;

export const ObservationSchema = z
  .object({
    exit: z.number().int().nullable(),
    stdout: BytesSchema,
    stderr: BytesSchema,
    files: z.record(z.string(), BytesSchema.nullable()).optional(),
  })
  .strict();
export type Observation = z.infer<typeof ObservationSchema>;

export const CaseVerdictSchema = z
  .object({
    id: z.string(),
    passed: z.boolean(),
    failures: z.array(FailureKindSchema),
    diff: z.string().nullable(),
    features: z.array(z.string()),
    outcome: ProcessOutcomeSchema,
    observed: ObservationSchema.nullable(),
  })
  .strict();
export type CaseVerdict = z.infer<typeof CaseVerdictSchema>;

export const BuildStatusSchema = z.enum(['ok', 'failed', 'skipped']);
export const BuildFailureSchema = z.enum([
  'no-compile-sh',
  'compile-failed',
  'compile-timeout',
  'no-executable',
  'unreadable-submission',
  'reference-copy',
]);
export type BuildFailure = z.infer<typeof BuildFailureSchema>;

export const RemovedFileSchema = z.object({ path: z.string(), reason: z.string() }).strict();

export const BuildResultSchema = z
  .object({
    status: BuildStatusSchema,
    failure: BuildFailureSchema.nullable(),
    message: z.string().nullable(),
    logTail: z.string(),
    outcome: ProcessOutcomeSchema.nullable(),
    removedFiles: z.array(RemovedFileSchema),
  })
  .strict();
export type BuildResult = z.infer<typeof BuildResultSchema>;

export const FeatureTallySchema = z.object({ passed: z.number().int(), total: z.number().int() }).strict();

// The result of grading one submission against one task's suite.
export const GradeResultSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string(),
    task: z.string(),
    suiteSha256: z.string(),
    submission: z
      .object({ kind: z.enum(['directory', 'tarball', 'reference']), path: z.string(), sha256: z.string().nullable() })
      .strict(),
    policy: z.enum(['cleanroom', 'allowlist', 'open']),
    build: BuildResultSchema,
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    score: z.number().min(0).max(1),
    /** The pass rate on stdout, exit code and files alone: cases failed only on stderr count as
        passed. The strict score stays the primary one, as in ProgramBench. Absent in grades stored
        before it existed. */
    scoreDiagnosticsAside: z.number().min(0).max(1).optional(),
    resolved: z.boolean(),
    almostResolved: z.boolean(),
    features: z.record(z.string(), FeatureTallySchema),
    cases: z.array(CaseVerdictSchema),
    startedAt: z.string(),
    durationMs: z.number().nonnegative(),
    shipbenchVersion: z.string(),
  })
  .strict();
export type GradeResult = z.infer<typeof GradeResultSchema>;
