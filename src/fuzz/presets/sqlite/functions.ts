import type { Rng } from '../../../util/rng.js';
import { ODD_TEXT, lit, sql, type Script } from './script.js';

// Scalar functions and the value model: printf/format, string and math functions, CAST and type
// affinity, collations, blobs, integer/real edge cases, LIKE/GLOB, and the shell's own functions
// and table-valued functions (generate_series, decimal, ieee754, regexp, sha3, uint collation).

const NUMS = ['0', '1', '-1', '7', '2.5', '-0.0', '1e308', '1e-7', '9223372036854775807', '-9223372036854775808', '0.1', '100', "'12abc'", "' 3 '", "'0x10'", 'NULL', '3.0', '123456789012'];
const TEXTS = [...ODD_TEXT.map(lit), "'Hello, World'", "'abcabc'", "'  trim me  '", "'ÀÉÎõü'", "'mixedCASE'", 'NULL', "x'68656c6c6f'"];

function num(r: Rng): string { return r.pick(NUMS); }
function text(r: Rng): string { return r.pick(TEXTS); }

function printfCall(r: Rng, s: Script): string {
  const spec = r.pick(['%d', '%5d', '%-5d|', '%05d', '%+d', '%,d', '%x', '%X', '%o', '%#x', '%c', '%s', '%10s|', '%-10s|', '%.2s', '%q', '%Q', '%w', '%z', '%f', '%.3f', '%10.2f', '%e', '%.2E', '%g', '%G', '%!.20g', '%!f', '%.0f', '%i', '%u', '%%', '%5.1s', '%*d', '%.*f', '%lld', '%p', '%n', '%T']);
  s.features.add(`printf ${spec.replace(/[\d.*|+,#-]/g, '').replace('%!', '%')}`);
  const args = spec.includes('*') ? `${r.int(1, 8)}, ${num(r)}` : r.pick([num(r), text(r)]);
  return `${r.pick(['printf', 'format'])}(${lit(spec)}, ${args})`;
}

function stringCall(r: Rng, s: Script): string {
  const [f, tag] = r.pick<[string, string]>([
    [`substr(${text(r)}, ${r.int(-4, 4)}${r.chance(0.6) ? `, ${r.int(-3, 5)}` : ''})`, 'substr'], [`substring(${text(r)}, 2)`, 'substr'],
    [`replace(${text(r)}, ${r.pick(["'a'", "''", "'abc'", "'l'"])}, ${r.pick(["'X'", "''", "'[&]'"])})`, 'replace'],
    [`instr(${text(r)}, ${r.pick(["'a'", "'c'", "''", "x'6c'"])})`, 'instr'], [`${r.pick(['trim', 'ltrim', 'rtrim'])}(${text(r)}${r.chance(0.5) ? `, ${r.pick(["'ae '", "' '", "'x'"])}` : ''})`, 'trim'],
    [`${r.pick(['upper', 'lower'])}(${text(r)})`, 'case'], [`length(${text(r)})`, 'length'], [`octet_length(${text(r)})`, 'octet_length'],
    [`hex(${r.pick([text(r), num(r)])})`, 'hex'], [`quote(${r.pick([text(r), num(r), "x'00ff'"])})`, 'quote'], [`unicode(${text(r)})`, 'unicode'],
    [`char(${Array.from({ length: r.int(0, 4) }, () => r.pick(['65', '233', '0x263A', '128512', '0', '-1'])).join(', ')})`, 'char'],
    [`soundex(${text(r)})`, 'soundex'], [`${text(r)} || ${num(r)}`, 'concat'], 
    [`${text(r)} ${r.pick(['LIKE', 'NOT LIKE', 'GLOB'])} ${r.pick(["'%a%'", "'_e%'", "'*[a-c]*'", "'[^x]*'", "'H?llo*'", "'%\\_%' ESCAPE '\\'"])}`, 'like-glob'],
    [`like('%B%', ${text(r)})`, 'like-function'], [`glob('*a*', ${text(r)})`, 'glob-function'], [`zeroblob(${r.int(0, 4)})`, 'zeroblob'],
    [`${text(r)} COLLATE ${r.pick(['NOCASE', 'RTRIM', 'BINARY'])} = ${text(r)}`, 'collate'], [`typeof(${r.pick([text(r), num(r)])})`, 'typeof'],
    [`likelihood(${num(r)} > 0, 0.25)`, 'likelihood'], [`unlikely(1), likely(0)`, 'likely'],
  ]);
  s.features.add(tag);
  return f;
}

