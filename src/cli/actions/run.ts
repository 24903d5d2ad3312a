import { AgentPolicySchema, MarketRunSchema, RunModeSchema, TrialLimitsSchema, type MarketRun } from '../../contracts/run.js';
import type { Task } from '../../tasks/load-task.js';
import { parseAllowlist } from '../../cleanroom/allowlist-proxy.js';
import { userError } from '../../errors.js';
import { readMarketBrief } from '../../orchestrate/market-trial.js';
import { createNewRun } from '../../orchestrate/start.js';
import { leaderboard } from '../../report/stats.js';
import { storePath } from '../../store/db.js';
import { finishedTrials, heldTrials, trialsOfRun, type RunRow } from '../../store/runs.js';
import { ownerGone } from '../../util/owner.js';
import type { Db } from '../../store/db.js';
import type { RunTally } from '../../orchestrate/run.js';
import { openStore, out, VERSION } from '../context.js';
import { leaderboardTable, marketLeaderboardTable, trialsTable } from '../format-runs.js';
import { agentSpecs, artifactsRoot, executeWithProgress, resolveTasks, type AgentFlags } from '../run-support.js';
import { runMarketLeaderboard, trialScores } from '../../orchestrate/report-data.js';

export interface RunFlags extends AgentFlags {
  tasks: string;
  mode: string;
  days?: number;
  sprintDays?: number;
  customers?: number;
  seed?: number;
  seeds?: number;
  brief?: string;
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

// A sprint's budgets when none are given: a week's work, not a whole rebuild.
const MARKET_SPRINT_LIMITS = { steps: 60, timeMinutes: 20, costUsd: 1 };

// The world of a market run from the flags; every task must be a market task.
function marketRun(flags: RunFlags, tasks: readonly Task[]): MarketRun {
  const notMarket = tasks.filter((t) => t.spec.kind !== 'market' || !t.spec.generator).map((t) => t.id);
  if (notMarket.length > 0) throw userError('cli.tasks', `--mode market needs market tasks, and ${notMarket.join(', ')} ${notMarket.length === 1 ? 'is' : 'are'} not`, 'pick market tasks (--tasks market, see shipbench tasks list)');
  const parsed = MarketRunSchema.safeParse({ ...(flags.days ? { days: flags.days } : {}), ...(flags.sprintDays ? { sprintDays: flags.sprintDays } : {}), ...(flags.customers ? { customers: flags.customers } : {}), ...(flags.seed !== undefined ? { seed: flags.seed } : {}), ...(flags.seeds ? { seeds: flags.seeds } : {}), ...(flags.brief !== undefined ? { brief: flags.brief } : {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'market');
    if (field === 'brief') throw userError('cli.brief', `--brief must be spec or hypothesis, not "${flags.brief}"`, 'pick one of them');
    throw userError('cli.market', `--${field === 'sprintDays' ? 'sprint-days' : field}: ${issue?.message ?? 'invalid'}`, 'fix the flag');
  }
  return parsed.data;
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
  const mode = RunModeSchema.safeParse(flags.mode).data;
  if (!mode) throw userError('cli.mode', `--mode must be rebuild or market, not "${flags.mode}"`, 'pick one of them');
  const tasks = resolveTasks(flags.tasks);
  const market = mode === 'market' ? marketRun(flags, tasks) : undefined;
  if (market) for (const task of tasks) await readMarketBrief(task, market.brief);
  if (mode === 'rebuild') {
    const marketTasks = tasks.filter((t) => t.spec.kind === 'market').map((t) => t.id);
    if (marketTasks.length > 0) throw userError('cli.tasks', `${marketTasks.join(', ')}: market tasks keep their reference hidden, so a rebuild run cannot give it to the agent`, `run them with --mode market, score a product with shipbench market --task ${marketTasks[0]} <submission>, or pick rebuild tasks (--tasks core)`);
    const marketOnly = (['days', 'sprintDays', 'customers', 'seed', 'seeds', 'brief'] as const).find((k) => flags[k] !== undefined);
    if (marketOnly) throw userError('cli.mode', `--${marketOnly === 'sprintDays' ? 'sprint-days' : marketOnly} only applies with --mode market`, 'add --mode market or drop it');
  }
  const agents = agentSpecs(flags, tasks);
  const defaults = mode === 'market' ? MARKET_SPRINT_LIMITS : {};
  const limits = TrialLimitsSchema.parse({
    ...defaults,
    ...(flags.steps ? { steps: flags.steps } : {}),
    ...(flags.timeLimit ? { timeMinutes: flags.timeLimit } : {}),
    ...(usd('--cost-limit', flags.costLimit) !== undefined ? { costUsd: usd('--cost-limit', flags.costLimit) } : {}),
    runCostUsd: usd('--run-cost-limit', flags.runCostLimit) ?? null,
  });
  const dbPath = storePath(flags.db);
  const db = openStore(dbPath);
  try {
    const run = await createNewRun(db, { name: flags.name, tasks, agents, attempts: flags.attempts, policy, allow, limits, ...(market ? { market } : {}), artifactsRoot: artifactsRoot(dbPath), version: VERSION });
    const world = market ? `; market: ${market.days} days in sprints of ${market.sprintDays}, ${market.brief} brief, seed ${market.seed} (${market.seeds} worlds)${market.customers ? `, ${market.customers} customers` : ''}, per sprint ${limits.steps} steps, ${limits.timeMinutes} min, $${limits.costUsd}` : '';
    if (!flags.json) process.stderr.write(`run ${run.id}${run.name !== run.id ? ` (${run.name})` : ''}: ${tasks.length} tasks × ${agents.length} agents × ${flags.attempts} attempts, policy ${policy}${allow.length ? ` (${allow.join(', ')})` : ''}${world}; artifacts in ${run.artifactsDir}\n`);
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
  const market = run.config.mode === 'market' ? runMarketLeaderboard(db, trials) : null;
  // Trials another live process holds are its to finish, not left over by this one.
  const elsewhere = heldTrials(db, run.id, ownerGone).length;
  const unfinished = trials.filter((t) => t.status !== 'done').length;
  if (unfinished - elsewhere > 0) process.exitCode = 1;
  if (json) {
    out(JSON.stringify({ run: { id: run.id, name: run.name, mode: run.config.mode, artifactsDir: run.artifactsDir }, finishedNow: tally.done, unfinished, runningElsewhere: elsewhere, trials, leaderboard: rows, ...(market ? { marketLeaderboard: market } : {}) }));
    return;
  }
  out(trialsTable(trials));
  out('');
  if (market && market.length > 0) out(`market (${run.config.market?.days} days, seed ${run.config.market?.seed}):\n${marketLeaderboardTable(market)}\n\nbehaviour of the last builds on the hidden suite:`);
  if (rows.length > 0) out(leaderboardTable(rows));
  if (elsewhere > 0) out(`\n${elsewhere} trials are still running in another process; shipbench runs show ${run.name} follows them`);
  if (unfinished - elsewhere > 0) out(`\n${unfinished - elsewhere} trials are unfinished; run them with: shipbench runs resume ${run.name}`);
}
