import type { Rng } from '../../../util/rng.js';
import { ODD_TEXT, WORDS, dot, lit, sql, type Script } from './script.js';

// The shell's dot-commands beyond output modes: .import of CSV files from the case folder, .dump,
// .schema/.tables/.indexes, .parameter, .read, .once/.output (read back with readfile()), .echo,
// .bail, .changes, .print, .show, .trace, .auth, .testcase/.check, .limit, .lint, .sha3sum,
// .selftest, .dbconfig, .session, .archive, .help and friends.

function schema(s: Script): void {
  const r = s.r;
  sql(s, ['CREATE TABLE cust(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT)', 'CREATE TABLE ord(id INTEGER PRIMARY KEY, cust INTEGER REFERENCES cust(id), total REAL, note TEXT)',
    'CREATE INDEX ord_cust ON ord(cust)', 'CREATE VIEW big_orders AS SELECT * FROM ord WHERE total > 100',
    `INSERT INTO cust VALUES ${Array.from({ length: r.int(1, 4) }, (_, i) => `(${i + 1}, ${lit(r.pick(WORDS))}, ${r.chance(0.3) ? 'NULL' : lit(r.pick(ODD_TEXT))})`).join(', ')}`,
    `INSERT INTO ord VALUES ${Array.from({ length: r.int(1, 4) }, (_, i) => `(${i + 1}, ${r.int(1, 3)}, ${r.int(5, 300) / 2}, ${r.chance(0.5) ? 'NULL' : lit(r.pick(ODD_TEXT))})`).join(', ')}`]);
  if (r.chance(0.3)) sql(s, "CREATE TRIGGER ord_ins AFTER INSERT ON ord BEGIN UPDATE cust SET city = upper(city) WHERE id = new.cust; END");
}

function csvFile(r: Rng, header: boolean): string {
  const rows: string[] = header ? [r.pick(['id,name,score', 'id,"full name",score', 'id;name;score'])] : [];
  for (let i = 0; i < r.int(1, 6); i++) {
    const name = r.pick(['plain', '"quoted, comma"', '"with ""quotes"""', '"multi\nline"', '', 'café', 'trailing ']);
    const score = r.pick(['1', '2.5', '', '-7', 'abc', '1e3']);
    rows.push(r.chance(0.08) ? `${i},${name}` : r.chance(0.05) ? `${i},${name},${score},extra` : `${i},${name},${score}`);
  }
  return rows.join(r.chance(0.2) ? '\r\n' : '\n') + (r.chance(0.8) ? '\n' : '');
}

function importCsv(s: Script): void {
  const r = s.r;
  s.features.add('.import');
  const into = r.chance(0.5);
  s.files['data.csv'] = csvFile(r, !into || r.chance(0.3));
  if (into) sql(s, `CREATE TABLE imp(id INTEGER, name TEXT, score REAL)`);
  const opt = r.pick(['', '--csv ', '--csv --skip 1 ', '--schema temp ', '--ascii ', '-v --csv ']);
  if (opt.trim()) s.features.add(`.import ${opt.trim().split(' ')[0]}`);
  if (!opt.includes('csv') && r.chance(0.7)) dot(s, `.mode ${r.pick(['csv', 'tabs', 'list'])}`);
  dot(s, `.import ${opt}data.csv ${opt.includes('temp') ? 'temp.' : ''}imp`, '.import');
  dot(s, '.mode list');
  sql(s, [r.pick(['SELECT * FROM imp', 'SELECT typeof(id), typeof(score), count(*) FROM imp GROUP BY 1, 2', 'SELECT name, length(name) FROM imp ORDER BY rowid']), "SELECT sql FROM sqlite_schema WHERE name = 'imp'"]);
  if (r.chance(0.15)) dot(s, '.import missing.csv imp', '.import missing');
}

