import { dirname } from 'node:path';
import type { Command } from 'commander';
import { userError } from '../../errors.js';
import { gradeSubmission } from '../../grade/grade.js';
import { gradeToJunit } from '../../report/junit.js';
import { openDb, storePath } from '../../store/db.js';
import { saveGrade } from '../../store/grades.js';
import { findTask } from '../../tasks/load-task.js';
import { writeFileAtomic } from '../../util/fs.js';
import { out, positiveInt, VERSION } from '../context.js';
import { formatGrade } from '../format.js';
import { createProgress } from '../progress.js';

interface GradeFlags {
  task: string;
  reference?: boolean;
  json?: boolean;
  junit?: string;
  concurrency?: number;
  db?: string;
  store: boolean;
  showFailures: number;
  sandboxPerCase?: boolean;
}

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
    .action(async (submission: string | undefined, flags: GradeFlags) => {
      if (!submission && !flags.reference) throw userError('cli.submission', 'grade needs a submission folder or tarball', 'give its path, or pass --reference to grade the reference');
      if (submission && flags.reference) throw userError('cli.submission', 'give either a submission or --reference, not both', 'drop one of them');
      const task = findTask(flags.task);
      const dbPath = storePath(flags.db);
      const db = flags.store ? openDb(dbPath) : null;
      const progress = createProgress(`grading ${task.id}:`, { quiet: flags.json === true && !process.stderr.isTTY });
      try {
        const grade = await gradeSubmission({
          task,
          submission: flags.reference ? 'reference' : (submission as string),
          concurrency: flags.concurrency,
          isolation: flags.sandboxPerCase ? 'per-case' : 'warm',
          extraHide: [dirname(dbPath)],
          version: VERSION,
          onPhase: (p) => {
            if (p.phase === 'case') progress.update(p.done, p.total, p.failed);
            else if (p.phase === 'build' && !flags.json) process.stderr.write(`building ${submission} in a sandbox…\n`);
          },
        });
        progress.finish();
        if (db) saveGrade(db, grade);
        if (flags.junit) await writeFileAtomic(flags.junit, gradeToJunit(grade));
        out(flags.json ? JSON.stringify(grade) : formatGrade(grade, flags.showFailures));
      } finally {
        progress.finish();
        db?.close();
      }
    });
}
