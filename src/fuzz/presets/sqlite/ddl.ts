import { dot, sql, type Script } from './script.js';

// Schema changes and table kinds: ALTER TABLE (rename table/column, add/drop column) with the
// views, triggers and indexes that refer to what changes; generated columns; STRICT and WITHOUT
// ROWID tables; partial, expression and unique indexes; CHECK constraints; AUTOINCREMENT.

function alter(s: Script): void {
  const r = s.r;
  s.features.add('alter-table');
  sql(s, ['CREATE TABLE person(id INTEGER PRIMARY KEY, first TEXT, last TEXT, age INTEGER CHECK (age >= 0), city TEXT)',
    "INSERT INTO person VALUES (1, 'Ada', 'Lovelace', 36, 'London'), (2, 'Alan', 'Turing', 41, 'Wilmslow'), (3, 'Grace', 'Hopper', 85, NULL)"]);
  if (r.chance(0.6)) sql(s, "CREATE VIEW adults AS SELECT first, last FROM person WHERE age >= 18", 'view');
  if (r.chance(0.5)) sql(s, ['CREATE TABLE audit(msg TEXT)', "CREATE TRIGGER person_upd AFTER UPDATE OF last ON person BEGIN INSERT INTO audit VALUES (old.last || ' -> ' || new.last); END"], 'trigger');
  if (r.chance(0.5)) sql(s, `CREATE INDEX person_${r.pick(['last ON person(last)', 'lc ON person(lower(city))', 'age ON person(age) WHERE age > 40'])}`, 'index');
  if (r.chance(0.2)) sql(s, 'PRAGMA legacy_alter_table = ON', 'legacy-alter');
  for (let k = r.int(1, 4); k > 0; k--) {
    const [q, tag] = r.pick<[string, string]>([
      ['ALTER TABLE person RENAME COLUMN last TO surname', 'rename-column'],
      ['ALTER TABLE person RENAME COLUMN first TO given', 'rename-column'],
      ['ALTER TABLE person RENAME COLUMN age TO years', 'rename-column'],
      ['ALTER TABLE person RENAME TO people', 'rename-table'],
      ["ALTER TABLE person ADD COLUMN email TEXT DEFAULT 'none'", 'add-column'],
      ['ALTER TABLE person ADD COLUMN score REAL NOT NULL DEFAULT 0 CHECK (score >= 0)', 'add-column'],
      ['ALTER TABLE person ADD COLUMN boss INTEGER REFERENCES person(id)', 'add-column'],
      ["ALTER TABLE person ADD COLUMN full TEXT GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL", 'add-generated-column'],
      ['ALTER TABLE person DROP COLUMN city', 'drop-column'],
      ['ALTER TABLE person DROP COLUMN age', 'drop-column'],
      ['ALTER TABLE person ADD COLUMN bad INTEGER NOT NULL', 'alter-error'],
      ['ALTER TABLE person ADD COLUMN u TEXT UNIQUE', 'alter-error'],
      ['ALTER TABLE person DROP COLUMN id', 'alter-error'],
      ['ALTER TABLE person RENAME COLUMN nosuch TO x', 'alter-error'],
      ['ALTER TABLE nosuch RENAME TO y', 'alter-error'],
    ]);
    sql(s, q, tag);
  }
  if (r.chance(0.5)) sql(s, "UPDATE person SET last = 'King' WHERE id = 1");
  dot(s, r.pick(['.schema', '.schema person', '.schema --indent', '.fullschema']));
  sql(s, r.pick(['SELECT * FROM person ORDER BY 1', 'SELECT * FROM people ORDER BY 1', 'SELECT * FROM adults', 'SELECT * FROM audit', 'PRAGMA table_info(person)', 'PRAGMA table_xinfo(person)']));
}

