import type { Rng } from '../../../util/rng.js';
import { lit, sql, type Script } from './script.js';

// Date and time functions on fixed instants (never 'now' or local time, so outputs never drift).

const TIMES = [
  "'2024-02-29'", "'2023-12-31 23:59:59'", "'2000-01-01T12:30:45.123'", "'1970-01-01'", "'2024-03-10 02:30'",
  "'12:34:56'", "'2021-06-15 08:00:00+05:30'", "'2021-06-15T08:00:00Z'", "'2021-06-15 08:00:00.5-02:00'", '2459580.5',
  "'2459580.25'", "'0001-01-01 00:00:00'", "'9999-12-31'", "'1999-12-31T23:59'", "'2024-01-15 10:20:30.456789'",
  "'2024-13-01'", "'not a date'", "'2024-02-30'", "''", 'NULL', "'1600-03-01'", "'2038-01-19 03:14:07'", "'23:59'",
];
const EPOCHS = ['0', '1700000000', '-86400', '1234567890.5', '2147483648', "'1700000000'"];
const MODIFIERS = [
  "'+1 day'", "'-3 days'", "'+2 hours'", "'+30 minutes'", "'-45 seconds'", "'+1.5 days'", "'+1 month'", "'-1 year'",
  "'+12 months'", "'-13 months'", "'start of month'", "'start of year'", "'start of day'", "'weekday 0'", "'weekday 3'",
  "'+10 years'", "'+0.25 hours'", "'-1000 days'", "'+2000-01-01'", "'+01:30'", "'-05:00'", "'+1 decade'", "'weekday 9'",
  "'+100000 seconds'", "'-6 months'", "'+1 month'", "'start of monthx'",
];
const FORMATS = ['%Y-%m-%d', '%H:%M:%f', '%j', '%J', '%s', '%w', '%W', '%%', '%d/%m/%Y %H', '%Y%m%d%H%M%S', '%M', 'week %W of %Y', '%Q', '%u', '%G', '%V', '%e', '%k', '%l', '%p', '%I', '%a'];

function modifiers(r: Rng, s: Script): string {
  const mods = Array.from({ length: r.int(0, 3) }, () => r.pick(MODIFIERS));
  for (const m of mods) s.features.add(`modifier ${m.replace(/'|[-+]?[\d.]+ ?/g, '').trim() || 'offset'}`);
  return mods.map((m) => `, ${m}`).join('');
}

function call(r: Rng, s: Script): string {
  const fn = r.pick(['date', 'time', 'datetime', 'julianday', 'unixepoch', 'strftime', 'strftime']);
  s.features.add(fn);
  const epoch = r.chance(0.15);
  const time = epoch ? `${r.pick(EPOCHS)}, 'unixepoch'` : r.chance(0.1) ? `${r.pick(['2459580.5', '0', "'2460000'"])}, ${r.pick(["'julianday'", "'auto'"])}` : r.pick(TIMES);
  if (epoch) s.features.add('unixepoch-modifier');
  const head = fn === 'strftime' ? `${lit(r.pick(FORMATS))}, ` : '';
  return `${fn}(${head}${time}${modifiers(r, s)})`;
}

// Standalone date expressions, compared and combined.
function expressions(s: Script): void {
  const r = s.r;
  for (let k = r.int(2, 6); k > 0; k--) {
    const cols = Array.from({ length: r.int(1, 4) }, () => call(r, s));
    sql(s, `SELECT ${cols.join(', ')}`);
  }
  if (r.chance(0.4)) sql(s, `SELECT julianday(${r.pick(TIMES)}) - julianday(${r.pick(TIMES)}), CAST(julianday('2024-12-25') - julianday('2024-01-01') AS INTEGER)`, 'date-difference');
  if (r.chance(0.3)) sql(s, `SELECT date(${r.pick(TIMES)}) ${r.pick(['<', '=', '>', 'BETWEEN', 'IS'])} ${r.pick(["'2024-01-01'", "date('2000-01-01', '+24 years')"])}${r.chance(0.5) ? " AND '2030-01-01'" : ''}`, 'date-compare');
}

// A table of events grouped and filtered by calendar fields.
function events(s: Script): void {
  const r = s.r;
  sql(s, 'CREATE TABLE ev(id INTEGER PRIMARY KEY, at TEXT, kind TEXT)', 'date-table');
  const base = r.pick(['2023-01-01', '2024-02-27', '2019-12-30', '2020-02-28']);
  const step = r.pick(['+17 hours', '+3 days', '+1 month', '+9 days', '+1000 minutes']);
  const n = r.int(8, 60);
  sql(s, `WITH RECURSIVE c(i, t) AS (SELECT 1, datetime('${base} 06:00') UNION ALL SELECT i + 1, datetime(t, '${step}') FROM c WHERE i < ${n}) INSERT INTO ev SELECT i, t, CASE i % 3 WHEN 0 THEN 'a' WHEN 1 THEN 'b' ELSE 'c' END FROM c`);
  sql(s, r.pick([
    "SELECT strftime('%Y-%m', at) AS m, count(*), min(at), max(at) FROM ev GROUP BY m ORDER BY m",
    "SELECT strftime('%w', at) AS dow, kind, count(*) FROM ev GROUP BY 1, 2 ORDER BY 1, 2",
    "SELECT id, at, date(at, 'weekday 1') FROM ev WHERE at BETWEEN '2020-01-01' AND '2024-03-05' ORDER BY at DESC LIMIT 5",
    "SELECT kind, round(avg(julianday(at)) - 2400000, 3), sum(unixepoch(at)) % 100000 FROM ev GROUP BY kind",
    "SELECT id, at, julianday(at) - julianday(lag(at) OVER (ORDER BY at)) FROM ev LIMIT 6",
    "SELECT date(at, 'start of month', '+1 month', '-1 day') AS last_day, count(*) FROM ev GROUP BY 1 ORDER BY 1",
    "SELECT strftime('%W', at), strftime('%j', at), time(at) FROM ev WHERE kind = 'b' LIMIT 4",
  ]));
  if (r.chance(0.4)) sql(s, `CREATE INDEX ev_day ON ev(date(at))`, 'expression-index');
  if (r.chance(0.5)) sql(s, `SELECT count(*) FROM ev WHERE date(at) ${r.pick(['=', '>=', '<'])} '2024-03-01'`);
}

// date/time functions on fixed dates, standalone and over a table of events.
export function dateTimeFamily(s: Script): void {
  s.features.add('datetime');
  if (s.r.chance(0.7)) expressions(s);
  if (s.r.chance(0.5)) events(s);
}
