import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('grade the wc baseline solution and the null submission on embedded defaults (what npm start runs)')
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .option('--json', 'print the two grade summaries as JSON')
    .action(async (flags: { db?: string; json?: boolean }) => (await import('../actions/demo.js')).demoAction(flags));
}
