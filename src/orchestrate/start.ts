import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { userError } from '../errors.js';
import type { Db } from '../store/db.js';
import { createRun, runByName, type RunRow } from '../store/runs.js';
import type { Task } from '../tasks/load-task.js';
import { loadSuite } from '../tasks/suite-io.js';
import { checkFingerprint } from '../tasks/program.js';
import { configChanges, planRun, type PlanInput } from './plan.js';

// A run to plan: what decides its trials (tasks as loaded, not yet identified by their suites),
// its name and where its artifacts go.
export interface NewRunInput extends Omit<PlanInput, 'tasks'> {
  name?: string;
  tasks: Task[];
  /** Folder under which the run's artifacts folder is made. */
  artifactsRoot: string;
  version: string;
}

// The suite identity of each task, checked against the reference on this machine.
async function taskIdentities(tasks: readonly Task[]): Promise<{ id: string; dir: string; suiteSha256: string }[]> {
  const out = [];
  for (const task of tasks) {
    const suite = loadSuite(task.suitePath, task.manifestPath, task.id);
    await checkFingerprint(task, suite.manifest);
    out.push({ id: task.id, dir: task.dir, suiteSha256: suite.sha256 });
  }
  return out;
}

// Plans a run and records it with all its trials pending. A name already taken is refused: the
// run it names is resumed with `runs resume`, never silently extended.
export async function createNewRun(db: Db, input: NewRunInput): Promise<RunRow> {
  const id = `r${new Date().toISOString().slice(2, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  const name = input.name ?? id;
  if (runByName(db, name)) throw userError('run.exists', `a run named "${name}" already exists`, `resume it with: shipbench runs resume ${name}, or choose another --name`);
  const plan = planRun({ tasks: await taskIdentities(input.tasks), agents: input.agents, attempts: input.attempts, policy: input.policy, allow: input.allow ?? [], limits: input.limits, ...(input.market ? { market: input.market } : {}) }, id);
  const row = { id, name, config: plan.config, configSha256: plan.configSha256, artifactsDir: join(input.artifactsRoot, id), shipbenchVersion: input.version };
  createRun(db, row, plan.trials);
  return { ...row, createdAt: new Date().toISOString() };
}

// Refuses to resume a run whose experiment would differ now (a rebuilt suite, a changed task).
export async function checkResumable(run: RunRow, tasks: readonly Task[]): Promise<void> {
  const now = { ...run.config, tasks: await taskIdentities(tasks) };
  const changes = configChanges(run.config, now);
  if (changes.length > 0) {
    throw userError('run.changed', `run ${run.name} cannot be resumed: ${changes.join('; ')}`, 'start a new run instead (shipbench run …)');
  }
}
