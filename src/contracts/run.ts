import { z } from 'zod';
import { BriefKindSchema } from './market.js';

// The agent kinds shipbench can drive.
export const AgentKindSchema = z.enum(['mini', 'command', 'oracle', 'null', 'replay']);
export type AgentKind = z.infer<typeof AgentKindSchema>;

export const ModelProviderSchema = z.enum(['openai', 'anthropic']);
export type ModelProvider = z.infer<typeof ModelProviderSchema>;

export const AgentPolicySchema = z.enum(['cleanroom', 'allowlist', 'open']);
export type AgentPolicyName = z.infer<typeof AgentPolicySchema>;

// What drives the episodes of a run. Keys never appear here: they come from the environment.
export const AgentSpecSchema = z
  .object({
    kind: AgentKindSchema,
    /** mini: the model name as the provider spells it. */
    model: z.string().min(1).optional(),
    provider: ModelProviderSchema.optional(),
    /** mini: an OpenAI- or Anthropic-compatible base URL. */
    baseUrl: z.string().url().optional(),
    /** command: the agent CLI, run by bash in the workspace; {instruction} and {instruction_file} are substituted. */
    command: z.string().min(1).optional(),
    /** replay: the trajectory (JSONL) whose commands are replayed. */
    trajectory: z.string().min(1).optional(),
  })
  .strict();
export type AgentSpec = z.infer<typeof AgentSpecSchema>;

// Budgets of one trial and of the whole run.
export const TrialLimitsSchema = z
  .object({
    steps: z.number().int().positive().default(250),
    timeMinutes: z.number().positive().default(60),
    stepTimeoutSeconds: z.number().int().positive().default(120),
    costUsd: z.number().nonnegative().default(3),
    runCostUsd: z.number().nonnegative().nullable().default(null),
    /** Time limit of one reference call through the broker. */
    brokerCallSeconds: z.number().int().positive().default(30),
  })
  .strict();
export type TrialLimits = z.infer<typeof TrialLimitsSchema>;

// A market run's world: every trial of the run faces the same seed, horizon and pool, so two
// agents differ only by what they ship. The trial limits apply per sprint.
export const MarketRunSchema = z
  .object({
    days: z.number().int().positive().max(365).default(90),
    /** Days simulated after each sprint. */
    sprintDays: z.number().int().positive().max(31).default(7),
    /** Size of the customer pool; null keeps the task's market config. */
    customers: z.number().int().positive().nullable().default(null),
    seed: z.number().int().default(1),
    /**
     * Worlds each trial's market is scored in: seeds seed … seed + seeds − 1 on the same workload
     * pool. The agent lives in the first; the others replay its builds and prices.
     */
    seeds: z.number().int().positive().max(100).default(5),
    /** The brief agents get: the full contract (spec) or the market hypothesis, without docs. */
    brief: BriefKindSchema.default('spec'),
  })
  .strict();
export type MarketRun = z.infer<typeof MarketRunSchema>;

export const RunModeSchema = z.enum(['rebuild', 'market']);
export type RunMode = z.infer<typeof RunModeSchema>;

// A run as planned: everything that decides its trials. Its hash tells whether a resume would
// run the same experiment.
export const RunConfigSchema = z
  .object({
    schemaVersion: z.literal(1),
    mode: RunModeSchema.default('rebuild'),
    /** mode market: the simulated world; null in rebuild runs. */
    market: MarketRunSchema.nullable().default(null),
    tasks: z.array(z.object({ id: z.string(), dir: z.string(), suiteSha256: z.string() }).strict()).min(1),
    agents: z.array(AgentSpecSchema).min(1),
    attempts: z.number().int().positive(),
    policy: AgentPolicySchema,
    /** host:port pairs the agent may reach under the allowlist policy. */
    allow: z.array(z.string()).default([]),
    limits: TrialLimitsSchema,
  })
  .strict();
export type RunConfig = z.infer<typeof RunConfigSchema>;

export const TrialStatusSchema = z.enum(['pending', 'running', 'done', 'infra-error']);
export type TrialStatus = z.infer<typeof TrialStatusSchema>;

// How an episode ended, agent-side.
export const ExitStatusSchema = z.enum(['submitted', 'step-limit', 'time-limit', 'cost-limit', 'format-errors', 'agent-error', 'no-op']);
export type ExitStatus = z.infer<typeof ExitStatusSchema>;

export const UsageSchema = z
  .object({
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    costUsd: z.number().nonnegative(),
    /** False when the model has no entry in the price table (cost then counts as 0). */
    priced: z.boolean(),
  })
  .strict();
export type Usage = z.infer<typeof UsageSchema>;

// One line of a trajectory (JSONL): every message, command, output and broker call of an episode.
export const TrajectoryEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), at: z.string(), task: z.string(), agent: z.string(), policy: AgentPolicySchema, instruction: z.string() }).strict(),
  z.object({ type: z.literal('message'), at: z.string(), role: z.enum(['system', 'user', 'assistant']), content: z.string(), usage: UsageSchema.optional(), latencyMs: z.number().optional() }).strict(),
  z
    .object({
      type: z.literal('command'),
      at: z.string(),
      step: z.number().int(),
      command: z.string(),
      exitCode: z.number().int().nullable(),
      endedBy: z.string(),
      output: z.string(),
      outputBytes: z.number().int(),
      wallMs: z.number(),
    })
    .strict(),
  z
    .object({
      type: z.literal('broker'),
      at: z.string(),
      seq: z.number().int(),
      argv: z.array(z.string()),
      cwd: z.string(),
      status: z.number().int(),
      endedBy: z.string(),
      wallMs: z.number(),
      stdinBytes: z.number().int(),
      stdoutBytes: z.number().int(),
      stderrBytes: z.number().int(),
    })
    .strict(),
  z.object({ type: z.literal('network'), at: z.string(), target: z.string(), allowed: z.boolean() }).strict(),
  z.object({ type: z.literal('note'), at: z.string(), text: z.string() }).strict(),
  /** Market episodes: a sprint begins; its build serves customers from day `day` (1-based); what the agent was told. */
  z.object({ type: z.literal('sprint'), at: z.string(), sprint: z.number().int().positive(), day: z.number().int().nonnegative(), text: z.string() }).strict(),
  z.object({ type: z.literal('end'), at: z.string(), exitStatus: ExitStatusSchema, steps: z.number().int(), usage: UsageSchema, message: z.string() }).strict(),
]);
export type TrajectoryEvent = z.infer<typeof TrajectoryEventSchema>;
