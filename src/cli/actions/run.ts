import { AgentPolicySchema, TrialLimitsSchema } from '../../contracts/run.js';
import { parseAllowlist } from '../../sandbox/allowlist-proxy.js';
import { userError } from '../../errors.js';
import { createNewRun } from '../../orchestrate/start.js';
import { leaderboard } from '../../report/stats.js';
import { openDb, storePath } from '../../store/db.js';
import { finishedTrials, trialsOfRun, type RunRow } from '../../store/runs.js';
import type { Db } from '../../store/db.js';
import type { RunTally } from '../../orchestrate/run.js';
import { out, VERSION } from '../context.js';
import { leaderboardTable, trialsTable } from '../format-runs.js';
import { agentSpecs, artifactsRoot, executeWithProgress, resolveTasks, type AgentFlags } from '../run-support.js';
import { trialScores } from '../../orchestrate/report-data.js';

export interface RunFlags extends AgentFlags {
  tasks: string;
  attempts: number;
  concurrency: number;
  name?: string;
  policy: string;
  allow?: string[];
  steps?: number;
  timeLimit?: number;
  costLimit?: string;
  runCostLimit?: string;
  json?: boolean;
  db?: string;
}

function usd(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw userError('cli.cost', `${name} takes an amount in USD (like 2.5), not "${value}"`, `fix ${name}`);
  return n;
}

// run: plan a run, record it, execute its trials and print the outcome.
export async function runAction(flags: RunFlags): Promise<void> {
  const policy = AgentPolicySchema.safeParse(flags.policy).data;
  if (!policy) throw userError('cli.policy', `--policy must be cleanroom, allowlist or open, not "${flags.policy}"`, 'pick one of them');
  const allow = flags.allow ?? [];
  if (policy === 'allowlist' && allow.length === 0) throw userError('cli.allow', '--policy allowlist needs at least one --allow host:port', 'for example --allow api.anthropic.com:443');
  if (policy !== 'allowlist' && allow.length > 0) throw userError('cli.allow', '--allow only applies with --policy allowlist', 'add --policy allowlist or drop --allow');
  try {
    parseAllowlist(allow);
  } catch (error) {
    throw userError('cli.allow', `--allow: ${(error as Error).message}`, 'give host:port, for example api.openai.com:443');
  }
  const tasks = resolveTasks(flags.tasks);
  const market = tasks.filter((t) => t.spec.kind === 'market').map((t) => t.id);
  if (market.length > 0) {
    throw userError('cli.tasks', `${market.join(', ')}: market tasks keep their reference hidden, so a rebuild run cannot give it to the agent`, 'score a product on them with shipbench market --task <id> <submission>, or pick rebuild tasks (--tasks core)');
  }
  const agents = agentSpecs(flags, tasks);
  const limits = TrialLimitsSchema.parse({
    ...(flags.steps ? { steps: flags.steps } : {}),
    ...(flags.timeLimit ? { timeMinutes: flags.timeLimit } : {}),
    ...(usd('--cost-limit', flags.costLimit) !== undefined ? { costUsd: usd('--cost-limit', flags.costLimit) } : {}),
    runCostUsd: usd('--run-cost-limit', flags.runCostLimit) ?? null,
  });
  const dbPath = storePath(flags.db);
  const db = openDb(dbPath);
  try {
    const run = await createNewRun(db, { name: flags.name, tasks, agents, attempts: flags.attempts, policy, allow, limits, artifactsRoot: artifactsRoot(dbPath), version: VERSION });
    if (!flags.json) process.stderr.write(`run ${run.id}${run.name !== run.id ? ` (${run.name})` : ''}: ${tasks.length} tasks × ${agents.length} agents × ${flags.attempts} attempts, policy ${policy}${allow.length ? ` (${allow.join(', ')})` : ''}; artifacts in ${run.artifactsDir}\n`);
    const tally = await executeWithProgress(db, run, tasks, { concurrency: flags.concurrency, dbPath, quiet: flags.json === true });
    printRunOutcome(db, run, tally, flags.json === true);
  } finally {
    db.close();
  }
}

// The trials and the leaderboard of a run, and exit code 1 when trials are left unfinished.
export function printRunOutcome(db: Db, run: RunRow, tally: RunTally, json: boolean): void {
  const trials = trialsOfRun(db, run.id);
  const rows = leaderboard(trialScores(finishedTrials(db, run.id)));
  const unfinished = trials.filter((t) => t.status !== 'done').length;
  if (unfinished > 0) process.exitCode = 1;
  if (json) {
    out(JSON.stringify({ run: { id: run.id, name: run.name, artifactsDir: run.artifactsDir }, finishedNow: tally.done, unfinished, trials, leaderboard: rows }));
    return;
  }
  out(trialsTable(trials));
  out('');
  if (rows.length > 0) out(leaderboardTable(rows));
  if (unfinished > 0) out(`\n${unfinished} trials are unfinished; run them with: shipbench runs resume ${run.name}`);
}
