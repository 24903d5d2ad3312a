import { Command, CommanderError } from 'commander';
import { isShipbenchError } from '../errors.js';
import { registerDemo } from './commands/demo.js';
import { registerGrade } from './commands/grade.js';
import { registerGrades } from './commands/grades.js';
import { registerLeaderboard } from './commands/leaderboard.js';
import { registerMarket } from './commands/market.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerSchemas } from './commands/schemas.js';
import { registerTasks } from './commands/tasks.js';
import { InvalidOptionValue, VERSION } from './context.js';

// Exit codes: 0 done, 1 a check that failed (tasks check), 2 the user's input was wrong, 70 a bug.
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

export function buildProgram(): Command {
  const program = new Command('shipbench')
    .description('run coding agents on program rebuilds and grade them against behavioural suites, in bubblewrap sandboxes')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerDemo(program);
  registerGrade(program);
  registerGrades(program);
  registerRun(program);
  registerRuns(program);
  registerLeaderboard(program);
  registerMarket(program);
  registerReport(program);
  registerTasks(program);
  registerSchemas(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

// The single top-level error handler: user errors are one line and exit 2; bugs print a report.
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander already printed the message (or the help / version).
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof InvalidOptionValue) {
    process.stderr.write(`shipbench: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (isShipbenchError(error) && error.kind === 'user') {
    process.stderr.write(`shipbench: ${error.oneLine()}\n`);
    return EXIT_USAGE;
  }
  const issues = (error as { issues?: unknown[] } | null)?.issues;
  const detail = Array.isArray(issues) ? JSON.stringify(issues.slice(0, 3)) : '';
  process.stderr.write(
    `shipbench: internal error: ${error instanceof Error ? error.message : String(error)}\n${detail ? `${detail}\n` : ''}` +
      `${error instanceof Error && error.stack ? error.stack.split('\n').slice(1, 8).join('\n') : ''}\n` +
      `This is a bug in shipbench ${VERSION}; please report it with the command you ran.\n`,
  );
  return EXIT_INTERNAL;
}
