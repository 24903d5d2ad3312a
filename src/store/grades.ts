import { GradeResultSchema, type GradeResult } from '../contracts/grade.js';
import type { Db } from './db.js';

// Persists a grade and every case verdict in one transaction.
export function saveGrade(db: Db, g: GradeResult): void {
  const insertGrade = db.prepare(`INSERT INTO grades (id, task, suite_sha256, submission_kind, submission_path, submission_sha256, policy,
    build_status, build_failure, passed, failed, total, score, resolved, almost_resolved, started_at, duration_ms, shipbench_version, result_json)
    VALUES (@id, @task, @suiteSha256, @kind, @path, @sha, @policy, @buildStatus, @buildFailure, @passed, @failed, @total, @score, @resolved,
    @almost, @startedAt, @durationMs, @version, @json)`);
  const insertCase = db.prepare(`INSERT INTO case_results (grade_id, ordinal, case_id, passed, failures, ended_by, exit_code, wall_ms, cpu_ms, diff)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    insertGrade.run({
      id: g.id,
      task: g.task,
      suiteSha256: g.suiteSha256,
      kind: g.submission.kind,
      path: g.submission.path,
      sha: g.submission.sha256,
      policy: g.policy,
      buildStatus: g.build.status,
      buildFailure: g.build.failure,
      passed: g.passed,
      failed: g.failed,
      total: g.total,
      score: g.score,
      resolved: g.resolved ? 1 : 0,
      almost: g.almostResolved ? 1 : 0,
      startedAt: g.startedAt,
      durationMs: g.durationMs,
      version: g.shipbenchVersion,
      json: JSON.stringify(g),
    });
    g.cases.forEach((c, i) => {
      insertCase.run(g.id, i, c.id, c.passed ? 1 : 0, c.failures.join(','), c.outcome.endedBy, c.outcome.exitCode, c.outcome.wallMs, c.outcome.cpuMs, c.diff);
    });
  })();
}

export interface GradeSummary {
  id: string;
  task: string;
  submissionKind: string;
  submissionPath: string;
  buildStatus: string;
  passed: number;
  total: number;
  score: number;
  resolved: boolean;
  startedAt: string;
}

// The most recent grades, newest first, optionally for one task.
export function listGrades(db: Db, options: { task?: string; limit?: number } = {}): GradeSummary[] {
  const rows = db
    .prepare(`SELECT id, task, submission_kind, submission_path, build_status, passed, total, score, resolved, started_at FROM grades
      WHERE (@task IS NULL OR task = @task) ORDER BY started_at DESC, rowid DESC LIMIT @limit`)
    .all({ task: options.task ?? null, limit: options.limit ?? 50 }) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string,
    task: r.task as string,
    submissionKind: r.submission_kind as string,
    submissionPath: r.submission_path as string,
    buildStatus: r.build_status as string,
    passed: r.passed as number,
    total: r.total as number,
    score: r.score as number,
    resolved: r.resolved === 1,
    startedAt: r.started_at as string,
  }));
}

// One stored grade in full, validated against the current schema; undefined when absent.
export function getGrade(db: Db, id: string): GradeResult | undefined {
  const row = db.prepare('SELECT result_json FROM grades WHERE id = ?').get(id) as { result_json: string } | undefined;
  return row ? GradeResultSchema.parse(JSON.parse(row.result_json)) : undefined;
}

// Case verdict rows of a grade, in suite order.
export function caseRows(db: Db, gradeId: string): { caseId: string; passed: boolean; failures: string[] }[] {
  const rows = db.prepare('SELECT case_id, passed, failures FROM case_results WHERE grade_id = ? ORDER BY ordinal').all(gradeId) as {
    case_id: string;
    passed: number;
    failures: string;
  }[];
  return rows.map((r) => ({ caseId: r.case_id, passed: r.passed === 1, failures: r.failures ? r.failures.split(',') : [] }));
}

// Ids of stored grades that start with `prefix` (at most `limit`).
export function findGradeIds(db: Db, prefix: string, limit = 2): string[] {
  const rows = db.prepare("SELECT id FROM grades WHERE substr(id, 1, length(?)) = ? LIMIT ?").all(prefix, prefix, limit) as { id: string }[];
  return rows.map((r) => r.id);
}