function generated(s: Script): void {
  const r = s.r;
  s.features.add('generated-column');
  const kind = r.pick(['VIRTUAL', 'STORED']);
  s.features.add(`generated ${kind.toLowerCase()}`);
  sql(s, [`CREATE TABLE box(w REAL, h REAL, area REAL GENERATED ALWAYS AS (w * h) ${kind}, label TEXT AS (printf('%gx%g', w, h)), big INTEGER AS (area > 10) ${r.pick(['VIRTUAL', 'STORED'])})`,
    `INSERT INTO box(w, h) VALUES (2, 3), (4.5, 2), (NULL, 1), (10, 10)`]);
  if (r.chance(0.5)) sql(s, 'CREATE INDEX box_area ON box(area)', 'index-on-generated');
  sql(s, r.pick(['SELECT * FROM box WHERE area > 5 ORDER BY area', 'SELECT label, big FROM box ORDER BY rowid', 'UPDATE box SET w = w + 1 WHERE big RETURNING area, label', 'PRAGMA table_xinfo(box)']));
  if (r.chance(0.3)) sql(s, r.pick(['INSERT INTO box(w, h, area) VALUES (1, 1, 1)', 'UPDATE box SET area = 0', 'ALTER TABLE box ADD COLUMN vol REAL AS (area * 2) STORED', 'ALTER TABLE box DROP COLUMN w']), 'generated-error');
}

function strict(s: Script): void {
  const r = s.r;
  s.features.add('strict');
  const keyed = r.chance(0.4);
  sql(s, `CREATE TABLE st(i INTEGER, r REAL, t TEXT, b BLOB, a ANY${keyed ? ', PRIMARY KEY (i)' : ''}) STRICT${keyed && r.chance(0.5) ? ', WITHOUT ROWID' : ''}`);
  for (let k = r.int(1, 4); k > 0; k--) sql(s, `INSERT INTO st VALUES (${r.pick(['1', "'2'", "'x'", '3.0', '3.5', 'NULL'])}, ${r.pick(['1', '2.5', "'3'", "'y'"])}, ${r.pick(["'t'", '5', 'x\'ab\''])}, ${r.pick(["x'00'", "'s'", 'NULL'])}, ${r.pick(['1', "'any'", '2.5', "x'01'"])})`);
  sql(s, 'SELECT i, typeof(i), r, typeof(r), t, typeof(t), typeof(b), a, typeof(a) FROM st');
  if (r.chance(0.2)) sql(s, 'CREATE TABLE bad(x DATE) STRICT', 'strict-error');
}

function withoutRowid(s: Script): void {
  const r = s.r;
  s.features.add('without-rowid');
  sql(s, ['CREATE TABLE kv(k TEXT, n INTEGER, v TEXT, PRIMARY KEY (k, n DESC)) WITHOUT ROWID',
    `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${r.int(5, 400)}) INSERT INTO kv SELECT char(97 + i % 5), i, printf('%08d', i * 7919 % 10007) FROM c`]);
  if (r.chance(0.5)) sql(s, 'CREATE INDEX kv_v ON kv(v)', 'index');
  sql(s, r.pick(["SELECT k, count(*), max(n), min(v) FROM kv GROUP BY k", "SELECT * FROM kv WHERE k = 'c' ORDER BY n DESC LIMIT 3", "SELECT k, n FROM kv WHERE v > '00005000' ORDER BY v LIMIT 4", "DELETE FROM kv WHERE n % 3 = 0 RETURNING count(*) OVER ()", "UPDATE kv SET v = 'x' WHERE k = 'a' AND n < 50"]));
  sql(s, ['SELECT count(*) FROM kv', r.pick(['PRAGMA index_list(kv)', 'PRAGMA index_xinfo(sqlite_autoindex_kv_1)', 'PRAGMA integrity_check'])]);
}

