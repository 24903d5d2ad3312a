import type { TrajectoryEvent } from '../../contracts/run.js';
import { userError } from '../../errors.js';
import { NO_USAGE, stepNumber, type Episode, type EpisodeResult } from '../episode.js';
import { recordCommand } from '../observation.js';
import { readTrajectory } from '../trajectory.js';

// replay: runs the commands of a recorded trajectory again, in order, in a fresh sandbox, without
// a model. Reproduces an episode (or shows where the world changed since it was recorded). In a
// market episode each sprint replays the commands recorded in the same sprint.
export async function runReplay(episode: Episode): Promise<EpisodeResult> {
  const source = episode.agent.trajectory;
  if (!source) throw userError('agent.replay', 'the replay agent needs --trajectory <file>', 'give a trajectory.jsonl written by an earlier run');
  const recorded = readTrajectory(source);
  const commands = commandsOfSprint(recorded, episode.sprint?.index ?? null);
  const ending = recorded.find((e) => e.type === 'end');
  episode.trajectory.append({ type: 'note', text: `replaying ${commands.length} commands of ${source}` });
  const stepTimeoutMs = episode.limits.stepTimeoutSeconds * 1000;
  let steps = 0;
  for (const recordedCommand of commands) {
    if (episode.signal?.aborted) break;
    steps++;
    const result = await episode.sandbox.exec(`exec 2>&1\n${recordedCommand.command}`, { timeoutMs: stepTimeoutMs, signal: episode.signal });
    const { exitCode } = recordCommand(episode.trajectory, stepNumber(episode, steps), recordedCommand.command, result, stepTimeoutMs);
    if (exitCode !== recordedCommand.exitCode) episode.trajectory.append({ type: 'note', text: `step ${steps} exited ${exitCode} where the recording exited ${recordedCommand.exitCode}` });
  }
  const exitStatus = ending?.type === 'end' ? ending.exitStatus : 'submitted';
  return { exitStatus, steps, usage: NO_USAGE, message: `replayed ${steps} of ${commands.length} commands` };
}

// The commands recorded in sprint `sprint` (all of them outside market episodes; a recording
// without sprints is replayed whole in the first). Pure.
export function commandsOfSprint(recorded: readonly TrajectoryEvent[], sprint: number | null): Extract<TrajectoryEvent, { type: 'command' }>[] {
  const marked = recorded.some((e) => e.type === 'sprint');
  let current = marked ? 0 : 1;
  const out: Extract<TrajectoryEvent, { type: 'command' }>[] = [];
  for (const e of recorded) {
    if (e.type === 'sprint') current = e.sprint;
    else if (e.type === 'command' && (sprint === null || current === sprint)) out.push(e);
  }
  return out;
}
