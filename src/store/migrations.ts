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
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    config_json TEXT NOT NULL,
    config_sha256 TEXT NOT NULL,
    artifacts_dir TEXT NOT NULL,
    created_at TEXT NOT NULL,
    shipbench_version TEXT NOT NULL
  );
  CREATE TABLE trials (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    task TEXT NOT NULL,
    agent_index INTEGER NOT NULL,
    agent TEXT NOT NULL,
    model TEXT,
    attempt INTEGER NOT NULL,
    policy TEXT NOT NULL,
    status TEXT NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,
    grade_id TEXT REFERENCES grades(id),
    exit_status TEXT,
    steps INTEGER,
    input_tokens INTEGER,
    output_tokens INTEGER,
    cost_usd REAL,
    priced INTEGER,
    broker_calls INTEGER,
    score REAL,
    resolved INTEGER,
    almost_resolved INTEGER,
    started_at TEXT,
    finished_at TEXT,
    duration_ms REAL,
    error TEXT,
    artifacts_dir TEXT,
    UNIQUE (run_id, ordinal)
  );
  CREATE INDEX trials_run ON trials(run_id, status);
  CREATE TABLE trial_tries (
    trial_id TEXT NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
    try INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT NOT NULL,
    error TEXT,
    cost_usd REAL,
    artifacts_dir TEXT NOT NULL,
    PRIMARY KEY (trial_id, try)
  );
  `,
  `
  CREATE TABLE markets (
    id TEXT PRIMARY KEY,
    trial_id TEXT REFERENCES trials(id) ON DELETE CASCADE,
    task TEXT NOT NULL,
    product TEXT NOT NULL,
    seed INTEGER NOT NULL,
    customers INTEGER NOT NULL,
    config_hash TEXT NOT NULL,
    arr REAL NOT NULL,
    balance REAL NOT NULL,
    created_at TEXT NOT NULL,
    result_json TEXT NOT NULL
  );
  CREATE INDEX markets_trial ON markets(trial_id);
  ALTER TABLE case_results ADD COLUMN features TEXT;
  CREATE TABLE market_days (
    market_id TEXT NOT NULL REFERENCES markets(id) ON DELETE CASCADE,
    day INTEGER NOT NULL,
    mrr REAL NOT NULL,
    paying INTEGER NOT NULL,
    trial INTEGER NOT NULL,
    churned INTEGER NOT NULL,
    balance REAL NOT NULL,
    day_json TEXT NOT NULL,
    PRIMARY KEY (market_id, day)
  );
  `,
  `
  ALTER TABLE trials ADD COLUMN lease_owner TEXT;
  ALTER TABLE trials ADD COLUMN lease_until INTEGER;
  `,
  `
  ALTER TABLE trials ADD COLUMN score_aside REAL;
  `,
];
