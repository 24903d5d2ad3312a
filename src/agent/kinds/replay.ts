import { userError } from '../../errors.js';
import { NO_USAGE, type Episode, type EpisodeResult } from '../episode.js';
import { recordCommand } from '../observation.js';
import { readTrajectory } from '../trajectory.js';

// replay: runs the commands of a recorded trajectory again, in order, in a fresh sandbox, without
// a model. Reproduces an episode (or shows where the world changed since it was recorded).
export async function runReplay(episode: Episode): Promise<EpisodeResult> {
  const source = episode.agent.trajectory;
  if (!source) throw userError('agent.replay', 'the replay agent needs --trajectory <file>', 'give a trajectory.jsonl written by an earlier run');
  const recorded = readTrajectory(source);
  const commands = recorded.flatMap((e) => (e.type === 'command' ? [e] : []));
  const ending = recorded.find((e) => e.type === 'end');
  episode.trajectory.append({ type: 'note', text: `replaying ${commands.length} commands of ${source}` });
  const stepTimeoutMs = episode.limits.stepTimeoutSeconds * 1000;
  let steps = 0;
  for (const recordedCommand of commands) {
    if (episode.signal?.aborted) break;
    steps++;
    const result = await episode.sandbox.exec(`exec 2>&1\n${recordedCommand.command}`, { timeoutMs: stepTimeoutMs, signal: episode.signal });
    const { exitCode } = recordCommand(episode.trajectory, steps, recordedCommand.command, result, stepTimeoutMs);
    if (exitCode !== recordedCommand.exitCode) episode.trajectory.append({ type: 'note', text: `step ${steps} exited ${exitCode} where the recording exited ${recordedCommand.exitCode}` });
  }
  const exitStatus = ending?.type === 'end' ? ending.exitStatus : 'submitted';
  return { exitStatus, steps, usage: NO_USAGE, message: `replayed ${steps} of ${commands.length} commands` };
}
