import { AGENT_RUN_INSIDE } from '../../cleanroom/agent-sandbox.js';
import { userError } from '../../errors.js';
import { NO_USAGE, stepNumber, type Episode, type EpisodeResult } from '../episode.js';
import { recordCommand } from '../observation.js';

// Where the instruction file appears inside the sandbox.
export const INSTRUCTION_INSIDE = `${AGENT_RUN_INSIDE}/INSTRUCTION.md`;

// Single-quotes a string for bash. Pure.
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

// The agent's command line with {instruction} (the text, quoted) and {instruction_file} filled in. Pure.
export function agentCommandLine(template: string, instruction: string): string {
  return template.replaceAll('{instruction_file}', INSTRUCTION_INSIDE).replaceAll('{instruction}', shellQuote(instruction));
}

// command: runs an external agent CLI (Claude Code, Codex CLI, aider…) once inside the episode's
// sandbox, with the instruction as a file and, where the template asks, as an argument. The
// episode ends when the CLI exits or the trial's time runs out. Host variables named in
// SHIPBENCH_AGENT_ENV (comma-separated, e.g. ANTHROPIC_API_KEY) are passed in; their values are
// never recorded. Tokens and cost are the CLI's own business and are not measured here.
export async function runCommand(episode: Episode): Promise<EpisodeResult> {
  const template = episode.agent.command;
  if (!template) throw userError('agent.command', 'the command agent needs --agent-command', 'for example --agent-command \'claude -p "$(cat {instruction_file})" --dangerously-skip-permissions\'');
  await episode.sandbox.writeInstruction(episode.instruction);
  const names = (process.env.SHIPBENCH_AGENT_ENV ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const env = Object.fromEntries(names.filter((n) => process.env[n] !== undefined).map((n) => [n, process.env[n] as string]));
  const line = agentCommandLine(template, episode.instruction);
  const timeoutMs = episode.limits.timeMinutes * 60_000;
  const result = await episode.sandbox.exec(`exec 2>&1\n${line}`, { timeoutMs, env, signal: episode.signal });
  const { exitCode } = recordCommand(episode.trajectory, stepNumber(episode, 1), template, result, timeoutMs);
  if (result.outcome.endedBy === 'timeout') return { exitStatus: 'time-limit', steps: 1, usage: { ...NO_USAGE, priced: false }, message: `the agent CLI was stopped after ${episode.limits.timeMinutes} min` };
  const message = exitCode === 0 ? 'the agent CLI finished' : `the agent CLI exited with ${exitCode ?? result.outcome.endedBy}`;
  return { exitStatus: exitCode === 0 ? 'submitted' : 'agent-error', steps: 1, usage: { ...NO_USAGE, priced: false }, message };
}
