import { z } from 'zod';
import { CoverageRecipeSchema } from './coverage.js';
import { GeneratorConfigSchema } from './generator.js';
import { MarketTaskSchema } from './market.js';

// Resource limits of a task; every field has a default so a task.yaml may name none.
export const LimitsSchema = z
  .object({
    caseTimeoutMs: z.number().int().positive().default(10_000),
    buildTimeoutMs: z.number().int().positive().default(900_000),
    memoryMb: z.number().int().positive().default(4096),
    processes: z.number().int().positive().default(256),
    fileSizeMb: z.number().int().positive().default(256),
    diskMb: z.number().int().positive().default(512),
    outputMb: z.number().int().positive().default(16),
  })
  .strict();
export type Limits = z.infer<typeof LimitsSchema>;

// Documentation the agent is given, captured from the machine when the task is built.
export const DocSourceSchema = z.union([
  z.object({ man: z.string().min(1) }).strict(),
  z.object({ help: z.array(z.string()) }).strict(),
  z.object({ file: z.string().min(1) }).strict(),
]);
export type DocSource = z.infer<typeof DocSourceSchema>;

// The program that defines correct behaviour: a command (paths starting with ./ are relative to the task folder).
export const ReferenceSchema = z
  .object({
    command: z.array(z.string().min(1)).min(1),
    fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 hex digits').optional(),
    /** The Debian package that installs the program (`tasks install` installs it with apt-get). */
    package: z.string().regex(/^[a-z0-9][a-z0-9+.-]+$/, 'must be a Debian package name (lower-case letters, digits, "+", "-", ".")').optional(),
  })
  .strict();
export type Reference = z.infer<typeof ReferenceSchema>;

// The same program in ProgramBench: its instance id and how many active tests it has there.
export const ProgramBenchSchema = z
  .object({
    instance: z.string().regex(/^[A-Za-z0-9._-]+__[A-Za-z0-9._-]+$/, 'must be a ProgramBench instance id, "<owner>__<repository>"'),
    tests: z.number().int().min(0),
  })
  .strict();
export type ProgramBench = z.infer<typeof ProgramBenchSchema>;

// task.yaml: one program to build.
export const TaskSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
    kind: z.enum(['rebuild', 'market']).default('rebuild'),
    program: z.string().regex(/^[A-Za-z0-9._+-]+$/).optional(),
    description: z.string().optional(),
    reference: ReferenceSchema,
    hide: z.array(z.string().startsWith('/', 'must be an absolute path')).default([]),
    docs: z.array(DocSourceSchema).default([]),
    generator: GeneratorConfigSchema.optional(),
    /** How to build an instrumented reference to measure the suite's coverage (`tasks coverage`). */
    coverage: CoverageRecipeSchema.optional(),
    limits: LimitsSchema.default(LimitsSchema.parse({})),
    solution: z.string().optional(),
    /** The program is a service: it listens on $PORT, and a case is an HTTP session (stdin holds the
        requests) run by a driver that starts it, waits until it accepts connections and prints a transcript. */
    service: z.object({ readyTimeoutMs: z.number().int().positive().default(5000) }).strict().optional(),
    /** The program's instance in ProgramBench, for tasks of the programbench dataset. */
    programbench: ProgramBenchSchema.optional(),
    /** kind: market — how the product is sold. */
    market: MarketTaskSchema.optional(),
  })
  .strict();
export type TaskSpec = z.infer<typeof TaskSpecSchema>;
