import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { GradeResult } from '../../contracts/grade.js';
import { gradeSubmission } from '../../grade/grade.js';
import { openDb, storePath } from '../../store/db.js';
import { saveGrade } from '../../store/grades.js';
import { findTask } from '../../tasks/load-task.js';
import { removeTree } from '../../util/fs.js';
import { out, VERSION } from '../context.js';
import { percent, table, verdictWord } from '../format.js';
import { createProgress } from '../progress.js';

const DEMO_TASK = 'wc';

// A submission that builds an executable which prints nothing and exits 0.
export async function writeNullSubmission(dir: string): Promise<void> {
  await writeFile(join(dir, 'compile.sh'), '#!/bin/sh\nprintf \'#!/bin/sh\\nexit 0\\n\' > executable\nchmod +x executable\n');
  await chmod(join(dir, 'compile.sh'), 0o755);
}

// demo: grade the wc baseline and the null submission (what npm start runs).
export async function demoAction(flags: { db?: string; json?: boolean }): Promise<void> {
  const task = findTask(DEMO_TASK);
  const dbPath = storePath(flags.db);
  const db = openDb(dbPath);
  const nullDir = await mkdtemp(join(tmpdir(), 'shipbench-null-'));
  try {
    await writeNullSubmission(nullDir);
    const submissions = [
      { name: 'oracle (baseline solution)', path: join(task.dir, task.spec.solution ?? 'solution') },
      { name: 'null (empty program)', path: nullDir },
    ];
    if (!flags.json) out(`shipbench demo: grading two submissions for task "${task.id}" in bubblewrap sandboxes`);
    const grades: { name: string; grade: GradeResult }[] = [];
    for (const s of submissions) {
      const progress = createProgress(`  ${s.name}:`, { quiet: flags.json === true && !process.stderr.isTTY });
      const grade = await gradeSubmission({
        task,
        submission: s.path,
        extraHide: [dirname(dbPath)],
        version: VERSION,
        onPhase: (p) => p.phase === 'case' && progress.update(p.done, p.total, p.failed),
      });
      progress.finish();
      saveGrade(db, grade);
      grades.push({ name: s.name, grade });
    }
    if (flags.json) {
      out(JSON.stringify(grades.map(({ name, grade: g }) => ({ submission: name, id: g.id, task: g.task, build: g.build.status, passed: g.passed, failed: g.failed, total: g.total, score: g.score, resolved: g.resolved, almostResolved: g.almostResolved }))));
      return;
    }
    out('');
    out(
      table(
        ['submission', 'build', 'passed', 'score', 'verdict'],
        grades.map(({ name, grade: g }) => [name, g.build.status, `${g.passed}/${g.total}`, percent(g.score), verdictWord(g)]),
        [false, false, true, true, false],
      ),
    );
    out('');
    out(`stored in ${relative(process.cwd(), dbPath) || dbPath}; see one in full with: npx shipbench grade ${relative(process.cwd(), join(task.dir, task.spec.solution ?? 'solution'))} --task ${task.id}`);
  } finally {
    db.close();
    await removeTree(nullDir);
  }
}
