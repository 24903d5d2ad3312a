import type { Rng } from '../../../util/rng.js';
import { dot, sql, type Script } from './script.js';

// Storage engine paths: a database file in the case folder in WAL or rollback-journal modes,
// checkpoints, transactions and savepoints, tables of thousands of rows (b-tree balancing,
// overflow pages, free lists), VACUUM (INTO), auto_vacuum, ATTACH, ANALYZE and query plans.

// Thousands of rows with text long enough to fill pages (and spill to overflow pages).
function bigTable(r: Rng, s: Script, name: string): number {
  const n = r.pick([500, 2000, 5000, 10000]);
  const width = r.pick([8, 40, 300, 1500, 5000]);
  s.features.add(width > 1000 ? 'overflow-pages' : 'many-rows');
  sql(s, [`CREATE TABLE ${name}(id INTEGER PRIMARY KEY, k INTEGER, v TEXT${r.chance(0.3) ? ', UNIQUE (k, id)' : ''})`,
    `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${n}) INSERT INTO ${name}(k, v) SELECT (i * 7919) % ${n}, printf('%.${width}c', char(97 + i % 26)) || i FROM c`]);
  if (r.chance(0.5)) sql(s, `CREATE INDEX ${name}_k ON ${name}(k${r.chance(0.5) ? ', v' : ''})`, 'index');
  return n;
}

function churn(r: Rng, s: Script, name: string, n: number): void {
  for (let k = r.int(1, 3); k > 0; k--) {
    sql(s, r.pick([
      `DELETE FROM ${name} WHERE id % ${r.int(2, 4)} = 0`,
      `DELETE FROM ${name} WHERE id BETWEEN ${Math.floor(n / 4)} AND ${Math.floor(n / 2)}`,
      `UPDATE ${name} SET v = v || v WHERE id % 5 = 1`,
      `UPDATE ${name} SET k = -k WHERE k < ${Math.floor(n / 3)}`,
      `INSERT INTO ${name}(k, v) SELECT k + 1, substr(v, 1, 20) FROM ${name} WHERE id % 9 = 0`,
      `DELETE FROM ${name} WHERE k > ${Math.floor(n / 10)}`,
    ]));
  }
  sql(s, `SELECT count(*), sum(length(v)), min(k), max(k) FROM ${name}`);
}

function journal(s: Script): void {
  const r = s.r;
  const mode = r.pick(['WAL', 'WAL', 'WAL', 'DELETE', 'TRUNCATE', 'PERSIST', 'MEMORY', 'OFF']);
  s.features.add(`journal_mode ${mode.toLowerCase()}`);
  dot(s, '.open case.db', '.open file');
  if (r.chance(0.4)) sql(s, `PRAGMA page_size = ${r.pick([512, 1024, 4096, 8192, 65536])}`, 'page_size');
  if (r.chance(0.3)) sql(s, `PRAGMA auto_vacuum = ${r.pick(['FULL', 'INCREMENTAL', 'NONE'])}`, 'auto_vacuum');
  sql(s, `PRAGMA journal_mode = ${mode}`);
  if (r.chance(0.3)) sql(s, `PRAGMA synchronous = ${r.pick(['OFF', 'NORMAL', 'FULL', 'EXTRA'])}`, 'synchronous');
  if (r.chance(0.3)) sql(s, `PRAGMA cache_size = ${r.pick([5, 10, 50, -100])}`, 'small-cache');
  if (mode === 'WAL' && r.chance(0.4)) sql(s, `PRAGMA wal_autocheckpoint = ${r.pick([0, 10, 100])}`, 'wal_autocheckpoint');
  if (r.chance(0.2)) sql(s, 'PRAGMA locking_mode = EXCLUSIVE', 'locking_mode');
  const n = bigTable(r, s, 'big');
  if (r.chance(0.5)) {
    sql(s, [r.pick(['BEGIN', 'BEGIN IMMEDIATE', 'BEGIN EXCLUSIVE', 'SAVEPOINT outer_sp'])], 'transaction');
    churn(r, s, 'big', n);
    sql(s, r.pick(['COMMIT', 'ROLLBACK', 'RELEASE outer_sp', 'END']));
  } else churn(r, s, 'big', n);
  if (mode === 'WAL') {
    sql(s, `PRAGMA wal_checkpoint${r.pick(['', '(PASSIVE)', '(FULL)', '(RESTART)', '(TRUNCATE)'])}`, 'wal_checkpoint');
    if (r.chance(0.4)) sql(s, [`INSERT INTO big(k, v) VALUES (-1, 'after checkpoint')`, 'SELECT count(*) FROM big WHERE k = -1']);
  }
  if (r.chance(0.5)) sql(s, r.pick(['VACUUM', 'PRAGMA incremental_vacuum(5)', "VACUUM INTO 'copy.db'", 'PRAGMA optimize', 'REINDEX']), 'vacuum');
  sql(s, ['PRAGMA integrity_check', r.pick(['PRAGMA page_count', 'PRAGMA freelist_count', 'PRAGMA journal_mode', 'PRAGMA page_size', 'PRAGMA auto_vacuum', 'PRAGMA quick_check'])]);
  if (r.chance(0.3)) sql(s, "SELECT name, count(*), sum(ncell), sum(payload), max(depth) FROM (SELECT *, length(path) - length(replace(path, '/', '')) AS depth FROM dbstat) GROUP BY name ORDER BY name", 'dbstat');
  if (r.chance(0.3)) sql(s, ['PRAGMA journal_mode = DELETE', 'PRAGMA user_version = 7', 'PRAGMA user_version'], 'user_version');
}

