import { dirname, join } from 'node:path';
import { AgentKindSchema, ModelProviderSchema, type AgentSpec } from '../contracts/run.js';
import { userError } from '../errors.js';
import { checkModelConfig, modelFromEnvironment } from '../agent/model.js';
import { readTrajectory } from '../agent/trajectory.js';
import { executeRun, type RunTally } from '../orchestrate/run.js';
import type { Db } from '../store/db.js';
import type { RunRow } from '../store/runs.js';
import { findTask, listTaskDirs, loadTaskDir, type Task } from '../tasks/load-task.js';
import { VERSION } from './context.js';
import { percent } from './format.js';
import { usd } from './format-market.js';

// Tasks from a comma-separated list of ids or folders, or every task of a dataset.
export function resolveTasks(spec: string): Task[] {
  const refs = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (refs.length === 0) throw userError('cli.tasks', '--tasks is empty', 'give task ids (wc,tac) or a dataset name (core)');
  const entries = listTaskDirs();
  const datasets = new Set(entries.map((t) => t.dataset));
  const out: Task[] = [];
  for (const ref of refs) {
    if (datasets.has(ref)) out.push(...entries.filter((t) => t.dataset === ref).map((t) => loadTaskDir(t.dir, t.dataset)));
    else out.push(findTask(ref));
  }
  const seen = new Set<string>();
  return out.filter((t) => !seen.has(t.id) && seen.add(t.id));
}

export interface AgentFlags {
  agent: string[];
  model?: string[];
  provider?: string;
  baseUrl?: string;
  agentCommand?: string;
  trajectory?: string;
}

// The agents of a run from the flags; every mini agent gets one model (several --model flags
// give several mini agents). Checks what each needs before anything runs.
export function agentSpecs(flags: AgentFlags, tasks: readonly Task[]): AgentSpec[] {
  const provider = flags.provider === undefined ? undefined : ModelProviderSchema.safeParse(flags.provider).data;
  if (flags.provider !== undefined && !provider) throw userError('cli.provider', `--provider must be openai or anthropic, not "${flags.provider}"`, 'pick one of them');
  const specs: AgentSpec[] = [];
  for (const kindText of flags.agent) {
    const kind = AgentKindSchema.safeParse(kindText).data;
    if (!kind) throw userError('cli.agent', `--agent must be one of ${AgentKindSchema.options.join(', ')}, not "${kindText}"`, 'pick one of them');
    if (kind === 'mini') {
      const models = flags.model ?? (process.env.SHIPBENCH_MODEL ? [process.env.SHIPBENCH_MODEL] : []);
      if (models.length === 0) throw userError('cli.model', 'the mini agent needs a model', 'give --model NAME or set SHIPBENCH_MODEL');
      for (const model of models) {
        const config = modelFromEnvironment({ model, baseUrl: flags.baseUrl, provider });
        if (config) checkModelConfig(config);
        specs.push({ kind, model, ...(provider ? { provider } : {}), ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}) });
      }
    } else if (kind === 'command') {
      if (!flags.agentCommand) throw userError('cli.agent-command', 'the command agent needs --agent-command', "for example --agent-command 'claude -p \"$(cat {instruction_file})\"'");
      specs.push({ kind, command: flags.agentCommand });
    } else if (kind === 'replay') {
      if (!flags.trajectory) throw userError('cli.trajectory', 'the replay agent needs --trajectory <file>', 'give a trajectory.jsonl of an earlier run');
      readTrajectory(flags.trajectory);
      specs.push({ kind, trajectory: flags.trajectory });
    } else {
      if (kind === 'oracle') {
        const without = tasks.filter((t) => !t.spec.solution).map((t) => t.id);
        if (without.length > 0) throw userError('cli.oracle', `the oracle agent needs a known solution, and ${without.join(', ')} ${without.length === 1 ? 'has' : 'have'} none`, 'leave those tasks out or add `solution:` to their task.yaml');
      }
      specs.push({ kind });
    }
  }
  return specs;
}

// Where measured workloads and products are cached: next to the store.
export function marketCache(dbPath: string): string {
  return join(dirname(dbPath), 'cache', 'market');
}

// The folder of the run artifacts beside the store.
export function artifactsRoot(dbPath: string): string {
  return join(dirname(dbPath), 'runs');
}

// Executes a stored run's unfinished trials with a line per trial on stderr; Ctrl-C stops it
// resumably.
export async function executeWithProgress(db: Db, run: RunRow, tasks: readonly Task[], options: { concurrency: number; dbPath: string; quiet: boolean }): Promise<RunTally> {
  const abort = new AbortController();
  const onInterrupt = () => {
    process.stderr.write(`\nstopping; resume with: shipbench runs resume ${run.name}\n`);
    abort.abort();
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  let finished = 0;
  let total = 0;
  const say = (text: string) => !options.quiet && process.stderr.write(`${text}\n`);
  try {
    return await executeRun({
      db,
      run,
      tasks: new Map(tasks.map((t) => [t.id, t])),
      concurrency: options.concurrency,
      privateDirs: [dirname(options.dbPath), run.artifactsDir],
      marketCacheDir: marketCache(options.dbPath),
      version: VERSION,
      signal: abort.signal,
      onEvent: (e) => {
        if (e.kind === 'start') {
          total = e.todo;
          say(`run ${run.name}: ${e.todo} of ${e.total} trials to run${e.reclaimed ? ` (${e.reclaimed} interrupted before)` : ''}`);
        } else if (e.kind === 'trial-done') {
          finished++;
          const { grade, episode } = e.output;
          const verdict = grade.resolved ? 'resolved' : grade.almostResolved ? 'almost resolved' : 'not resolved';
          const cost = episode.usage.priced ? `$${episode.usage.costUsd.toFixed(4)}` : 'cost unknown';
          const market = e.output.market ? `ARR ${usd(e.output.market.summary.arr)}, balance ${usd(e.output.market.summary.balance)}; ` : '';
          say(`[${finished}/${total}] ${e.trial.task} · ${e.trial.agent} · #${e.trial.attempt}: ${market}${percent(grade.score)} ${verdict} (${episode.exitStatus}, ${episode.steps} steps, ${cost}, ${(e.output.durationMs / 1000).toFixed(1)} s)`);
        } else if (e.kind === 'trial-week') {
          const d = e.last;
          say(`  ${e.trial.task} · ${e.trial.agent} · #${e.trial.attempt}: day ${e.day}/${e.days}, MRR ${usd(d.mrr)}, ${d.paying} paying, ${d.trial} in trial, balance ${usd(d.balance)}`);
        } else if (e.kind === 'trial-skipped') {
          total--;
          say(`  ${e.trial.task} · ${e.trial.agent} · #${e.trial.attempt}: left to another process (${e.why})`);
        } else if (e.kind === 'trial-failed') {
          say(`  ${e.trial.task} · ${e.trial.agent} · #${e.trial.attempt}: try ${e.tryNumber} failed: ${e.error}${e.willRetry ? '; retrying' : ''}`);
        }
      },
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
