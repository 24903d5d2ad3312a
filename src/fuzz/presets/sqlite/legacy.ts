import type { Rng } from '../../../util/rng.js';
import { dot, type Script } from './script.js';

// Random small scripts over two loosely typed tables: expressions mixing every storage class, DML,
// DDL and the odd syntax error, with a few dot-commands in between (the preset's first generator).

const VALUES = ['1', '2', '-3', '0', '2.5', '1e3', "'a'", "'b'", "'Hello'", "''", "'é'", 'NULL', "x'00ff'", "'12'", '9223372036854775807', "'2024-01-02'"];

function value(r: Rng): string {
  return r.pick(VALUES);
}

function expr(r: Rng, depth: number): string {
  if (depth > 2) return r.pick([value(r), 'a', 'b', 'c', 't.a']);
  return r.pick([
    () => value(r),
    () => r.pick(['a', 'b', 'c']),
    () => `${expr(r, depth + 1)} ${r.pick(['+', '-', '*', '/', '%', '||', '=', '<>', '<', '>=', 'AND', 'OR', 'IS', 'IS NOT', 'LIKE'])} ${expr(r, depth + 1)}`,
    () => `${r.pick(['abs', 'length', 'upper', 'lower', 'typeof', 'quote', 'hex', 'round', 'trim', 'ifnull', 'coalesce', 'nullif', 'substr', 'instr', 'replace', 'printf', 'unicode', 'char', 'zeroblob', 'iif', 'max', 'min'])}(${expr(r, depth + 1)}${r.chance(0.4) ? `, ${expr(r, depth + 1)}` : ''})`,
    () => `CAST(${expr(r, depth + 1)} AS ${r.pick(['INTEGER', 'REAL', 'TEXT', 'BLOB', 'NUMERIC'])})`,
    () => `CASE WHEN ${expr(r, depth + 1)} THEN ${value(r)} ELSE ${value(r)} END`,
    () => `${expr(r, depth + 1)} ${r.pick(['IS NULL', 'NOTNULL', 'BETWEEN 0 AND 2', "IN (1, 'a', NULL)", "GLOB '*a*'"])}`,
  ])();
}

function select(r: Rng): string {
  const agg = r.chance(0.3);
  const cols = agg ? `${r.pick(['count(*)', 'sum(a)', 'avg(a)', 'min(b)', 'max(a)', 'group_concat(b)', 'total(a)', 'count(DISTINCT b)'])}${r.chance(0.5) ? ', b' : ''}` : r.pick(['*', 'a', 'a, b', expr(r, 1), 'DISTINCT b', 'rowid, *', `${expr(r, 1)} AS x`]);
  let q = `SELECT ${cols} FROM ${r.pick(['t', 't AS x', 't JOIN u ON t.a = u.a', 't LEFT JOIN u USING (a)', 't, u', '(SELECT * FROM t) s', 'missing_table'])}`;
  if (r.chance(0.4)) q += ` WHERE ${expr(r, 1)}`;
  if (agg && r.chance(0.6)) q += ' GROUP BY b' + (r.chance(0.4) ? ' HAVING count(*) > 1' : '');
  if (r.chance(0.4)) q += ` ORDER BY ${r.pick(['1', 'a', 'b DESC', 'a NULLS LAST', '2'])}`;
  if (r.chance(0.25)) q += ` LIMIT ${r.int(0, 3)}${r.chance(0.3) ? ` OFFSET ${r.int(0, 2)}` : ''}`;
  if (r.chance(0.08)) q += ` ${r.pick(['UNION', 'UNION ALL', 'INTERSECT', 'EXCEPT'])} SELECT a, b FROM u`;
  return q;
}

function statement(r: Rng): string {
  return r.pick([
    () => select(r),
    () => select(r),
    () => `SELECT ${expr(r, 0)}`,
    () => `INSERT INTO t VALUES (${value(r)}, ${value(r)}, ${value(r)})`,
    () => `INSERT INTO t (a, b) VALUES (${value(r)}, ${value(r)}), (${value(r)}, ${value(r)})`,
    () => `INSERT INTO u SELECT a, b FROM t WHERE ${expr(r, 1)}`,
    () => `UPDATE t SET b = ${expr(r, 1)} WHERE ${expr(r, 1)}`,
    () => `DELETE FROM t WHERE ${expr(r, 1)}`,
    () => `CREATE TABLE ${r.pick(['v', 't', 'w'])} (${r.pick(['x', 'x INTEGER PRIMARY KEY', 'x TEXT NOT NULL', 'x UNIQUE, y', 'x REAL CHECK (x > 0)'])})`,
    () => `CREATE INDEX i${r.int(1, 3)} ON t(${r.pick(['a', 'b', 'a, b'])})`,
    () => `CREATE VIEW vw AS ${select(r)}`,
    () => `ALTER TABLE t ADD COLUMN ${r.pick(['d', 'd INTEGER DEFAULT 5', 'a'])}`,
    () => `DROP TABLE ${r.pick(['u', 'nope', 'IF EXISTS nope'])}`,
    () => r.pick(['BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT s', 'RELEASE s']),
    () => `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${r.int(1, 6)}) SELECT ${r.pick(['n', 'sum(n)', 'group_concat(n)'])} FROM c`,
    () => r.pick(['SELEC 1', 'SELECT * FROM', 'INSERT INTO t VALUES (1)', "SELECT 'unterminated", 'CREATE TABLE t (a)', 'SELECT 1 +', 'SELECT nosuchfunc(1)', 'SELECT * FROM t WHERE', 'DROP TABLE nope']),
  ])();
}

const DOT = ['.mode csv', '.mode json', '.mode line', '.mode column', '.mode box', '.mode markdown', '.mode tabs', '.mode html', '.mode insert t2', '.mode list', '.mode quote', '.headers on', '.headers off', '.nullvalue NULL', '.separator |', '.separator , ;', '.tables', '.schema', '.schema t', '.indexes', '.dump', '.width 3 5', '.echo on', '.bail on', '.show', '.print hello', '.changes on', '.nosuchcommand', '.mode nosuch', '.import missing.csv t'];

export function legacyFamily(s: Script): void {
  const r = s.r;
  s.features.add('mixed');
  if (r.chance(0.85)) {
    s.lines.push('CREATE TABLE t (a, b, c);', 'CREATE TABLE u (a INTEGER, b TEXT);');
    for (let k = r.int(0, 5); k > 0; k--) s.lines.push(`INSERT INTO t VALUES (${value(r)}, ${value(r)}, ${value(r)});`);
    for (let k = r.int(0, 3); k > 0; k--) s.lines.push(`INSERT INTO u VALUES (${value(r)}, ${value(r)});`);
  }
  for (let k = r.int(1, 4); k > 0; k--) {
    if (r.chance(0.25)) dot(s, r.pick(DOT));
    else {
      const stmt = statement(r);
      s.lines.push(`${stmt};`);
      const head = /^(\w+)/.exec(stmt);
      if (head) s.features.add((head[1] as string).toUpperCase());
    }
  }
}
