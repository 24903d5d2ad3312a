import { z } from 'zod';
import { ExpectedBytesSchema, InputBytesSchema } from './bytes.js';

// A relative path inside the case's working directory: no absolute paths, no `..` segments.
export const RelativePathSchema = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a relative path without ".."');

// What to run: arguments after the program name, standard input, files laid out in the fresh cwd, extra env.
export const InvocationSchema = z
  .object({
    argv: z.array(z.string()).default([]),
    stdin: InputBytesSchema.default(''),
    files: z.record(RelativePathSchema, InputBytesSchema).default({}),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name'), z.string()).default({}),
  })
  .strict();
export type Invocation = z.infer<typeof InvocationSchema>;

// What the reference did: exit code as a shell reports it, output, and files after the run.
export const ExpectationSchema = z
  .object({
    exit: z.number().int().min(0).max(255),
    stdout: ExpectedBytesSchema.default(''),
    stderr: ExpectedBytesSchema.default(''),
    files: z.record(RelativePathSchema, ExpectedBytesSchema.nullable()).optional(),
  })
  .strict();
export type Expectation = z.infer<typeof ExpectationSchema>;

// A normaliser applied to both sides before an exact comparison; recorded in the case that uses it.
export const NormaliserSchema = z.union([
  z.enum(['trailing-whitespace', 'line-order', 'collapse-whitespace', 'final-newline']),
  z.object({ mask: z.string().min(1), replace: z.string().default('<masked>') }).strict(),
]);
export type Normaliser = z.infer<typeof NormaliserSchema>;

// How one stream is compared. The default is exact; any loosening is written into the case.
export const StreamRuleSchema = z.union([
  z.enum(['exact', 'ignore', 'nonempty', 'empty']),
  z.object({ normalize: z.array(NormaliserSchema).min(1) }).strict(),
]);
export type StreamRule = z.infer<typeof StreamRuleSchema>;

export const CompareRulesSchema = z
  .object({
    exit: z.enum(['exact', 'ignore', 'zero-or-not']).default('exact'),
    stdout: StreamRuleSchema.default('exact'),
    stderr: StreamRuleSchema.default('exact'),
    files: StreamRuleSchema.default('exact'),
  })
  .strict();
export type CompareRules = z.infer<typeof CompareRulesSchema>;

// One behavioural test case: one line of suite.jsonl.
export const CaseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"'),
    features: z.array(z.string().min(1)).default([]),
    run: InvocationSchema,
    expect: ExpectationSchema,
    compare: CompareRulesSchema.default({ exit: 'exact', stdout: 'exact', stderr: 'exact', files: 'exact' }),
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();
export type Case = z.infer<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
