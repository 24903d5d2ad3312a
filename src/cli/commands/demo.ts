import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the oracle and null agents on three built-in tasks and print the leaderboard (what npm start runs)')
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .option('--json', 'print the run, its trials and the leaderboard as JSON')
    .action(async (flags: { db?: string; json?: boolean }) => (await import('../actions/demo.js')).demoAction(flags));
}
