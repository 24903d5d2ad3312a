import type { Command } from 'commander';
import { InvalidOptionValue, positiveInt, wholeNumber } from '../context.js';
import type { ArenaFlags, CalibrateFlags, MarketFlags } from '../actions/market.js';

function price(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidOptionValue(`--price takes an amount in USD of 0 or more, not "${value}"`);
  return n;
}

// The options of a market's world, its output and its store, shared by market and market arena.
function withWorldOptions(command: Command, what: string): Command {
  return command
    .option('--days <n>', 'days to simulate', positiveInt('--days'))
    .option('--customers <n>', 'customers in the pool', positiveInt('--customers'))
    .option('--seed <n>', 'seed of the simulated world', wholeNumber('--seed'))
    .option('--seeds <n>', `worlds to run ${what} in, seeds --seed onwards, on the same workload pool`, positiveInt('--seeds', 100), 5)
    .option('--price <usd>', 'list price per customer per month', price)
    .option('--json', 'print the result as one JSON object')
    .option('-j, --concurrency <n>', `jobs run at once while measuring ${what} (default: number of cores)`, positiveInt('--concurrency'))
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .option('--no-store', 'do not record the market in the store');
}

export function registerMarket(program: Command): void {
  const market = withWorldOptions(
    program
      .command('market')
      .description('ship a submission to a simulated customer pool for 90 days and score ARR and the bank balance')
      .argument('[submission]', 'folder with compile.sh, or a .tar.gz of one')
      .option('-t, --task <id|path>', 'task id (see tasks list) or task folder (required)')
      .option('--reference', 'ship the reference program itself (the flawless product)'),
    'the product',
  )
    .enablePositionalOptions()
    .action(async (submission: string | undefined, flags: MarketFlags) => (await import('../actions/market.js')).marketAction(submission, flags));
  withWorldOptions(
    market
      .command('arena')
      .description('several products in one market: the same customers choose between them by what each does for their jobs, its price and word of mouth, and may switch')
      .argument('<products...>', 'two to eight products: folders with compile.sh, .tar.gz files, or the words reference and null')
      .option('-t, --task <id|path>', 'task id (see tasks list) or task folder (required)'),
    'the products',
  ).action(async (products: string[], flags: ArenaFlags) => (await import('../actions/market.js')).arenaAction(products, flags));
  market
    .command('calibrate')
    .description('null product, the reference and a ladder of degraded references on one pool: ARR must rise along the ladder')
    .argument('<task>', 'task id or folder')
    .option('--seeds <n>', 'seeds to report the spread over', positiveInt('--seeds'), 5)
    .option('--customers <n>', 'customers in the pool (default 10000: a steadier ladder)', positiveInt('--customers'), 10_000)
    .option('--days <n>', 'days to simulate', positiveInt('--days'))
    .option('--json', 'print the calibration as one JSON object')
    .option('-j, --concurrency <n>', 'jobs run at once while recording the pool', positiveInt('--concurrency'))
    .option('--db <path>', 'SQLite store whose folder holds the workload cache (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .action(async (task: string, flags: CalibrateFlags) => (await import('../actions/market.js')).calibrateAction(task, flags));
}