function savepoints(s: Script): void {
  const r = s.r;
  s.features.add('savepoint');
  sql(s, ['CREATE TABLE led(id INTEGER PRIMARY KEY, amt INTEGER)', 'INSERT INTO led(amt) VALUES (10), (20)', 'SAVEPOINT a', 'INSERT INTO led(amt) VALUES (30)', 'SAVEPOINT b', 'UPDATE led SET amt = amt * 2']);
  sql(s, r.pick([['ROLLBACK TO b', 'RELEASE a'], ['RELEASE b', 'ROLLBACK TO a', 'RELEASE a'], ['ROLLBACK TO a', 'INSERT INTO led(amt) VALUES (99)', 'RELEASE a'], ['RELEASE a'], ['ROLLBACK']]));
  sql(s, 'SELECT * FROM led ORDER BY id');
  if (r.chance(0.4)) sql(s, ['BEGIN', 'DELETE FROM led', 'SELECT count(*) FROM led', 'ROLLBACK', 'SELECT count(*) FROM led']);
  if (r.chance(0.2)) sql(s, r.pick(['COMMIT', 'RELEASE nosuch', 'ROLLBACK TO nosuch', 'BEGIN; BEGIN']), 'transaction-error');
}

function attach(s: Script): void {
  const r = s.r;
  s.features.add('attach');
  sql(s, [`ATTACH DATABASE ${r.pick(["'other.db'", "':memory:'", "'file:other.db?mode=rwc'", "''"])} AS o`, 'CREATE TABLE o.t(x)', 'INSERT INTO o.t VALUES (1), (2)', 'CREATE TABLE main.t(x)', 'INSERT INTO main.t SELECT x * 10 FROM o.t']);
  sql(s, [r.pick(['SELECT * FROM main.t UNION ALL SELECT * FROM o.t', 'SELECT name FROM o.sqlite_schema', 'SELECT a.x, b.x FROM main.t a JOIN o.t b ON a.x = b.x * 10', 'PRAGMA o.table_info(t)', 'SELECT * FROM pragma_database_list WHERE name <> \'o\'']), 'DETACH o']);
  if (r.chance(0.3)) sql(s, 'SELECT * FROM o.t', 'detached');
}

