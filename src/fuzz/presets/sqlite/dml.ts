import type { Rng } from '../../../util/rng.js';
import { sql, type Script } from './script.js';

// Data changes: upserts, RETURNING, conflict resolution, UPDATE … FROM, DELETE/UPDATE with LIMIT,
// triggers (BEFORE/AFTER/INSTEAD OF, WHEN, RAISE) and foreign keys with their actions.

function inventory(s: Script): void {
  const r = s.r;
  sql(s, [`CREATE TABLE inv(sku TEXT PRIMARY KEY, qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0), price REAL, note TEXT UNIQUE)`,
    "INSERT INTO inv VALUES ('a1', 5, 1.5, NULL), ('b2', 0, 20, 'x'), ('c3', 12, 3.25, 'y')"]);
  for (let k = r.int(2, 5); k > 0; k--) {
    const sku = r.pick(['a1', 'b2', 'c3', 'd4', 'e5']);
    const [q, tag] = r.pick<[string, string]>([
      [`INSERT INTO inv(sku, qty) VALUES ('${sku}', ${r.int(1, 9)}) ON CONFLICT(sku) DO UPDATE SET qty = qty + excluded.qty`, 'upsert'],
      [`INSERT INTO inv(sku, qty, price) VALUES ('${sku}', ${r.int(1, 9)}, 9.5) ON CONFLICT(sku) DO UPDATE SET price = excluded.price WHERE excluded.price > inv.price`, 'upsert'],
      [`INSERT INTO inv(sku, qty) VALUES ('${sku}', 1) ON CONFLICT DO NOTHING`, 'upsert-nothing'],
      [`INSERT INTO inv(sku, note) VALUES ('${sku}', 'x') ON CONFLICT(note) DO UPDATE SET qty = qty + 100 ON CONFLICT DO NOTHING`, 'upsert-multiple'],
      [`INSERT INTO inv(sku, qty) VALUES ('${sku}', ${r.int(0, 9)}) ON CONFLICT(sku) DO UPDATE SET qty = excluded.qty RETURNING sku, qty`, 'returning'],
      [`INSERT OR ${r.pick(['REPLACE', 'IGNORE', 'ABORT', 'FAIL', 'ROLLBACK'])} INTO inv(sku, qty, note) VALUES ('${sku}', ${r.int(-1, 3)}, 'y')`, 'or-conflict'],
      [`REPLACE INTO inv VALUES ('${sku}', 2, 2.0, NULL)`, 'replace'],
      [`UPDATE inv SET qty = qty - ${r.int(1, 6)} WHERE sku = '${sku}' RETURNING *`, 'returning'],
      [`DELETE FROM inv WHERE qty ${r.pick(['<', '>'])} ${r.int(0, 10)} RETURNING sku, qty * price AS value`, 'returning'],
      [`UPDATE OR IGNORE inv SET note = 'x' WHERE sku <> 'b2'`, 'or-conflict'],
      [`UPDATE inv SET qty = qty + 1 ORDER BY sku DESC LIMIT ${r.int(1, 2)}`, 'update-limit'],
      [`DELETE FROM inv ORDER BY qty LIMIT 1 OFFSET ${r.int(0, 1)}`, 'delete-limit'],
      ['INSERT INTO inv(sku) VALUES (NULL)', 'null-primary-key'],
      ['INSERT INTO inv DEFAULT VALUES', 'default-values'],
    ]);
    sql(s, q, tag);
  }
  sql(s, 'SELECT * FROM inv ORDER BY sku');
}

function updateFrom(s: Script): void {
  const r = s.r;
  sql(s, ['CREATE TABLE acct(id INTEGER PRIMARY KEY, bal INTEGER)', 'CREATE TABLE tx(acct INTEGER, amt INTEGER)',
    `INSERT INTO acct VALUES (1, 100), (2, 50), (3, 0)`,
    `INSERT INTO tx VALUES ${Array.from({ length: r.int(2, 6) }, () => `(${r.int(1, 4)}, ${r.int(-30, 60)})`).join(', ')}`]);
  sql(s, r.pick([
    'UPDATE acct SET bal = bal + t.s FROM (SELECT acct, sum(amt) AS s FROM tx GROUP BY acct) AS t WHERE t.acct = acct.id',
    'UPDATE acct AS a SET bal = (SELECT sum(amt) FROM tx WHERE tx.acct = a.id) WHERE EXISTS (SELECT 1 FROM tx WHERE tx.acct = a.id)',
    'INSERT INTO acct(id, bal) SELECT acct, sum(amt) FROM tx WHERE true GROUP BY acct ON CONFLICT(id) DO UPDATE SET bal = bal + excluded.bal',
  ]), 'update-from');
  sql(s, ['SELECT * FROM acct ORDER BY id', 'SELECT changes(), total_changes()']);
}

