import type { Rng } from '../../../util/rng.js';
import { sql, type Script } from './script.js';

// SELECT in depth over an employees/departments schema: joins of every kind, correlated and scalar
// subqueries, compound selects, CTEs (recursive too), aggregates with FILTER and DISTINCT, row
// values, VALUES tables, NULL ordering and collations.

const NAMES = ['Ann', 'bob', 'Cy', 'dee', 'Eve', 'fay', 'Gus', 'hal', 'Ivy', 'Jo', 'kim', 'Lu'];

function setup(s: Script): void {
  const r = s.r;
  sql(s, ['CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT NOT NULL, floor INTEGER)', 'CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept INTEGER REFERENCES dept, salary INTEGER, boss INTEGER, hired TEXT)']);
  sql(s, "INSERT INTO dept VALUES (1, 'eng', 3), (2, 'ops', 1), (3, 'sales', NULL), (4, 'empty', 2)");
  const n = r.int(5, 12);
  const rows = Array.from({ length: n }, (_, i) => `(${i + 1}, '${NAMES[i]}', ${r.chance(0.1) ? 'NULL' : r.int(1, 3)}, ${r.chance(0.1) ? 'NULL' : r.int(30, 120) * 1000}, ${i === 0 ? 'NULL' : r.int(1, i)}, '20${r.int(10, 23)}-0${r.int(1, 9)}-1${r.int(0, 9)}')`);
  sql(s, `INSERT INTO emp VALUES ${rows.join(', ')}`);
  if (r.chance(0.4)) sql(s, `CREATE INDEX ${r.pick(['emp_dept ON emp(dept)', 'emp_sal ON emp(salary DESC)', 'emp_dn ON emp(dept, name)', 'emp_lname ON emp(lower(name))', 'emp_high ON emp(salary) WHERE salary > 60000'])}`, 'index');
}

const JOINS: [string, string][] = [
  ['inner-join', 'SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept = d.id ORDER BY e.id'],
  ['left-join', 'SELECT d.name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept = d.id GROUP BY d.id ORDER BY d.id'],
  ['right-join', 'SELECT e.name, d.name FROM emp e RIGHT JOIN dept d ON e.dept = d.id ORDER BY d.id, e.id'],
  ['full-join', 'SELECT e.name, d.name FROM emp e FULL OUTER JOIN dept d ON e.dept = d.id ORDER BY e.id NULLS LAST, d.id'],
  ['cross-join', 'SELECT count(*) FROM emp CROSS JOIN dept'],
  ['natural-join', 'SELECT * FROM (SELECT id AS dept, name AS dname FROM dept) NATURAL JOIN emp ORDER BY id LIMIT 4'],
  ['using', 'SELECT id, e.name, x.name FROM emp e JOIN (SELECT id, name FROM emp) x USING (id) WHERE id < 4'],
  ['self-join', 'SELECT e.name, b.name AS boss FROM emp e LEFT JOIN emp b ON e.boss = b.id ORDER BY e.id'],
  ['three-way-join', 'SELECT e.name, b.name, d.name FROM emp e JOIN emp b ON b.id = e.boss JOIN dept d ON d.id = b.dept WHERE d.floor IS NOT NULL ORDER BY 1'],
  ['join-values', 'SELECT e.name, v.column2 FROM emp e JOIN (VALUES (1, \'one\'), (2, \'two\')) v ON v.column1 = e.dept ORDER BY e.id'],
];

const SUBQUERIES: [string, string][] = [
  ['correlated', 'SELECT name, salary FROM emp e WHERE salary > (SELECT avg(salary) FROM emp WHERE dept = e.dept) ORDER BY name'],
  ['exists', 'SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp WHERE dept = d.id)'],
  ['in-subquery', 'SELECT name FROM emp WHERE dept IN (SELECT id FROM dept WHERE floor > 1) ORDER BY 1'],
  ['scalar-subquery', 'SELECT name, (SELECT name FROM dept WHERE id = emp.dept) FROM emp ORDER BY id LIMIT 5'],
  ['not-in-null', 'SELECT count(*) FROM emp WHERE dept NOT IN (SELECT floor FROM dept)'],
  ['subquery-from', 'SELECT d, m FROM (SELECT dept AS d, max(salary) AS m FROM emp GROUP BY dept) WHERE m > 50000 ORDER BY d'],
  ['any-all', 'SELECT name FROM emp WHERE salary >= (SELECT max(salary) FROM emp)'],
  ['row-value', 'SELECT name FROM emp WHERE (dept, salary) IN (SELECT dept, max(salary) FROM emp GROUP BY dept) ORDER BY 1'],
  ['row-value-compare', 'SELECT id FROM emp WHERE (dept, id) > (2, 3) ORDER BY dept, id'],
  ['lateral-like', 'SELECT d.name, (SELECT group_concat(name, \'/\') FROM (SELECT name FROM emp WHERE dept = d.id ORDER BY name)) FROM dept d'],
];

