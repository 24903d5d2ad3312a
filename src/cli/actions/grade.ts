import { dirname } from 'node:path';
import { userError } from '../../errors.js';
import { gradeSubmission } from '../../grade/grade.js';
import { gradeToJunit } from '../../report/junit.js';
import { storePath } from '../../store/db.js';
import { saveGrade } from '../../store/grades.js';
import { findTask } from '../../tasks/load-task.js';
import { writeFileAtomic } from '../../util/fs.js';
import { openStore, out, VERSION } from '../context.js';
import { formatGrade } from '../format.js';
import { createProgress } from '../progress.js';

export interface GradeFlags {
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

// grade: build a submission and run its task's suite.
export async function gradeAction(submission: string | undefined, flags: GradeFlags): Promise<void> {
  if (!submission && !flags.reference) throw userError('cli.submission', 'grade needs a submission folder or tarball', 'give its path, or pass --reference to grade the reference');
  if (submission && flags.reference) throw userError('cli.submission', 'give either a submission or --reference, not both', 'drop one of them');
  const task = findTask(flags.task);
  const dbPath = storePath(flags.db);
  const db = flags.store ? openStore(dbPath) : null;
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
}