function plans(s: Script): void {
  const r = s.r;
  s.features.add('query-plan');
  sql(s, ['CREATE TABLE a(id INTEGER PRIMARY KEY, x INTEGER, y TEXT)', 'CREATE TABLE b(id INTEGER PRIMARY KEY, aid INTEGER, z REAL)',
    `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${r.int(50, 2000)}) INSERT INTO a(x, y) SELECT i % 37, 'y' || (i % 11) FROM c`,
    'INSERT INTO b(aid, z) SELECT id, x / 3.0 FROM a WHERE id % 3 = 0']);
  if (r.chance(0.6)) sql(s, r.pick(['CREATE INDEX a_x ON a(x)', 'CREATE INDEX a_xy ON a(x, y)', 'CREATE INDEX b_aid ON b(aid)', 'CREATE INDEX a_y ON a(y)']), 'index');
  if (r.chance(0.5)) sql(s, ['ANALYZE', 'SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx'], 'analyze');
  const q = r.pick(['SELECT * FROM a WHERE x = 5', 'SELECT * FROM a JOIN b ON b.aid = a.id WHERE a.x > 30', 'SELECT y, count(*) FROM a GROUP BY y', 'SELECT * FROM a WHERE y = \'y3\' AND x < 4 ORDER BY id DESC', 'SELECT * FROM a WHERE x IN (1, 2, 3) OR y = \'y1\'', 'SELECT DISTINCT x FROM a ORDER BY x', 'SELECT * FROM b WHERE aid IN (SELECT id FROM a WHERE x = 1)', 'SELECT max(x) FROM a', 'SELECT count(*) FROM a, b WHERE a.x = b.z']);
  const how = r.int(0, 3);
  if (how === 0) sql(s, `EXPLAIN QUERY PLAN ${q}`, 'explain-query-plan');
  else if (how === 1) sql(s, `EXPLAIN ${q}`, 'explain');
  else { dot(s, `.eqp ${r.pick(['on', 'full', 'trigger'])}`); sql(s, `${q} LIMIT 3`); dot(s, '.eqp off'); }
  if (r.chance(0.4)) {
    dot(s, r.pick(['.expert', '.expert -verbose', '.expert --sample 50', '.expert --sample 100 -verbose']), '.expert');
    sql(s, r.pick([q, 'SELECT * FROM a WHERE y = ? AND x > 3 ORDER BY x', 'SELECT a.y, b.z FROM a JOIN b ON b.aid = a.id WHERE b.z > 5 ORDER BY a.y', 'SELECT x, count(*) FROM a WHERE y IN (\'y1\', \'y2\') GROUP BY x']));
  }
  if (r.chance(0.3)) sql(s, ['CREATE TABLE c2 AS SELECT id, x FROM a WHERE id % 2 = 0', 'SELECT count(*), sum(b.z) FROM a JOIN b ON a.x = b.z JOIN c2 ON c2.x = a.x WHERE a.y > \'y5\''], 'join-without-index');
  if (r.chance(0.3)) dot(s, '.fullschema');
}

function pragmas(s: Script): void {
  const r = s.r;
  s.features.add('pragma');
  sql(s, ['CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT \'x\', ref INTEGER REFERENCES p(id))', 'CREATE INDEX p_name ON p(name)', "INSERT INTO p VALUES (1, 'a', NULL), (2, 'b', 1)"]);
  const names = ['table_info(p)', 'table_xinfo(p)', 'index_list(p)', 'index_info(p_name)', 'foreign_key_list(p)', 'integrity_check', 'quick_check(p)', 'user_version = 42', 'user_version', 'application_id = 7', 'application_id', 'schema_version', 'encoding', 'page_size', 'compile_options', 'collation_list', 'database_list', 'function_list', 'module_list', 'pragma_list', 'table_list', 'cell_size_check = ON', 'case_sensitive_like = ON', 'automatic_index', 'defer_foreign_keys', 'recursive_triggers', 'reverse_unordered_selects = ON', 'cache_spill', 'temp_store = MEMORY', 'temp_store', 'busy_timeout', 'max_page_count', 'soft_heap_limit', 'hard_heap_limit', 'threads', 'analysis_limit = 100', 'legacy_file_format', 'data_version', 'trusted_schema', 'count_changes = ON', 'short_column_names', 'full_column_names', 'ignore_check_constraints = ON', 'writable_schema', 'secure_delete', 'journal_size_limit', 'mmap_size', 'shrink_memory', 'nosuch_pragma', 'stats'];
  for (const p of Array.from({ length: r.int(2, 6) }, () => r.pick(names))) {
    if (['compile_options', 'function_list', 'pragma_list', 'module_list', 'stats'].includes(p)) sql(s, `SELECT count(*) > 0 FROM pragma_${p}`, `pragma ${p}`);
    else sql(s, `PRAGMA ${p}`, `pragma ${p.replace(/\(.*|\s*=.*/, '')}`);
  }
  if (r.chance(0.3)) sql(s, "SELECT name, type, pk FROM pragma_table_info('p') ORDER BY cid", 'pragma-function');
  sql(s, "SELECT * FROM p WHERE name LIKE 'A'");
}

