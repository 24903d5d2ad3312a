import { GradeResultSchema, type GradeResult } from '../contracts/grade.js';
import type { Db } from './db.js';

// Persists a grade and every case verdict in one transaction.
export function saveGrade(db: Db, g: GradeResult): void {
  const insertGrade = db.prepare(`INSERT INTO grades (id, task, suite_sha256, submission_kind, submission_path, submission_sha256, policy,
    build_status, build_failure, passed, failed, total, score, resolved, almost_resolved, started_at, duration_ms, shipbench_version, result_json)
    VALUES (@id, @task, @suiteSha256, @kind, @path, @sha, @policy, @buildStatus, @buildFailure, @passed, @failed, @total, @score, @resolved,
    @almost, @startedAt, @durationMs, @version, @json)`);
  const insertCase = db.prepare(`INSERT INTO case_results (grade_id, ordinal, case_id, passed, failures, ended_by, exit_code, wall_ms, cpu_ms, diff, features)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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
      insertCase.run(g.id, i, c.id, c.passed ? 1 : 0, c.failures.join(','), c.outcome.endedBy, c.outcome.exitCode, c.outcome.wallMs, c.outcome.cpuMs, c.diff, c.features.join(','));
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

export interface CaseRow {
  id: string;
  passed: boolean;
  failures: string[];
  features: string[];
  diff: string | null;
}

function split(text: unknown): string[] {
  return typeof text === 'string' && text !== '' ? text.split(',') : [];
}

// A page of a grade's failing cases, in suite order, with their diffs.
export function failingCases(db: Db, gradeId: string, offset: number, limit: number): { rows: CaseRow[]; total: number } {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM case_results WHERE grade_id = ? AND passed = 0').get(gradeId) as { n: number }).n;
  const rows = db
    .prepare('SELECT case_id, failures, features, diff FROM case_results WHERE grade_id = ? AND passed = 0 ORDER BY ordinal LIMIT ? OFFSET ?')
    .all(gradeId, limit, offset) as Record<string, unknown>[];
  return { total, rows: rows.map((r) => ({ id: r.case_id as string, passed: false, failures: split(r.failures), features: split(r.features), diff: (r.diff as string | null) ?? null })) };
}

// passed / total per feature of a grade, or of several grades together.
export function featureTallies(db: Db, gradeId: string | readonly string[]): { feature: string; passed: number; total: number }[] {
  const ids = typeof gradeId === 'string' ? [gradeId] : gradeId;
  const tally = new Map<string, { passed: number; total: number }>();
  if (ids.length === 0) return [];
  for (const r of db.prepare(`SELECT passed, features FROM case_results WHERE grade_id IN (${ids.map(() => '?').join(',')})`).iterate(...ids) as Iterable<{ passed: number; features: string | null }>) {
    for (const f of split(r.features)) {
      const t = tally.get(f) ?? { passed: 0, total: 0 };
      t.total++;
      if (r.passed) t.passed++;
      tally.set(f, t);
    }
  }
  return [...tally].map(([feature, t]) => ({ feature, ...t })).sort((a, b) => a.passed / a.total - b.passed / b.total || a.feature.localeCompare(b.feature));
}

// The cases the given grades fail most often (grades of one task): how many of them fail each.
export function hardestCases(db: Db, gradeIds: readonly string[], limit: number): { id: string; failedIn: number; features: string[] }[] {
  if (gradeIds.length === 0) return [];
  const rows = db
    .prepare(`SELECT case_id, SUM(1 - passed) AS failed, MAX(features) AS features FROM case_results WHERE grade_id IN (${gradeIds.map(() => '?').join(',')})
      GROUP BY case_id HAVING failed > 0 ORDER BY failed DESC, MIN(ordinal) LIMIT ?`)
    .all(...gradeIds, limit) as { case_id: string; failed: number; features: string | null }[];
  return rows.map((r) => ({ id: r.case_id, failedIn: r.failed, features: split(r.features) }));
}

// A grade's counts and build, without reading every case verdict.
export function gradeHead(db: Db, gradeId: string): { passed: number; total: number; build: { status: string; message: string | null; logTail: string } } | null {
  const row = db.prepare("SELECT passed, total, json_extract(result_json, '$.build') AS build FROM grades WHERE id = ?").get(gradeId) as { passed: number; total: number; build: string } | undefined;
  if (!row) return null;
  const build = JSON.parse(row.build) as { status: string; message: string | null; logTail: string };
  return { passed: row.passed, total: row.total, build: { status: build.status, message: build.message, logTail: build.logTail } };
}
