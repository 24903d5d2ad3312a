import { relative } from 'node:path';
import { TrialLimitsSchema } from '../../contracts/run.js';
import { createNewRun } from '../../orchestrate/start.js';
import { storePath } from '../../store/db.js';
import { findTask } from '../../tasks/load-task.js';
import { openStore, VERSION } from '../context.js';
import { artifactsRoot, executeWithProgress } from '../run-support.js';
import { printRunOutcome } from './run.js';

// Built-in tasks that ship a known solution, so the demo needs no model and no key.
export const DEMO_TASKS = ['wc', 'fold', 'head'];

// demo: run the oracle and the null agent on three built-in tasks in cleanroom sandboxes and
// print the trials and the leaderboard (what npm start runs).
export async function demoAction(flags: { db?: string; json?: boolean; concurrency?: number }): Promise<void> {
  const tasks = DEMO_TASKS.map((id) => findTask(id));
  const dbPath = storePath(flags.db);
  const db = openStore(dbPath);
  try {
    const run = await createNewRun(db, {
      tasks,
      agents: [{ kind: 'oracle' }, { kind: 'null' }],
      attempts: 1,
      policy: 'cleanroom',
      limits: TrialLimitsSchema.parse({}),
      artifactsRoot: artifactsRoot(dbPath),
      version: VERSION,
    });
    if (!flags.json) {
      process.stderr.write(`shipbench demo: the oracle agent (each task's known solution) and the null agent (an empty submission)\n`);
      process.stderr.write(`on ${DEMO_TASKS.join(', ')}, each in a cleanroom sandbox, graded against the hidden suites.\n`);
    }
    const tally = await executeWithProgress(db, run, tasks, { concurrency: flags.concurrency ?? 2, dbPath, quiet: flags.json === true });
    printRunOutcome(db, run, tally, flags.json === true);
    if (!flags.json) {
      process.stdout.write(`\nstored as run ${run.id} in ${relative(process.cwd(), dbPath) || dbPath}; see it again with: npx shipbench runs show ${run.id}\n`);
      process.stdout.write(`run a real model the same way: OPENAI_API_KEY=… npx shipbench run --tasks ${DEMO_TASKS.join(',')} --agent mini --model gpt-4o-mini\n`);
    }
  } finally {
    db.close();
  }
}