function mathCall(r: Rng, s: Script): string {
  const [f, tag] = r.pick<[string, string]>([
    [`${num(r)} ${r.pick(['+', '-', '*', '/', '%', '&', '|', '<<', '>>'])} ${num(r)}`, 'arithmetic'], [`~${num(r)}`, 'bitnot'],
    [`abs(${num(r)})`, 'abs'], [`round(${num(r)}${r.chance(0.5) ? `, ${r.int(-1, 4)}` : ''})`, 'round'], [`sign(${num(r)})`, 'sign'],
    [`${r.pick(['sqrt', 'exp', 'ln', 'log', 'log10', 'log2', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'degrees', 'radians', 'ceil', 'ceiling', 'floor', 'trunc'])}(${num(r)})`, 'math'],
    [`${r.pick(['pow', 'power', 'atan2', 'mod', 'log'])}(${num(r)}, ${num(r)})`, 'math2'], ['pi()', 'pi'],
    [`max(${num(r)}, ${num(r)}, ${text(r)})`, 'scalar-max'], [`min(${num(r)}, ${num(r)})`, 'scalar-min'],
    [`CAST(${r.pick([text(r), num(r)])} AS ${r.pick(['INTEGER', 'REAL', 'TEXT', 'BLOB', 'NUMERIC', 'DECIMAL(5,2)', 'VARCHAR(3)'])})`, 'cast'],
    [`${num(r)} ${r.pick(['=', '<', '>=', '<>', 'IS', 'IS NOT', '=='])} ${r.pick([num(r), text(r)])}`, 'compare'],
    [`${num(r)} BETWEEN ${num(r)} AND ${num(r)}`, 'between'], [`${num(r)} IN (${num(r)}, ${text(r)}, NULL)`, 'in-list'],
    [`coalesce(NULL, ${num(r)}, 1)`, 'coalesce'], [`nullif(${num(r)}, ${num(r)})`, 'nullif'], [`iif(${num(r)}, 'yes', 'no')`, 'iif'],
    [`CASE ${num(r)} WHEN 1 THEN 'one' WHEN 7 THEN 'seven' ELSE 'other' END`, 'case'], [`${num(r)} NOT NULL, ${num(r)} ISNULL`, 'null-test'],
  ]);
  s.features.add(tag);
  return f;
}

// Type affinity: one table with a column of each declared type, values stored and read back.
function affinity(s: Script): void {
  const r = s.r;
  s.features.add('affinity');
  sql(s, 'CREATE TABLE aff(i INTEGER, n NUMERIC, r REAL, t TEXT, b BLOB, x, v VARCHAR(10), d DATETIME, f FLOATING POINT, ch CHARINT)');
  for (let k = r.int(1, 3); k > 0; k--) { const v = r.pick([num(r), text(r)]); sql(s, `INSERT INTO aff VALUES (${Array.from({ length: 10 }, () => v).join(', ')})`); }
  sql(s, 'SELECT typeof(i), typeof(n), typeof(r), typeof(t), typeof(b), typeof(x), typeof(v), typeof(d), typeof(f), typeof(ch), i, n, r, t FROM aff');
  if (r.chance(0.5)) sql(s, `SELECT count(*) FROM aff WHERE i = '${r.int(0, 9)}' OR t = ${r.int(0, 9)} OR n < '5'`);
}

function collations(s: Script): void {
  const r = s.r;
  s.features.add('collation');
  sql(s, ['CREATE TABLE words(w TEXT COLLATE NOCASE, raw TEXT)', `INSERT INTO words VALUES ${['apple', 'Apple', 'APPLE ', 'banana', 'b10', 'b9', 'B2', 'Zed', 'éclair', 'a'].map((w) => `('${w}', '${w}')`).join(', ')}`]);
  sql(s, r.pick([
    'SELECT w FROM words ORDER BY w, raw', 'SELECT raw FROM words ORDER BY raw COLLATE RTRIM DESC', 'SELECT DISTINCT w FROM words ORDER BY 1',
    "SELECT raw FROM words WHERE raw = 'apple' COLLATE NOCASE", 'SELECT w, count(*) FROM words GROUP BY w ORDER BY 1', 'SELECT raw FROM words ORDER BY raw COLLATE uint',
    'SELECT raw FROM words ORDER BY raw COLLATE nosuch', "SELECT max(w), min(raw COLLATE NOCASE) FROM words", "SELECT raw FROM words WHERE raw > 'b' COLLATE BINARY ORDER BY raw",
  ]));
}

