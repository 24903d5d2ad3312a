import { lit, sql, type Script } from './script.js';

// Command-line use: output-mode and setting options, -cmd/-init/-bail/-echo/-batch/-readonly/-safe,
// a database file in the case folder or :memory:, SQL and dot-commands given as arguments.

const MODE_OPTIONS = ['-csv', '-json', '-line', '-column', '-box', '-markdown', '-table', '-html', '-list', '-tabs', '-quote', '-ascii'];
const QUERIES = ["SELECT 1 AS a, 'x,y' AS b, NULL AS c", 'SELECT * FROM t ORDER BY 1', "SELECT count(*) AS n FROM t", 'SELECT a, b FROM t WHERE a > 1', "VALUES (1, 'one'), (2, 'two')", 'SELECT nosuch FROM t', 'SELECT 1; SELECT 2', '.tables', '.schema', '.mode line', '.print hi', 'SELECT json_group_array(a) FROM t'];

export function cliFamily(s: Script): void {
  const r = s.r;
  s.features.add('command-line');
  const argv = s.argv;
  for (const opt of Array.from({ length: r.int(0, 3) }, () => r.pick([...MODE_OPTIONS, '-header', '-noheader', '-bail', '-echo', '-batch', '-separator', '-nullvalue', '-newline', '-cmd', '-init', '-safe', '-nofollow', '-interactive', '-readonly', '-version', '-help', '-bogus', '-mmap', '-vfs', '-lookaside', '-maxsize', '-deserialize', '-append', '-zip', '-nonce']))) {
    s.features.add(opt);
    argv.push(opt);
    if (opt === '-separator') argv.push(r.pick([',', ' | ', '\\t', '::']));
    if (opt === '-nullvalue') argv.push(r.pick(['(null)', 'NULL', '']));
    if (opt === '-newline') argv.push(r.pick(['\\r\\n', ';', '\\n\\n']));
    if (opt === '-cmd') argv.push(r.pick(['.mode csv', '.headers on', 'CREATE TABLE c(x)', '.nullvalue -', 'PRAGMA foreign_keys = ON', '.bogus']));
    if (opt === '-init') { s.files['init.sql'] = r.pick(['.mode box\n', 'CREATE TABLE fromInit(x);\nINSERT INTO fromInit VALUES (42);\n', '.headers on\n.print init done\n', 'SELECT bad syntax;\n']); argv.push('init.sql'); }
    if (opt === '-mmap') argv.push(r.pick(['0', '1048576']));
    if (opt === '-vfs') argv.push(r.pick(['unix', 'unix-dotfile', 'memdb', 'nosuch']));
    if (opt === '-lookaside') argv.push('64', '10');
    if (opt === '-maxsize') argv.push('100000');
    if (opt === '-nonce') argv.push('n1');
  }
  const db = r.pick(['', ':memory:', 'case.db', 'file:case.db?mode=rwc', 'file::memory:', 'empty.db']);
  if (db === 'empty.db') s.files['empty.db'] = '';
  if (db) { argv.push(db); s.features.add(db.includes('memory') ? 'memory-db' : 'file-db'); }
  const viaArgs = db !== '' && r.chance(0.6);
  const setup = ["CREATE TABLE t(a INTEGER, b TEXT)", `INSERT INTO t VALUES (1, ${lit('one')}), (2, NULL), (3, ${lit('thr"ee')})`];
  if (viaArgs) {
    s.features.add('sql-arguments');
    argv.push(setup.join('; '));
    for (let k = r.int(1, 3); k > 0; k--) argv.push(r.pick(QUERIES));
  } else {
    sql(s, setup);
    for (let k = r.int(1, 3); k > 0; k--) {
      const q = r.pick(QUERIES);
      if (q.startsWith('.')) s.lines.push(q);
      else sql(s, q);
    }
  }
}