function indexes(s: Script): void {
  const r = s.r;
  s.features.add('create-index');
  sql(s, ['CREATE TABLE word(id INTEGER PRIMARY KEY, w TEXT COLLATE NOCASE, n INTEGER, tag TEXT)',
    `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${r.int(20, 300)}) INSERT INTO word(w, n, tag) SELECT printf('%s%d', char(65 + i % 26), i), i % 17, CASE WHEN i % 4 = 0 THEN NULL ELSE 't' || (i % 3) END FROM c`]);
  const idx = r.pick([['CREATE UNIQUE INDEX w_u ON word(w)', 'unique-index'], ['CREATE INDEX w_part ON word(n) WHERE tag IS NOT NULL', 'partial-index'], ['CREATE INDEX w_expr ON word(n * 2 + 1, substr(w, 1, 1))', 'expression-index'], ['CREATE INDEX w_multi ON word(tag, n DESC)', 'multi-column-index'], ['CREATE INDEX w_coll ON word(w COLLATE BINARY)', 'collate-index']]);
  sql(s, idx[0] as string, idx[1] as string);
  sql(s, [r.pick(["SELECT count(*) FROM word WHERE tag IS NOT NULL AND n = 3", "SELECT w FROM word WHERE n * 2 + 1 = 7 AND substr(w, 1, 1) = 'H'", "SELECT tag, n FROM word WHERE tag = 't1' ORDER BY n DESC LIMIT 3", "SELECT id FROM word WHERE w = 'b27'", "SELECT w FROM word WHERE w > 'Y' ORDER BY w LIMIT 5"]), 'PRAGMA index_list(word)']);
  if (r.chance(0.4)) sql(s, r.pick(['PRAGMA index_info(w_u)', 'PRAGMA index_xinfo(w_multi)', 'REINDEX word', 'REINDEX NOCASE', 'DROP INDEX IF EXISTS w_part', "INSERT INTO word(w) VALUES ('a1')"]));
  if (r.chance(0.3)) dot(s, '.indexes word');
}

function constraints(s: Script): void {
  const r = s.r;
  s.features.add('constraints');
  sql(s, [`CREATE TABLE c(id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL COLLATE RTRIM, qty INTEGER DEFAULT (2 + 3), CONSTRAINT pos CHECK (qty > 0), UNIQUE (code) ON CONFLICT ${r.pick(['REPLACE', 'IGNORE', 'ABORT'])})`,
    "INSERT INTO c(code) VALUES ('a'), ('b ')"]);
  for (let k = r.int(1, 3); k > 0; k--) sql(s, r.pick(["INSERT INTO c(code, qty) VALUES ('a  ', 7)", 'INSERT INTO c(code, qty) VALUES (NULL, 1)', "INSERT INTO c(code, qty) VALUES ('z', 0)", "INSERT INTO c(id, code) VALUES (100, 'h')", "INSERT INTO c(code) VALUES ('q')", 'DELETE FROM c WHERE id = (SELECT max(id) FROM c)']));
  sql(s, ['SELECT * FROM c ORDER BY id', 'SELECT * FROM sqlite_sequence']);
}

function temp(s: Script): void {
  const r = s.r;
  s.features.add('temp-table');
  sql(s, ['CREATE TEMP TABLE scratch(x, y)', 'INSERT INTO scratch VALUES (1, 2), (3, 4)', 'CREATE TABLE main.keep AS SELECT x * 10 AS x10, y FROM scratch', r.pick(["SELECT name, type FROM temp.sqlite_schema", 'SELECT * FROM keep', 'PRAGMA temp.table_info(scratch)', "SELECT type, name, sql FROM sqlite_schema"])]);
  if (r.chance(0.5)) sql(s, r.pick(['DROP TABLE scratch', 'CREATE TEMP VIEW tv AS SELECT x FROM scratch', 'CREATE TEMP TRIGGER tt AFTER INSERT ON keep BEGIN INSERT INTO scratch VALUES (new.x10, 0); END', 'ALTER TABLE scratch RENAME TO scratch2']));
  dot(s, r.pick(['.tables', '.schema', '.dump']));
}

// A case: one or two schema scenarios.
export function ddlFamily(s: Script): void {
  const r = s.r;
  const scenarios = [alter, alter, generated, strict, withoutRowid, indexes, constraints, temp];
  r.pick(scenarios)(s);
  if (r.chance(0.2)) r.pick(scenarios.slice(2))(s);
}
