// Schema migrations, applied in order; PRAGMA user_version records how many have run.
export const migrations: readonly string[] = [
  `
  CREATE TABLE grades (
    id TEXT PRIMARY KEY,
    task TEXT NOT NULL,
    suite_sha256 TEXT NOT NULL,
    submission_kind TEXT NOT NULL,
    submission_path TEXT NOT NULL,
    submission_sha256 TEXT,
    policy TEXT NOT NULL,
    build_status TEXT NOT NULL,
    build_failure TEXT,
    passed INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    total INTEGER NOT NULL,
    score REAL NOT NULL,
    resolved INTEGER NOT NULL,
    almost_resolved INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    duration_ms REAL NOT NULL,
    shipbench_version TEXT NOT NULL,
    result_json TEXT NOT NULL
  );
  CREATE INDEX grades_task ON grades(task, started_at);
  CREATE TABLE case_results (
    grade_id TEXT NOT NULL REFERENCES grades(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    case_id TEXT NOT NULL,
    passed INTEGER NOT NULL,
    failures TEXT NOT NULL,
    ended_by TEXT NOT NULL,
    exit_code INTEGER,
    wall_ms REAL NOT NULL,
    cpu_ms REAL,
    diff TEXT,
    PRIMARY KEY (grade_id, ordinal)
  );
  CREATE INDEX case_results_failing ON case_results(grade_id, passed);
  `,
];
