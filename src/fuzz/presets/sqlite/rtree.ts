import { sql, type Script } from './script.js';

// R*Tree indexes: 1–3 dimensions, integer and real coordinates, auxiliary columns, enough rows to
// split nodes, range queries, updates and deletes that reinsert entries, and the rtreecheck().

export function rtreeFamily(s: Script): void {
  const r = s.r;
  s.features.add('rtree');
  const dims = r.int(1, 3);
  const mod = r.chance(0.25) ? 'rtree_i32' : 'rtree';
  s.features.add(mod);
  const axes = ['x', 'y', 'z'].slice(0, dims);
  const aux = r.chance(0.4);
  if (aux) s.features.add('rtree auxiliary');
  sql(s, `CREATE VIRTUAL TABLE box USING ${mod}(id, ${axes.map((a) => `min${a}, max${a}`).join(', ')}${aux ? ', +label TEXT, +weight' : ''})`);
  const n = r.pick([5, 40, 200, 800, 1500]);
  if (n > 50) s.features.add('rtree many-rows');
  const coord = (a: number) => `((i * ${a * 37 + 11}) % 997) ${mod === 'rtree' ? '/ 10.0' : ''}`;
  const cols = axes.map((_, k) => `${coord(k + 1)}, ${coord(k + 1)} + (i % ${r.int(3, 30)})`).join(', ');
  sql(s, `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${n}) INSERT INTO box SELECT i, ${cols}${aux ? ", 'b' || i, i % 7" : ''} FROM c`);
  const lo = r.int(0, 60);
  const hi = lo + r.int(1, 40);
  const where = axes.map((a) => r.pick([`min${a} >= ${lo} AND max${a} <= ${hi}`, `max${a} >= ${lo} AND min${a} <= ${hi}`, `min${a} > ${hi}`])).join(' AND ');
  sql(s, `SELECT ${r.pick(['count(*)', 'id', `id, min${axes[0]}, max${axes[0]}`])}${aux ? ', label' : ''} FROM box WHERE ${where} ORDER BY 1 LIMIT 8`, 'rtree range-query');
  for (let k = r.int(0, 3); k > 0; k--) {
    const [q, tag] = r.pick<[string, string]>([
      [`DELETE FROM box WHERE id % ${r.int(2, 5)} = 0`, 'rtree delete'],
      [`UPDATE box SET min${axes[0]} = min${axes[0]} + 500, max${axes[0]} = max${axes[0]} + 500 WHERE id < ${r.int(5, 100)}`, 'rtree update'],
      [`INSERT INTO box VALUES (NULL, ${axes.map(() => '1, 2').join(', ')}${aux ? ", 'new', 0" : ''})`, 'rtree insert'],
      [`INSERT INTO box VALUES (${n + 1}, ${axes.map(() => '5, 1').join(', ')}${aux ? ', NULL, NULL' : ''})`, 'rtree constraint'],
      [`SELECT id FROM box WHERE id = ${r.int(1, n)}`, 'rtree rowid-lookup'],
      [`SELECT count(*), max(max${axes[0]}) FROM box`, 'rtree scan'],
      [aux ? "UPDATE box SET label = 'x' WHERE id = 3 RETURNING label" : 'SELECT count(*) FROM box_node', 'rtree aux-update'],
      [`SELECT rtreedepth(data) FROM box_node WHERE nodeno = 1`, 'rtreedepth'],
      [`SELECT rtreenode(${dims}, data) FROM box_node WHERE nodeno = 1 AND ${n} < 20`, 'rtreenode'],
    ]);
    sql(s, q, tag);
  }
  if (r.chance(0.5)) sql(s, "SELECT rtreecheck('box')", 'rtreecheck');
  if (r.chance(0.3)) sql(s, ['CREATE TABLE obj(id INTEGER PRIMARY KEY, name TEXT)', `INSERT INTO obj SELECT id, 'o' || id FROM box WHERE id <= 20`, `SELECT o.name FROM obj o JOIN box b ON b.id = o.id WHERE b.max${axes[0]} < 30 ORDER BY o.id`], 'rtree join');
  if (r.chance(0.2)) sql(s, ['DROP TABLE box', "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'box%'"], 'rtree drop');
}