const AGGREGATES: [string, string][] = [
  ['filter', 'SELECT dept, count(*) FILTER (WHERE salary > 60000), sum(salary) FILTER (WHERE boss = 1) FROM emp GROUP BY dept ORDER BY dept'],
  ['distinct-aggregate', 'SELECT count(DISTINCT dept), group_concat(DISTINCT dept), sum(DISTINCT salary / 10000) FROM emp'],
  ['having', 'SELECT dept, avg(salary) AS a FROM emp GROUP BY dept HAVING count(*) > 1 AND a > 1000 ORDER BY a DESC'],
  ['min-max', 'SELECT min(salary), max(salary), min(name), max(hired), min(name COLLATE NOCASE) FROM emp'],
  ['group-concat-order', 'SELECT dept, group_concat(name, \', \') FROM (SELECT * FROM emp ORDER BY name DESC) GROUP BY dept'],
  ['total-avg', 'SELECT total(salary), avg(salary), sum(salary) / count(salary), count(*) - count(salary) FROM emp'],
  ['group-by-expression', 'SELECT salary / 25000 AS band, count(*) FROM emp GROUP BY band ORDER BY band'],
  ['bare-column', 'SELECT dept, name, max(salary) FROM emp GROUP BY dept ORDER BY dept'],
  ['aggregate-empty', 'SELECT count(*), sum(salary), max(id), group_concat(name) FROM emp WHERE 0'],
  ['distinct', 'SELECT DISTINCT dept, salary > 50000 FROM emp ORDER BY 1, 2'],
];

const COMPOUNDS = ['UNION', 'UNION ALL', 'INTERSECT', 'EXCEPT'];

const CTES: [string, string][] = [
  ['recursive-cte', 'WITH RECURSIVE chain(id, name, depth) AS (SELECT id, name, 0 FROM emp WHERE boss IS NULL UNION ALL SELECT e.id, e.name, depth + 1 FROM emp e JOIN chain c ON e.boss = c.id) SELECT depth, count(*), group_concat(name) FROM chain GROUP BY depth'],
  ['recursive-cte', 'WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 40) SELECT n, a FROM fib WHERE n % 7 = 0'],
  ['recursive-cte', "WITH RECURSIVE cnt(x) AS (VALUES(1) UNION ALL SELECT x + 1 FROM cnt LIMIT 30) SELECT sum(x), group_concat(x, '') FROM cnt"],
  ['recursive-cte', "WITH RECURSIVE path(id, p) AS (SELECT id, name FROM emp WHERE boss IS NULL UNION SELECT e.id, p || '>' || e.name FROM emp e, path WHERE e.boss = path.id ORDER BY 2) SELECT p FROM path"],
  ['recursive-cte', "WITH RECURSIVE digits(i, s) AS (SELECT 0, '' UNION ALL SELECT i + 1, s || char(65 + i % 26) FROM digits WHERE i < 52) SELECT length(s), substr(s, -5) FROM digits ORDER BY i DESC LIMIT 2"],
  ['cte', 'WITH big AS (SELECT * FROM emp WHERE salary > 50000), cnt AS (SELECT dept, count(*) c FROM big GROUP BY dept) SELECT d.name, c FROM cnt JOIN dept d ON d.id = cnt.dept ORDER BY 1'],
  ['materialized-cte', 'WITH m AS MATERIALIZED (SELECT dept, sum(salary) s FROM emp GROUP BY dept) SELECT a.dept, b.dept FROM m a JOIN m b ON a.s < b.s ORDER BY 1, 2'],
  ['materialized-cte', 'WITH m AS NOT MATERIALIZED (SELECT * FROM emp WHERE dept = 1) SELECT count(*) FROM m WHERE salary > 0'],
  ['recursive-cte', 'WITH RECURSIVE t(a, b) AS (SELECT 1, 1 UNION ALL SELECT a + 1, b * (a + 1) FROM t WHERE a < 20) SELECT a, b FROM t ORDER BY a DESC LIMIT 3 OFFSET 1'],
  ['cte-in-dml', "WITH r AS (SELECT id FROM emp WHERE salary < 60000) UPDATE emp SET salary = salary + 1 WHERE id IN r"],
];

