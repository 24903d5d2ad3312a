import { z } from 'zod';
import { CoverageFigureSchema } from './coverage.js';

// The manifest written beside suite.jsonl: where the cases came from and how many passed each gate.
export const SuiteManifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    task: z.string(),
    reference: z.object({ fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/) }).strict(),
    generator: z
      .object({
        name: z.string(),
        version: z.string(),
        seed: z.number().int().nullable(),
        /** What steered the selection besides new behaviour: the instrumented reference's counters, a report script, or nothing. */
        feedback: z.enum(['gcda', 'script']).optional(),
      })
      .strict(),
    /** With coverage feedback, after each batch of candidates: units reached so far and the size of the cover (`kept`). */
    curve: z.array(z.object({ candidates: z.number().int(), kept: z.number().int(), units: z.number().int() }).strict()).optional(),
    suiteSha256: z.string().regex(/^[0-9a-f]{64}$/),
    cases: z.number().int().nonnegative(),
    features: z.record(z.string(), z.number().int().nonnegative()),
    gates: z.record(z.string(), z.number().int().nonnegative()).default({}),
    /** Coverage of the reference's sources, from `tasks coverage` (for this suite's sha). */
    coverage: CoverageFigureSchema.optional(),
  })
  .strict();
export type SuiteManifest = z.infer<typeof SuiteManifestSchema>;
