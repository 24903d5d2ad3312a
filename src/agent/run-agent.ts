import { userError } from '../errors.js';
import type { Episode, EpisodeResult } from './episode.js';
import { runCommand } from './kinds/command.js';
import { runMini } from './kinds/mini.js';
import { runReplay } from './kinds/replay.js';
import { runNull, runOracle } from './kinds/simple.js';
import { modelFromEnvironment } from './model.js';

// Runs the episode's agent and records how it ended in the trajectory (a sprint's end is the
// market episode's to record).
export async function runAgent(episode: Episode): Promise<EpisodeResult> {
  const { agent } = episode;
  let result: EpisodeResult;
  switch (agent.kind) {
    case 'null':
      result = await runNull(episode);
      break;
    case 'oracle':
      result = await runOracle(episode);
      break;
    case 'command':
      result = await runCommand(episode);
      break;
    case 'replay':
      result = await runReplay(episode);
      break;
    case 'mini': {
      const model = modelFromEnvironment({ model: agent.model, baseUrl: agent.baseUrl, provider: agent.provider });
      if (!model) throw userError('agent.model', 'the mini agent needs a model', 'give --model or set SHIPBENCH_MODEL');
      result = await runMini(episode, model);
      break;
    }
  }
  if (!episode.sprint) episode.trajectory.append({ type: 'end', exitStatus: result.exitStatus, steps: result.steps, usage: result.usage, message: result.message });
  return result;
}

// How an agent is named on leaderboards: its kind, and its model for model-driven kinds.
export function agentLabel(agent: Episode['agent']): string {
  if (agent.kind === 'mini') return `mini/${agent.model ?? process.env.SHIPBENCH_MODEL ?? '?'}`;
  if (agent.kind === 'command') return `command/${(agent.command ?? '').trim().split(/\s+/)[0] ?? '?'}`;
  return agent.kind;
}
