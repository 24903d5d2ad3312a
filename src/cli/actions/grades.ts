import { userError } from '../../errors.js';
import { storePath } from '../../store/db.js';
import { findGradeIds, getGrade, listGrades } from '../../store/grades.js';
import { openStore, out } from '../context.js';
import { formatGrade, percent, table } from '../format.js';

// grades list: the most recent stored grades.
export function listGradesAction(flags: { task?: string; limit: number; db?: string; json?: boolean }): void {
  const db = openStore(storePath(flags.db));
  try {
    const rows = listGrades(db, { task: flags.task, limit: flags.limit });
    if (flags.json) return out(JSON.stringify(rows));
    if (rows.length === 0) return out('no grades stored yet (run: shipbench grade <submission> --task <id>)');
    out(table(['id', 'task', 'submission', 'build', 'passed', 'score', 'when'], rows.map((r) => [r.id.slice(0, 8), r.task, r.submissionKind === 'reference' ? 'reference' : r.submissionPath, r.buildStatus, `${r.passed}/${r.total}`, percent(r.score), r.startedAt]), [false, false, false, false, true, true, false]));
  } finally {
    db.close();
  }
}

// grades show: one stored grade in full.
export function showGradeAction(id: string, flags: { db?: string; json?: boolean }): void {
  const db = openStore(storePath(flags.db));
  try {
    const matches = findGradeIds(db, id);
    if (matches.length !== 1) throw userError('grades.id', matches.length === 0 ? `no stored grade "${id}"` : `"${id}" matches more than one grade`, 'give more of the id (see shipbench grades list)');
    const grade = getGrade(db, matches[0] as string);
    if (!grade) throw userError('grades.id', `no stored grade "${id}"`, 'see shipbench grades list');
    out(flags.json ? JSON.stringify(grade) : formatGrade(grade, 20));
  } finally {
    db.close();
  }
}
