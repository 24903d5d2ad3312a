import type { Command } from 'commander';

export function registerLeaderboard(program: Command): void {
  program
    .command('leaderboard')
    .description('agents ranked by resolved, almost resolved and mean pass rate, with pass@k, pass^k and 95% intervals')
    .option('--run <run>', 'only the trials of this run (default: every finished trial in the store)')
    .option('--json', 'print the rows as JSON')
    .option('--db <path>', 'SQLite store')
    .action(async (flags: { run?: string; json?: boolean; db?: string }) => (await import('../actions/leaderboard.js')).leaderboardAction(flags));
}