function dump(s: Script): void {
  const r = s.r;
  schema(s);
  if (r.chance(0.3)) sql(s, 'CREATE TABLE blobs(b BLOB, r REAL); INSERT INTO blobs VALUES (x\'0001ff\', 1e100), (NULL, -0.5), (\'\', 3)');
  const cmd = r.pick(['.dump', '.dump', '.dump cust', '.dump --preserve-rowids', '.dump --newlines', '.dump --data-only', '.dump --nosys', ".dump 'o%'", '.dump --bogus']);
  dot(s, cmd, cmd.split(' ').slice(0, 2).join(' ').replace(/'.*$/, 'pattern'));
  if (r.chance(0.3)) dot(s, r.pick(['.fullschema', '.fullschema --indent']));
}

function catalog(s: Script): void {
  const r = s.r;
  schema(s);
  for (const cmd of Array.from({ length: r.int(1, 4) }, () => r.pick(['.tables', '.tables c%', '.tables ?rd', '.indexes', '.indexes ord', '.indices cust', '.schema', '.schema ord', '.schema --indent', '.schema --nosys', '.schema big%', '.databases', '.show', '.dbconfig', '.dbconfig defensive on', '.dbconfig trigger_eqp', '.lint fkey-indexes', '.lint fkey-indexes -verbose', '.vfslist', '.vfsinfo', '.vfsname', '.limit', '.limit length', '.limit variable_number 10', '.connection', '.help', '.help .mo', '.help -all .once', '.help nosuch', '.sha3sum', '.sha3sum --schema', '.sha3sum --sha3-384 cust', '.sha3sum --debug ord', '.selftest --init', '.selftest -v', '.filectrl size', '.testctrl prng_reset', '.testctrl byteorder', '.testctrl always 1', '.stats off', '.scanstats off', '.timer off', '.crnl off', '.prompt A B', '.progress 0', '.timeout 10', '.print a b "c d"', '.print', '.exit 3', '.quit', '.nonce abc', '.iotrace off', '.load nosuch', '.open --bogus']))) {
    dot(s, cmd, cmd.split(' ').slice(0, 2).join(' ').replace(/ [^a-z.-].*$/, ''));
  }
  sql(s, 'SELECT count(*) FROM ord');
}

function parameters(s: Script): void {
  const r = s.r;
  s.features.add('.parameter');
  dot(s, `.parameter ${r.pick(['init', 'clear'])}`);
  for (let k = r.int(1, 4); k > 0; k--) dot(s, `.parameter set ${r.pick([':x', '@y', '$z', '?1', '?2', ':name'])} ${r.pick(['5', "'text'", '2.5', 'NULL', "x'01'", "'o''neil'", 'abc', '1+1'])}`, '.parameter set');
  if (r.chance(0.5)) dot(s, '.parameter list');
  if (r.chance(0.3)) dot(s, `.trace stdout ${r.pick(['--expanded', '--plain', '--stmt'])}`, '.trace');
  sql(s, r.pick(['SELECT :x, @y, $z, ?1, ?2, :name', 'SELECT typeof(:x), quote(@y), $z || :name', 'SELECT * FROM sqlite_parameters', 'SELECT ?1 + ?2, :undefined']));
  if (r.chance(0.4)) { dot(s, `.parameter unset ${r.pick([':x', '@y'])}`); dot(s, '.parameter list'); }
  if (r.chance(0.2)) dot(s, '.parameter bogus');
}

function readFile(s: Script): void {
  const r = s.r;
  s.features.add('.read');
  const body = [`CREATE TABLE r(x);`, `INSERT INTO r VALUES (${r.int(1, 9)}), ('${r.pick(WORDS)}');`, r.pick(['.mode csv', '.headers on', '.print from file', '']), 'SELECT * FROM r;'];
  if (r.chance(0.3)) { s.files['inner.sql'] = 'SELECT count(*) FROM r;\n.print inner\n'; body.push('.read inner.sql'); }
  if (r.chance(0.15)) body.push('SELECT broken FROM;');
  s.files['script.sql'] = body.filter(Boolean).join('\n') + '\n';
  dot(s, r.pick(['.read script.sql', '.read script.sql', '.read missing.sql']));
  if (r.chance(0.3)) sql(s, 'SELECT count(*) FROM r');
}

function redirect(s: Script): void {
  const r = s.r;
  const cmd = r.pick(['.once', '.output', '.once --bom', '.output --bom']);
  dot(s, `${cmd} out.txt`, cmd);
  if (r.chance(0.5)) dot(s, `.mode ${r.pick(['csv', 'json', 'box', 'line'])}`);
  sql(s, r.pick(["SELECT 1 AS one, 'two' AS two", 'SELECT * FROM (VALUES (1, 2), (3, 4))', "SELECT 'to file'"]));
  if (cmd.startsWith('.output')) { sql(s, "SELECT 'still redirected'"); dot(s, '.output'); }
  dot(s, '.mode list');
  sql(s, ["SELECT 'back on stdout'", "SELECT hex(substr(readfile('out.txt'), 1, 3)), length(readfile('out.txt')), CAST(readfile('out.txt') AS TEXT)"]);
}

function flags(s: Script): void {
  const r = s.r;
  schema(s);
  const cmds = [`.echo ${r.pick(['on', 'off'])}`, `.changes ${r.pick(['on', 'off'])}`, `.bail ${r.pick(['on', 'off'])}`, `.headers ${r.pick(['on', 'off'])}`, '.timer off', `.trace ${r.pick(['stdout', 'stdout --plain', 'stdout --expanded', 'stdout --stmt', 'stdout --row', 'off'])}`, `.auth ${r.pick(['on', 'off'])}`, `.testcase t${r.int(1, 3)}`, '.log stdout'];
  for (const c of Array.from({ length: r.int(1, 3) }, () => r.pick(cmds))) dot(s, c);
  for (let k = r.int(1, 3); k > 0; k--) sql(s, r.pick(["UPDATE cust SET city = 'Paris' WHERE id > 1", "INSERT INTO ord(cust, total) VALUES (1, 99.5), (2, 7)", 'SELECT name FROM cust ORDER BY id', 'DELETE FROM ord WHERE total < 50', 'SELECT nosuchcol FROM cust', "INSERT INTO cust(name) VALUES (NULL)", 'SELECT * FROM big_orders']));
  if (s.lines.some((l) => l.startsWith('.testcase'))) dot(s, `.check ${r.pick(['*', 'Paris', '1'])}`);
  sql(s, 'SELECT count(*) FROM ord');
}

function session(s: Script): void {
  const r = s.r;
  s.features.add('.session');
  sql(s, ['CREATE TABLE sa(id INTEGER PRIMARY KEY, v TEXT)', 'CREATE TABLE sb(k TEXT PRIMARY KEY, n INTEGER)', "INSERT INTO sa VALUES (1, 'one'), (2, 'two')"]);
  dot(s, '.session open main s1');
  dot(s, `.session attach ${r.pick(['sa', 'sb', '*'])}`);
  if (r.chance(0.3)) dot(s, `.session ${r.pick(['indirect on', 'enable off', 'enable on', 'filter sb', 'isempty'])}`);
  sql(s, r.pick([["UPDATE sa SET v = 'uno' WHERE id = 1", "INSERT INTO sb VALUES ('k', 5)", 'DELETE FROM sa WHERE id = 2'], ["INSERT INTO sa VALUES (3, 'three')", "INSERT INTO sb VALUES ('a', 1), ('b', 2)"], ['UPDATE sb SET n = n + 1']]));
  dot(s, '.session isempty');
  const out = r.pick(['changeset', 'patchset']);
  dot(s, `.session ${out} cs.bin`, `.session ${out}`);
  sql(s, "SELECT length(readfile('cs.bin')), hex(readfile('cs.bin'))");
  if (r.chance(0.5)) dot(s, '.session list');
  dot(s, '.session close');
}

function archive(s: Script): void {
  const r = s.r;
  s.features.add('.archive');
  s.files['a.txt'] = 'alpha\n'.repeat(r.int(1, 40));
  s.files['dir/b.txt'] = 'bravo bravo\n';
  dot(s, `.open ${r.pick(['arch.db', ':memory:'])}`);
  dot(s, `.archive ${r.pick(['-c', '--create', '-cv', '-cn'])} a.txt${r.chance(0.5) ? ' dir' : ''}`, '.archive create');
  dot(s, `.archive ${r.pick(['-t', '--list', '-tg'])}${r.chance(0.3) ? ' *.txt' : ''}`, '.archive list');
  sql(s, "SELECT name, sz, length(data) < sz FROM sqlar ORDER BY name");
  if (r.chance(0.4)) { dot(s, `.archive -x${r.chance(0.5) ? ' -C dir' : ''} a.txt`, '.archive extract'); sql(s, "SELECT length(readfile('a.txt'))"); }
  if (r.chance(0.3)) dot(s, `.archive ${r.pick(['-r a.txt', '-u a.txt', '-i a.txt', '--bogus'])}`, '.archive update');
}

// A case: one dot-command scenario.
export function commandsFamily(s: Script): void {
  s.r.pick([importCsv, importCsv, dump, dump, catalog, catalog, catalog, parameters, readFile, redirect, redirect, flags, flags, session, archive])(s);
}
