import { cp } from 'node:fs/promises';
import { userError } from '../../errors.js';
import { giveToSandbox } from '../../sandbox/identity.js';
import { NO_USAGE, type Episode, type EpisodeResult } from '../episode.js';

// null: hands in the empty workspace; the floor every agent must beat.
export async function runNull(episode: Episode): Promise<EpisodeResult> {
  episode.trajectory.append({ type: 'note', text: 'the null agent submits the workspace as it is' });
  return { exitStatus: 'no-op', steps: 0, usage: NO_USAGE, message: 'submitted without changes' };
}

// oracle: hands in the task's known solution; the ceiling the suite allows. In a market episode it
// ships the solution in the first sprint and then leaves code and price alone.
export async function runOracle(episode: Episode): Promise<EpisodeResult> {
  const { solutionDir } = episode.task;
  if (episode.sprint && episode.sprint.index > 1) {
    episode.trajectory.append({ type: 'note', text: 'the oracle keeps the product it shipped' });
    return { exitStatus: 'no-op', steps: 0, usage: NO_USAGE, message: 'kept the shipped product' };
  }
  if (!solutionDir) throw userError('agent.oracle', `task ${episode.task.id} has no solution for the oracle agent`, 'add `solution: <folder>` to its task.yaml or leave the task out');
  await cp(solutionDir, episode.sandbox.workspace, { recursive: true, errorOnExist: false, force: true });
  await giveToSandbox(episode.sandbox.workspace);
  episode.trajectory.append({ type: 'note', text: `the oracle copied the task's solution (${solutionDir}) into the workspace` });
  return { exitStatus: 'submitted', steps: 0, usage: NO_USAGE, message: 'submitted the known solution' };
}
