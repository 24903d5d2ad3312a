import type { Rng } from '../../../util/rng.js';
import { sql, type Script } from './script.js';

// Window functions over a small sales table: ranking, offsets, value functions and aggregates with
// ROWS / RANGE / GROUPS frames, EXCLUDE clauses, named windows and FILTER.

const REGIONS = ['north', 'south', 'east', 'west'];

function setup(s: Script): void {
  const r = s.r;
  sql(s, 'CREATE TABLE sales(id INTEGER PRIMARY KEY, region TEXT, month INTEGER, amount REAL, units INTEGER)');
  const rows = Array.from({ length: r.int(6, 24) }, (_, i) => `(${i + 1}, '${r.pick(REGIONS)}', ${r.int(1, 6)}, ${r.chance(0.08) ? 'NULL' : (r.int(0, 400) / 4).toString()}, ${r.int(0, 9)})`);
  sql(s, `INSERT INTO sales VALUES ${rows.join(', ')}`);
}

// RANGE offsets need exactly one ORDER BY term; other RANGE frames use only unbounded and current-row bounds.
function bound(r: Rng, mode: string, start: boolean, single: boolean): string {
  if (mode === 'RANGE' && !single) return r.pick(start ? ['UNBOUNDED PRECEDING', 'CURRENT ROW'] : ['CURRENT ROW', 'UNBOUNDED FOLLOWING']);
  const n = mode === 'RANGE' ? r.pick(['1', '2', '10']) : String(r.int(0, 3));
  return r.pick(start ? ['UNBOUNDED PRECEDING', `${n} PRECEDING`, 'CURRENT ROW', `${n} FOLLOWING`] : [`${n} PRECEDING`, 'CURRENT ROW', `${n} FOLLOWING`, 'UNBOUNDED FOLLOWING']);
}

// Frame ends ranked: a frame whose start comes after its end is rejected by sqlite.
const RANK: [RegExp, number][] = [[/UNBOUNDED PRECEDING/, 0], [/PRECEDING/, 1], [/CURRENT ROW/, 2], [/UNBOUNDED FOLLOWING/, 4], [/FOLLOWING/, 3]];
function rank(b: string): number {
  return (RANK.find(([re]) => re.test(b)) ?? [null, 2])[1];
}

function between(r: Rng, mode: string, single: boolean): string {
  const start = bound(r, mode, true, single);
  let end = bound(r, mode, false, single);
  if (rank(end) < rank(start) || (rank(start) === 3 && rank(end) === 3 && r.chance(0.5))) end = 'UNBOUNDED FOLLOWING';
  return `BETWEEN ${start} AND ${end}`;
}

function frame(r: Rng, s: Script, single: boolean): string {
  if (r.chance(0.35)) return '';
  const mode = r.pick(['ROWS', 'RANGE', 'GROUPS']);
  s.features.add(`frame ${mode}`);
  const spec = r.chance(0.25) ? r.pick(['UNBOUNDED PRECEDING', 'CURRENT ROW', '1 PRECEDING']) : between(r, mode, single);
  let out = ` ${mode} ${spec}`;
  if (r.chance(0.3)) {
    const ex = r.pick(['NO OTHERS', 'CURRENT ROW', 'GROUP', 'TIES']);
    s.features.add(`exclude ${ex}`);
    out += ` EXCLUDE ${ex}`;
  }
  return out;
}

function over(r: Rng, s: Script, ordered: boolean): string {
  const parts: string[] = [];
  if (r.chance(0.5)) parts.push(`PARTITION BY ${r.pick(['region', 'month % 2', 'region, units > 4'])}`);
  const order = ordered || r.chance(0.8) ? r.pick(['month', 'amount', 'month, id', 'amount DESC', 'units NULLS FIRST', 'id']) : null;
  if (order) parts.push(`ORDER BY ${order}`);
  return `(${parts.join(' ')}${order ? frame(r, s, !order.includes(',')) : ''})`;
}

function windowCall(r: Rng, s: Script): string {
  const fn = r.pick(['row_number()', 'rank()', 'dense_rank()', 'percent_rank()', 'cume_dist()', 'ntile(3)', 'lag(amount)', 'lag(amount, 2, -1)', 'lead(units)', 'lead(region, 1, \'none\')', 'first_value(amount)', 'last_value(units)', 'nth_value(amount, 2)', 'sum(amount)', 'avg(units)', 'count(*)', 'count(amount)', 'min(amount)', 'max(units)', 'group_concat(id, \'-\')', 'total(units)', 'sum(units) FILTER (WHERE units > 3)']);
  s.features.add(fn.replace(/\(.*$/, ''));
  return `${fn} OVER ${over(r, s, /rank|lag|lead|ntile|cume|row_number/.test(fn))}`;
}

// One case: a few windowed queries, sometimes with a named window or a window in a subquery.
export function windowFamily(s: Script): void {
  const r = s.r;
  s.features.add('window');
  setup(s);
  for (let k = r.int(1, 4); k > 0; k--) {
    const cols = Array.from({ length: r.int(1, 3) }, () => windowCall(r, s));
    sql(s, `SELECT id, region, month, amount, ${cols.join(', ')} FROM sales ORDER BY ${r.pick(['id', 'region, id', 'month, id'])}${r.chance(0.3) ? ' LIMIT 8' : ''}`);
  }
  if (r.chance(0.4)) sql(s, `SELECT region, month, sum(amount) OVER w, ${r.pick(['avg(amount) OVER (w ROWS 1 PRECEDING)', 'rank() OVER w', 'max(units) OVER (w RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)'])} FROM sales WINDOW w AS (PARTITION BY region ORDER BY month) ORDER BY region, month, id`, 'named-window');
  if (r.chance(0.3)) sql(s, `SELECT * FROM (SELECT region, amount, row_number() OVER (PARTITION BY region ORDER BY amount DESC, id) AS rn FROM sales) WHERE rn <= ${r.int(1, 2)} ORDER BY region, rn`, 'top-n-per-group');
  if (r.chance(0.2)) sql(s, `SELECT region, sum(amount), rank() OVER (ORDER BY sum(amount) DESC) FROM sales GROUP BY region ORDER BY 3, 1`, 'window-over-aggregate');
  if (r.chance(0.1)) sql(s, r.pick(['SELECT rank(1) OVER () FROM sales', 'SELECT ntile(0) OVER (ORDER BY id) FROM sales', 'SELECT sum(amount) OVER (ORDER BY id RANGE 1 PRECEDING) FROM sales', 'SELECT row_number() FROM sales']), 'window-error');
}
