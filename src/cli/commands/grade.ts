import type { Command } from 'commander';
import { positiveInt } from '../context.js';
import type { GradeFlags } from '../actions/grade.js';

export function registerGrade(program: Command): void {
  program
    .command('grade')
    .description('build a submission in a sandbox and run the task suite against it')
    .argument('[submission]', 'folder with compile.sh, or a .tar.gz of one')
    .requiredOption('-t, --task <id|path>', 'task id (see tasks list) or task folder')
    .option('--reference', 'grade the reference program itself instead of a submission')
    .option('--json', 'print the grade result as one JSON object')
    .option('--junit <file>', 'also write a JUnit XML report')
    .option('-j, --concurrency <n>', 'cases run at once (default: number of cores)', positiveInt('--concurrency'))
    .option('--db <path>', 'SQLite store (default: $SHIPBENCH_DB or .shipbench/shipbench.db)')
    .option('--no-store', 'do not record the grade in the store')
    .option('--sandbox-per-case', 'a fresh sandbox for every case (slower) instead of one warm sandbox per worker')
    .option('--show-failures <n>', 'failing cases shown with their diff', positiveInt('--show-failures'), 5)
    .action(async (submission: string | undefined, flags: GradeFlags) => (await import('../actions/grade.js')).gradeAction(submission, flags));
}
