import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { isDiskFull, isShipbenchError, userError } from '../errors.js';
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

// Exit codes: 0 done, 1 a check that failed (tasks check) or trials left unfinished, 2 the user's
// input was wrong, 70 a bug, 75 a disk or the store is full (free space, then run it again or
// resume the run).
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;
export const EXIT_DISK_FULL = 75;

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
    const bad = argumentNotUtf8(argv);
    if (bad !== null) {
      throw userError('cli.encoding', `argument ${JSON.stringify(argv[bad])} is not valid UTF-8, so shipbench cannot name that file`, 'rename it (or the folder holding it) to a UTF-8 name');
    }
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
  if (isDiskFull(error)) {
    const what = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`shipbench: a disk is full (${what}); free space and run the command again (an interrupted run resumes with: shipbench runs resume <run>)\n`);
    return EXIT_DISK_FULL;
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

// The index of the first argument whose bytes are not valid UTF-8 (Node hands them over with
// replacement characters, so such a path could not be opened), or null. The bytes are read from
// /proc/self/cmdline where there is one.
function argumentNotUtf8(argv: readonly string[]): number | null {
  if (!argv.some((a) => a.includes('\uFFFD'))) return null;
  let raw: Buffer[];
  try {
    raw = readFileSync('/proc/self/cmdline').toString('latin1').split('\0').slice(0, -1).map((a) => Buffer.from(a, 'latin1'));
  } catch {
    return argv.findIndex((a) => a.includes('\uFFFD'));
  }
  const mine = raw.slice(raw.length - argv.length);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < mine.length; i++) {
    try {
      decoder.decode(mine[i]);
    } catch {
      return i;
    }
  }
  return null;
}
