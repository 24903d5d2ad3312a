import type { Command } from 'commander';
import { positiveInt, wholeNumber } from '../context.js';
import type { RunFlags } from '../actions/run.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run agents on tasks in cleanroom sandboxes, grade every submission and record the trials')
    .requiredOption('--tasks <ids>', 'comma-separated task ids or folders, or a dataset name (core)')
    .requiredOption('--agent <kind>', 'mini, command, oracle, null or replay (repeat for several)', collect)
    .option('--model <name>', 'model of the mini agent (repeat to compare models; default: $SHIPBENCH_MODEL)', collect)
    .option('--provider <name>', 'openai (any compatible endpoint) or anthropic (default: from the model name)')
    .option('--base-url <url>', 'model API base URL (default: $OPENAI_BASE_URL or $ANTHROPIC_BASE_URL)')
    .option('--agent-command <cmd>', 'command agent: the agent CLI; {instruction} and {instruction_file} are filled in')
    .option('--trajectory <file>', 'replay agent: the trajectory.jsonl to replay')
    .option('-k, --attempts <n>', 'attempts per task and agent', positiveInt('--attempts', 100), 1)
    .option('--concurrency <n>', 'trials run at once', positiveInt('--concurrency', 256), 1)
    .option('--name <name>', 'name of the run (default: its id)')
    .option('--policy <policy>', 'network of the agent sandbox: cleanroom (none), allowlist (only --allow) or open', 'cleanroom')
    .option('--allow <host:port>', 'allowlist policy: a host:port the agent may reach (repeat for several)', collect)
    .option('--mode <mode>', 'rebuild (grade against the hidden suite) or market (weekly sprints in front of the customer pool)', 'rebuild')
    .option('--days <n>', 'market mode: days simulated (default 90)', positiveInt('--days'))
    .option('--sprint-days <n>', 'market mode: days simulated after each sprint (default 7)', positiveInt('--sprint-days'))
    .option('--customers <n>', "market mode: customer pool size (default: the task's)", positiveInt('--customers'))
    .option('--seed <n>', 'market mode: seed of the simulated world, the same for every trial (default 1)', wholeNumber('--seed'))
    .option('--brief <kind>', 'market mode: the brief agents get, spec (the full contract and docs) or hypothesis (the customer problem, segments, price band and example sessions; no docs)')
    .option('--seeds <n>', 'market mode: worlds each trial is scored in, seeds --seed onwards; the agent lives in the first, the others replay its builds (default 5)', positiveInt('--seeds', 100))
    .option('--steps <n>', 'model replies per trial at most (per sprint in market mode; default 250, market 60)', positiveInt('--steps'))
    .option('--time-limit <min>', 'minutes per trial at most (per sprint in market mode; default 60, market 20)', positiveInt('--time-limit'))
    .option('--cost-limit <usd>', 'model spend per trial at most, in USD (per sprint in market mode; default 3, market 1)')
    .option('--run-cost-limit <usd>', 'model spend of the whole run at most, in USD')
    .option('--json', 'print the run summary as JSON')
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .action(async (flags: RunFlags) => (await import('../actions/run.js')).runAction(flags));
}
