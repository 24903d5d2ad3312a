import type { Command } from 'commander';
import { InvalidOptionValue } from '../context.js';
import type { ReportFlags, ViewFlags } from '../actions/report.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidOptionValue(`--port takes a port number from 0 to 65535, not "${value}"`);
  return n;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a run (and the stored markets) as one self-contained HTML file')
    .option('--run <run>', 'run id, name or id prefix (default: the newest run)')
    .option('--out <file>', 'where to write the report', 'report.html')
    .option('--json', 'print the report data as one JSON object instead of writing HTML')
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .action(async (flags: ReportFlags) => (await import('../actions/report.js')).reportAction(flags));
  program
    .command('view')
    .description('serve the report from the store on 127.0.0.1, live while a run is in progress (Ctrl-C stops)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', port, 8765)
    .option('--run <run>', 'run id, name or id prefix (default: the newest run)')
    .option('--json', 'print the address as JSON once listening')
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .action(async (flags: ViewFlags) => (await import('../actions/report.js')).viewAction(flags));
}