const EXPRS = [
  "SELECT name, CASE WHEN salary IS NULL THEN 'n/a' WHEN salary > 80000 THEN 'high' ELSE 'ok' END FROM emp ORDER BY id LIMIT 6",
  "SELECT name FROM emp WHERE name LIKE '_a%' OR name GLOB '[A-E]*' ORDER BY name",
  "SELECT name FROM emp ORDER BY name COLLATE NOCASE DESC LIMIT 5",
  "SELECT name FROM emp WHERE name LIKE 'A%' ESCAPE '\\' OR name LIKE '%\\_%' ESCAPE '\\'",
  'SELECT id, salary FROM emp ORDER BY salary NULLS FIRST, id LIMIT 4 OFFSET 2',
  'SELECT id, dept FROM emp WHERE dept IS NOT DISTINCT FROM NULL OR dept IS DISTINCT FROM 1 ORDER BY id',
  'SELECT coalesce(dept, -1), ifnull(salary, 0), nullif(dept, 2), iif(salary > 50000, 1, 0) FROM emp ORDER BY id',
  'SELECT id FROM emp WHERE salary BETWEEN 40000 AND 90000 AND dept IN (1, 3) ORDER BY id DESC',
  'SELECT * FROM emp INDEXED BY emp_dept WHERE dept = 2',
  'SELECT * FROM emp NOT INDEXED WHERE id = 3',
  'SELECT id FROM emp WHERE id = 2 OR name = \'Cy\' OR salary = 40000 ORDER BY 1',
  'SELECT max(id) FROM emp; SELECT min(salary) FROM emp WHERE dept = 1',
  'SELECT count(*) FROM emp WHERE lower(name) = \'eve\'',
  'SELECT name FROM emp WHERE salary > 10000 ORDER BY dept DESC, name ASC LIMIT -1 OFFSET 3',
];

function compound(r: Rng, s: Script): void {
  const op = r.pick(COMPOUNDS);
  s.features.add(op.toLowerCase());
  const legs = ['SELECT dept FROM emp', 'SELECT id FROM dept', 'SELECT boss FROM emp WHERE boss IS NOT NULL', 'SELECT column1 FROM (VALUES (1), (9))', 'SELECT floor FROM dept'];
  let q = `${r.pick(legs)} ${op} ${r.pick(legs)}`;
  if (r.chance(0.3)) q += ` ${r.pick(COMPOUNDS)} ${r.pick(legs)}`;
  if (r.chance(0.6)) q += ` ORDER BY 1${r.chance(0.5) ? ' DESC' : ''}`;
  if (r.chance(0.3)) q += ` LIMIT ${r.int(1, 4)}`;
  sql(s, q);
}

function from(r: Rng, s: Script, list: readonly [string, string][]): void {
  const [tag, q] = r.pick(list);
  sql(s, q, tag);
}

// A case: the schema, then a few queries drawn from the kinds above.
export function queryFamily(s: Script): void {
  const r = s.r;
  s.features.add('select');
  setup(s);
  for (let k = r.int(2, 6); k > 0; k--) {
    const kind = r.int(0, 5);
    if (kind === 0) from(r, s, JOINS);
    else if (kind === 1) from(r, s, SUBQUERIES);
    else if (kind === 2) from(r, s, AGGREGATES);
    else if (kind === 3) from(r, s, CTES);
    else if (kind === 4) compound(r, s);
    else sql(s, r.pick(EXPRS));
  }
  if (r.chance(0.2)) sql(s, [`CREATE VIEW v AS ${r.pick(JOINS)[1]}`, 'SELECT * FROM v LIMIT 3'], 'view');
}
