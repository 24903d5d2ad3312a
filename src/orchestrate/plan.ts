import { RunConfigSchema, type AgentPolicyName, type AgentSpec, type MarketRun, type RunConfig, type TrialLimits } from '../contracts/run.js';
import { agentLabel } from '../agent/run-agent.js';
import type { PlannedTrial } from '../store/runs.js';
import { canonicalJson, sha256 } from '../util/hash.js';

export interface PlanInput {
  tasks: { id: string; dir: string; suiteSha256: string }[];
  agents: AgentSpec[];
  attempts: number;
  policy: AgentPolicyName;
  allow?: string[];
  limits: TrialLimits;
  /** A market run's world; absent for rebuild runs. */
  market?: MarketRun;
}

export interface RunPlan {
  config: RunConfig;
  configSha256: string;
  trials: PlannedTrial[];
}

// A run's config and its trials: every task × agent × attempt, tasks outermost so that a run cut
// short has every agent on the same tasks. Pure.
export function planRun(input: PlanInput, runId: string): RunPlan {
  const { market, ...rest } = input;
  const config = RunConfigSchema.parse({ schemaVersion: 1, ...rest, mode: market ? 'market' : 'rebuild', market: market ?? null });
  const trials: PlannedTrial[] = [];
  for (const task of config.tasks) {
    for (let attempt = 1; attempt <= config.attempts; attempt++) {
      config.agents.forEach((agent, agentIndex) => {
        trials.push({ id: `${runId}-${trials.length + 1}`, ordinal: trials.length + 1, task: task.id, agentIndex, agent: agentLabel(agent), model: agent.model ?? null, attempt });
      });
    }
  }
  return { config, configSha256: configHash(config), trials };
}

// The hash of what decides a run's results (tasks and their suites, agents, attempts, policy, limits).
export function configHash(config: RunConfig): string {
  return sha256(canonicalJson(config));
}

// What differs between the config a run was started with and the one it would have now; empty
// when a resume runs the same experiment. Pure.
export function configChanges(stored: RunConfig, now: RunConfig): string[] {
  const changes: string[] = [];
  for (const task of stored.tasks) {
    const current = now.tasks.find((t) => t.id === task.id);
    if (!current) changes.push(`task ${task.id} is gone`);
    else if (current.suiteSha256 !== task.suiteSha256) changes.push(`task ${task.id}'s suite changed`);
  }
  if (canonicalJson(stored.agents) !== canonicalJson(now.agents)) changes.push('the agents changed');
  if (stored.attempts !== now.attempts) changes.push(`attempts changed (${stored.attempts} → ${now.attempts})`);
  if (stored.policy !== now.policy) changes.push(`the policy changed (${stored.policy} → ${now.policy})`);
  if (canonicalJson(stored.allow) !== canonicalJson(now.allow)) changes.push('the allowlist changed');
  if (canonicalJson(stored.limits) !== canonicalJson(now.limits)) changes.push('the trial limits changed');
  if (stored.mode !== now.mode || canonicalJson(stored.market) !== canonicalJson(now.market)) changes.push('the market settings changed');
  return changes;
}