function shellFunctions(s: Script): void {
  const r = s.r;
  const [q, tag] = r.pick<[string, string]>([
    [`SELECT value FROM generate_series(${r.int(-3, 3)}, ${r.int(4, 30)}${r.chance(0.5) ? `, ${r.int(1, 5)}` : ''})${r.chance(0.3) ? ' ORDER BY value DESC' : ''} LIMIT 12`, 'generate_series'],
    [`SELECT sum(value), count(*) FROM generate_series(1, ${r.int(100, 5000)}) WHERE value % ${r.int(2, 9)} = 0`, 'generate_series'],
    [`SELECT decimal_${r.pick(['add', 'sub', 'mul'])}(${lit(String(r.int(-999, 999) / 7))}, '${r.pick(['1.25', '-0.001', '123456789012345678901234567890', '0'])}'), decimal(${lit(r.pick(['1.50', '-0', '00012.3400', 'abc']))}), decimal_cmp('1.1', '1.10')`, 'decimal'],
    ["WITH v(x) AS (VALUES ('0.1'), ('0.2'), ('0.3')) SELECT decimal_sum(x) FROM v", 'decimal_sum'],
    ["WITH v(x) AS (VALUES ('1.10'), ('1.1'), ('0.9'), ('10')) SELECT x FROM v ORDER BY x COLLATE decimal", 'decimal-collation'],
    [`SELECT ieee754(${r.pick(['2.5', '-1.0', '0.1', '1e300', '0'])}), ieee754(5, -1), ieee754_mantissa(12.0), ieee754_exponent(12.0), hex(ieee754_to_blob(1.5)), ieee754_from_blob(x'3FF8000000000000')`, 'ieee754'],
    [`SELECT ${r.pick(["'abc123' REGEXP '[a-z]+[0-9]+'", "regexp('^a.c$', 'abc')", "'hello' REGEXP 'l{2}'", "'x' REGEXP '('", "'Word boundary' REGEXP '\\bWord\\b'", "'tab\tsep' REGEXP '\\s'", "'123' REGEXP '^\\d+$'", "'aaa' REGEXP 'a*?b|a+'"])}`, 'regexp'],
    [`SELECT hex(sha3(${r.pick(["'abc'", "''", "x'00'", '123', 'NULL'])}${r.chance(0.5) ? `, ${r.pick(['224', '256', '384', '512'])}` : ''}))`, 'sha3'],
    ["CREATE TABLE h(a, b); INSERT INTO h VALUES (1, 'x'), (2.5, NULL); SELECT hex(sha3_query('SELECT * FROM h', 256))", 'sha3_query'],
    ["WITH v(x) AS (VALUES ('file10'), ('file9'), ('File1'), ('file1a')) SELECT x FROM v ORDER BY x COLLATE uint", 'uint-collation'],
    [`SELECT candidate FROM completion(${lit(r.pick(['SEL', 'cr', 'a', 'ro', 'ma']))}) ORDER BY 1 LIMIT 5`, 'completion'],
    [`SELECT writefile('w.txt', ${r.pick(["'written text'", "x'0001'", 'NULL'])}), length(readfile('w.txt')), lsmode(${r.pick(['420', '493', '16877', '41471'])})`, 'writefile'],
    [`SELECT name, sz FROM zipfile(zip) FROM (SELECT 1)`, 'zipfile-error'],
    [`CREATE VIRTUAL TABLE temp.z USING zipfile('t.zip'); INSERT INTO temp.z(name, mode, mtime, data) VALUES ('a.txt', 420, 1000, ${lit('zip data '.repeat(r.int(1, 30)))}), ('d/', 16877, 1000, NULL); SELECT name, mode, mtime, sz, rawdata IS NOT NULL, method, data FROM zipfile('t.zip'); SELECT hex(substr(zipfile_cds(z), 1, 8)) FROM temp.z LIMIT 1`, 'zipfile'],
    ["WITH v(name, data) AS (VALUES ('x.txt', 'ex'), ('y.txt', 'why')) SELECT name, sz, data FROM zipfile((SELECT zipfile(name, data) FROM v))", 'zipfile-aggregate'],
    [`SELECT length(sqlar_compress(${lit('abc'.repeat(r.int(1, 50)))})), sqlar_uncompress(sqlar_compress('xyzxyzxyzxyzxyz'), 15)`, 'sqlar'],
    ["SELECT sqlite_source_id() IS NOT NULL, sqlite_version(), sqlite_compileoption_used('ENABLE_FTS5'), sqlite_compileoption_get(0) IS NOT NULL", 'sqlite-info'],
    ["SELECT shell_add_schema('CREATE TABLE x(a)', 'main', 'x'), shell_escape_crnl('a' || char(13, 10) || 'b'), shell_module_schema('fts5vocab')", 'shell-internal'],
    ['SELECT changes(), total_changes(), last_insert_rowid()', 'changes'],
  ]);
  sql(s, q, tag);
}

// A case: rows of scalar expressions, sometimes an affinity or collation table, or the shell's functions.
export function functionsFamily(s: Script): void {
  const r = s.r;
  s.features.add('functions');
  const pick = r.int(0, 9);
  if (pick < 5) {
    for (let k = r.int(2, 6); k > 0; k--) {
      const cols = Array.from({ length: r.int(1, 4) }, () => r.pick([printfCall, stringCall, mathCall, mathCall])(r, s));
      sql(s, `SELECT ${cols.join(', ')}`);
    }
  } else if (pick === 5) affinity(s);
  else if (pick === 6) collations(s);
  else for (let k = r.int(1, 3); k > 0; k--) shellFunctions(s);
}
