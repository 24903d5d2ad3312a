import { z } from 'zod';

// How a sandboxed process ended. Returned, never thrown.
export const EndReasonSchema = z.enum(['exit', 'timeout', 'output-limit', 'disk-limit', 'memory-limit', 'spawn-failed', 'not-run']);
export type EndReason = z.infer<typeof EndReasonSchema>;

export const ProcessOutcomeSchema = z
  .object({
    endedBy: EndReasonSchema,
    // Exit status as a shell reports it (128 + N after signal N); null when the sandbox was killed.
    exitCode: z.number().int().nullable(),
    // The signal that ended the process tree when shipbench sent it (timeout, limits).
    signal: z.string().nullable(),
    timedOut: z.boolean(),
    outputCut: z.enum(['stdout', 'stderr']).nullable(),
    wallMs: z.number().nonnegative(),
    cpuMs: z.number().nonnegative().nullable(),
    // Processes still alive when the time limit fired, by name.
    hung: z.array(z.string()).default([]),
    error: z.string().nullable().default(null),
  })
  .strict();
export type ProcessOutcome = z.infer<typeof ProcessOutcomeSchema>;