// A database in UTF-16: text is stored, compared and converted in the other encoding.
function utf16(s: Script): void {
  const r = s.r;
  const enc = r.pick(['UTF-16', 'UTF-16le', 'UTF-16be']);
  s.features.add(`encoding ${enc.toLowerCase()}`);
  if (r.chance(0.5)) dot(s, '.open u16.db', '.open file');
  sql(s, [`PRAGMA encoding = '${enc}'`, 'CREATE TABLE w(id INTEGER PRIMARY KEY, t TEXT COLLATE NOCASE, b BLOB)',
    "INSERT INTO w(t, b) VALUES ('héllo', CAST('héllo' AS BLOB)), ('Ωmega', x'03a9'), ('日本語テキスト', NULL), ('plain ascii', 'x'), ('😀 emoji', CAST('😀' AS BLOB))"]);
  sql(s, r.pick(['SELECT id, t, length(t), hex(t), upper(t), substr(t, 2, 3) FROM w', "SELECT t FROM w WHERE t LIKE '%l%' OR t GLOB '*本*' ORDER BY t", 'SELECT hex(b), CAST(b AS TEXT), length(CAST(b AS TEXT)) FROM w', "SELECT replace(t, 'l', 'L'), instr(t, 'a'), trim(t, 'h'), unicode(t), char(unicode(t)) FROM w", 'SELECT t, json_quote(t), quote(t) FROM w ORDER BY t DESC']));
  sql(s, ['PRAGMA encoding', r.pick(['CREATE INDEX w_t ON w(t)', "SELECT group_concat(t, '·') FROM w", "UPDATE w SET t = t || ' ✓' RETURNING t", 'PRAGMA integrity_check'])]);
}

// Copies of a file database: .backup/.save/.clone/.restore, VACUUM INTO, INSERT … SELECT of a whole
// table, and a transaction over two database files (a super-journal).
function copies(s: Script): void {
  const r = s.r;
  s.features.add('copies');
  dot(s, '.open main.db', '.open file');
  sql(s, ['CREATE TABLE t1(a INTEGER PRIMARY KEY, b TEXT, c REAL)', 'CREATE INDEX t1_b ON t1(b)',
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${r.int(10, 3000)}) INSERT INTO t1 SELECT i, 'b' || (i % 13), i / 7.0 FROM n`]);
  const [cmd, tag] = r.pick<[string, string]>([['.backup copy.db', '.backup'], ['.backup main copy.db', '.backup'], ['.save copy.db', '.save'], ['.clone copy.db', '.clone'], ["VACUUM INTO 'copy.db'", 'vacuum-into']]);
  if (cmd.startsWith('.')) dot(s, cmd, tag);
  else sql(s, cmd, tag);
  sql(s, ["ATTACH 'copy.db' AS cp", 'SELECT count(*), sum(c) FROM cp.t1']);
  if (r.chance(0.6)) sql(s, ['CREATE TABLE t2(a INTEGER PRIMARY KEY, b TEXT, c REAL)', 'INSERT INTO t2 SELECT * FROM cp.t1', 'SELECT count(*) FROM t2'], 'insert-select-copy');
  if (r.chance(0.6)) sql(s, ['BEGIN', "INSERT INTO t1(b, c) VALUES ('new', 1)", 'DELETE FROM cp.t1 WHERE a % 2 = 0', 'COMMIT', 'SELECT (SELECT count(*) FROM t1), (SELECT count(*) FROM cp.t1)'], 'two-file-transaction');
  sql(s, 'DETACH cp');
  if (r.chance(0.4)) { sql(s, 'DELETE FROM t1'); dot(s, '.restore copy.db', '.restore'); sql(s, 'SELECT count(*) FROM t1'); }
  if (r.chance(0.3)) { dot(s, '.open --readonly copy.db', '.open --readonly'); sql(s, ['SELECT count(*) FROM t1', "INSERT INTO t1(b) VALUES ('x')"]); }
  if (r.chance(0.2)) { dot(s, '.open --new main.db', '.open --new'); dot(s, '.tables'); }
}

// A database appended to another file (the append VFS), written then read back.
function appended(s: Script): void {
  const r = s.r;
  s.features.add('.open --append');
  s.files['app.bin'] = 'prefix text\n'.repeat(r.int(1, 40));
  dot(s, '.open --append app.bin', '.open --append');
  sql(s, ['CREATE TABLE t(x, y)', `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${r.int(3, 300)}) INSERT INTO t SELECT i, printf('%.40c', 'y') FROM n`]);
  dot(s, r.pick(['.open --append app.bin', '.open app.bin', '.open --readonly app.bin']), '.open again');
  sql(s, ['SELECT count(*), sum(x) FROM t', "SELECT length(readfile('app.bin')) > 1024, substr(readfile('app.bin'), 1, 11)"]);
  if (r.chance(0.4)) sql(s, ['DELETE FROM t WHERE x % 2 = 0', 'VACUUM', 'SELECT count(*) FROM t']);
}

// A case: one storage scenario.
export function storageFamily(s: Script): void {
  s.r.pick([journal, journal, savepoints, attach, plans, plans, pragmas, utf16, copies, appended])(s);
}
