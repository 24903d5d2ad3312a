import type { AgentPolicyName, AgentSpec, ExitStatus, TrialLimits, Usage } from '../contracts/run.js';
import type { AgentSandbox } from '../cleanroom/agent-sandbox.js';
import type { ChatMessage } from './model.js';
import type { Trajectory } from './trajectory.js';

// What an agent gets for one episode: the task as plain data, its sandbox, its budgets and the
// trajectory to write to.
export interface Episode {
  task: { id: string; program: string; solutionDir: string | null };
  agent: AgentSpec;
  instruction: string;
  sandbox: AgentSandbox;
  policy: AgentPolicyName;
  limits: TrialLimits;
  trajectory: Trajectory;
  /** Spend shared by every trial of the run; null when the run has no cap. */
  runBudget: RunBudget | null;
  signal?: AbortSignal;
  /** Market episodes: the sprint this call works in; the limits then apply to the sprint. */
  sprint?: Sprint;
}

// One sprint of a market episode. The sandbox and workspace persist between sprints; what an
// agent itself carries over (a model's conversation) lives in `carry`.
export interface Sprint {
  index: number;
  total: number;
  /** What changed since the last sprint (the inbox), for agents that keep their conversation. */
  update: string;
  /** Steps taken in earlier sprints: the trajectory numbers steps across the whole episode. */
  stepsBefore: number;
  carry: { messages?: ChatMessage[]; sprintStart?: number };
}

// The trajectory's number of an episode's `local`-th step (steps count on across sprints).
export function stepNumber(episode: Episode, local: number): number {
  return (episode.sprint?.stepsBefore ?? 0) + local;
}

export interface EpisodeResult {
  exitStatus: ExitStatus;
  steps: number;
  usage: Usage;
  message: string;
}

// The run's cost cap, shared across concurrent trials.
export class RunBudget {
  spent = 0;
  constructor(readonly capUsd: number) {}
  add(usd: number): void {
    this.spent += usd;
  }
  get exhausted(): boolean {
    return this.spent >= this.capUsd;
  }
}

export const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, costUsd: 0, priced: true };

export function addUsage(a: Usage, b: Usage): Usage {
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens, costUsd: a.costUsd + b.costUsd, priced: a.priced && b.priced };
}