function triggers(s: Script): void {
  const r = s.r;
  sql(s, ['CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER)', 'CREATE TABLE log(seq INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT)']);
  const kind = r.int(0, 4);
  if (kind === 0) sql(s, "CREATE TRIGGER item_ins AFTER INSERT ON item BEGIN INSERT INTO log(what) VALUES ('ins ' || new.name); END", 'trigger-after-insert');
  if (kind === 1) sql(s, "CREATE TRIGGER item_upd AFTER UPDATE OF qty ON item WHEN new.qty < old.qty BEGIN INSERT INTO log(what) VALUES (printf('%s: %d -> %d', old.name, old.qty, new.qty)); END", 'trigger-update-of');
  if (kind === 2) sql(s, "CREATE TRIGGER item_chk BEFORE INSERT ON item FOR EACH ROW WHEN new.qty < 0 BEGIN SELECT RAISE(ABORT, 'negative qty'); END", 'trigger-raise');
  if (kind === 3) sql(s, ["CREATE VIEW item_v AS SELECT id, upper(name) AS name, qty FROM item", "CREATE TRIGGER item_v_ins INSTEAD OF INSERT ON item_v BEGIN INSERT INTO item(name, qty) VALUES (lower(new.name), new.qty * 2); END", "CREATE TRIGGER item_v_del INSTEAD OF DELETE ON item_v BEGIN DELETE FROM item WHERE id = old.id; INSERT INTO log(what) VALUES ('gone ' || old.name); END"], 'trigger-instead-of');
  if (kind === 4) sql(s, ["CREATE TRIGGER item_del BEFORE DELETE ON item BEGIN INSERT INTO log(what) VALUES ('del ' || old.id); UPDATE item SET qty = qty + old.qty WHERE id = (SELECT min(id) FROM item WHERE id <> old.id); END", 'PRAGMA recursive_triggers = ' + r.pick(['ON', 'OFF'])], 'trigger-before-delete');
  const target = kind === 3 ? 'item_v' : 'item';
  sql(s, `INSERT INTO ${target}(name, qty) VALUES ('bolt', 10), ('nut', ${r.pick(['5', '-1', '0'])}), ('gear', 3)`);
  sql(s, r.pick([`UPDATE item SET qty = qty - 2 WHERE name <> 'nut'`, `DELETE FROM ${target} WHERE ${kind === 3 ? "name = 'NUT'" : 'qty < 6'}`, 'UPDATE item SET qty = 1']));
  sql(s, ['SELECT * FROM item ORDER BY id', 'SELECT * FROM log ORDER BY seq', 'SELECT name, seq FROM sqlite_sequence']);
  if (r.chance(0.3)) sql(s, ['DROP TRIGGER IF EXISTS item_ins', "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY 1"]);
}

function foreignKeys(s: Script): void {
  const r = s.r;
  const on = r.chance(0.85);
  sql(s, `PRAGMA foreign_keys = ${on ? 'ON' : 'OFF'}`, 'foreign-keys');
  const del = r.pick(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION']);
  const upd = r.pick(['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION']);
  const deferred = r.chance(0.25);
  s.features.add(`on-delete ${del.toLowerCase()}`);
  sql(s, ['CREATE TABLE parent(id INTEGER PRIMARY KEY, code TEXT UNIQUE)', `CREATE TABLE child(id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 0 REFERENCES parent(id) ON DELETE ${del} ON UPDATE ${upd}${deferred ? ' DEFERRABLE INITIALLY DEFERRED' : ''}, pcode TEXT REFERENCES parent(code))`,
    "INSERT INTO parent VALUES (0, 'zero'), (1, 'one'), (2, 'two')", "INSERT INTO child VALUES (10, 1, 'one'), (11, 1, NULL), (12, 2, 'two')"]);
  if (deferred) sql(s, ['BEGIN', 'INSERT INTO child VALUES (13, 7, NULL)', `INSERT INTO parent VALUES (7, 'seven')`, 'COMMIT'], 'deferred-fk');
  sql(s, r.pick(['DELETE FROM parent WHERE id = 1', 'UPDATE parent SET id = 5 WHERE id = 2', 'INSERT INTO child VALUES (20, 9, NULL)', "UPDATE parent SET code = 'uno' WHERE id = 1", 'DELETE FROM parent']));
  sql(s, ['SELECT * FROM child ORDER BY id', r.pick(['PRAGMA foreign_key_check', 'PRAGMA foreign_key_list(child)', 'PRAGMA foreign_key_check(child)'])]);
  if (r.chance(0.3)) sql(s, ['PRAGMA foreign_keys = OFF', 'INSERT INTO child VALUES (30, 99, NULL)', 'PRAGMA foreign_key_check']);
}

// A case: one of the data-change scenarios, sometimes two.
export function dmlFamily(s: Script): void {
  const r = s.r;
  s.features.add('dml');
  const scenarios = [inventory, updateFrom, triggers, foreignKeys];
  const first = r.pick(scenarios);
  first(s);
  if (r.chance(0.25)) pickOther(r, scenarios, first)(s);
}

function pickOther<T>(r: Rng, items: readonly T[], not: T): T {
  const rest = items.filter((x) => x !== not);
  return r.pick(rest);
}
