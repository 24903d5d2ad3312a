import type { Rng } from '../../../util/rng.js';
import { lit, sql, type Script } from './script.js';

// JSON functions: building, extracting (functions and the -> / ->> operators), editing, table-valued
// walks (json_each / json_tree) and aggregates, over literals and a table of documents.

const DOCS = [
  '{"a":1,"b":[1,2,3],"c":{"d":"x","e":null}}', '[1,2,{"k":null},[3,[4]]]', '{"name":"ann","tags":["x","y"],"age":30,"ok":true}',
  '"str"', '42', '-1.5e3', 'null', 'false', '{"a":{"b":{"c":[10,20,{"z":"deep"}]}}}', '{"x":"caf\\u00e9","y":"line\\nbreak","z":"\\"q\\""}',
  '[]', '{}', ' { "sp" : [ 1 , 2 ] } ', '{"dup":1,"dup":2}', '{"big":12345678901234567890,"f":0.1,"e":1E-7}',
];
const BAD_DOCS = ['{"a":', '[1,2', "{'a':1}", '{"a" 1}', 'tru', '[1,]'];
const PATHS = ['$', '$.a', '$.b[0]', '$.b[#-1]', '$.c.d', '$.missing', '$[2].k', '$.a.b.c[1]', '$."a"', '$[#-1][1][0]', '$.tags[1]', '$.name', '$.c', '$[0]', '$.x', '$.big', '$.a.b.c[2].z'];
const BAD_PATHS = ['a', '$.', '$[', '$.a[x]', '$$'];
const VALUES = ["1", "'text'", 'NULL', "json('[9,8]')", "json_object('n', 1)", '2.5', "json('true')", "'[1,2]'"];

function doc(r: Rng): string {
  return lit(r.pick(DOCS));
}

function path(r: Rng): string {
  return lit(r.pick(PATHS));
}

function scalar(r: Rng, s: Script): string {
  const kind = r.int(0, 14);
  const tag = (t: string) => s.features.add(t);
  switch (kind) {
    case 0: tag('json_extract'); return `json_extract(${doc(r)}, ${path(r)}${r.chance(0.3) ? `, ${path(r)}` : ''})`;
    case 1: tag('->'); return `${doc(r)} -> ${r.chance(0.5) ? path(r) : r.pick(["'a'", "'name'", '0', '1', '-1', "'b'"])}`;
    case 2: tag('->>'); return `${doc(r)} ->> ${r.chance(0.5) ? path(r) : r.pick(["'a'", "'age'", '2', "'c'"])}`;
    case 3: tag('json_type'); return `json_type(${doc(r)}${r.chance(0.6) ? `, ${path(r)}` : ''})`;
    case 4: tag('json_valid'); return `json_valid(${r.chance(0.5) ? doc(r) : lit(r.pick(BAD_DOCS))})`;
    case 5: tag('json_array_length'); return `json_array_length(${doc(r)}${r.chance(0.5) ? `, ${path(r)}` : ''})`;
    case 6: { const fn = r.pick(['json_insert', 'json_replace', 'json_set']); tag(fn); return `${fn}(${doc(r)}, ${path(r)}, ${r.pick(VALUES)}${r.chance(0.4) ? `, ${lit(r.pick(['$.new', '$.b[#]', '$[#]', '$.c.f']))}, ${r.pick(VALUES)}` : ''})`; }
    case 7: tag('json_remove'); return `json_remove(${doc(r)}, ${path(r)}${r.chance(0.3) ? `, ${path(r)}` : ''})`;
    case 8: tag('json_patch'); return `json_patch(${lit(r.pick(['{"a":1,"b":{"c":2}}', '{"a":[1]}', '[1]', '{}']))}, ${lit(r.pick(['{"a":null}', '{"b":{"c":3,"d":4}}', '{"x":[1,2]}', '"s"', '{"b":null,"a":{"n":1}}']))})`;
    case 9: tag('json_quote'); return `json_quote(${r.pick(["'a\"b'", '3.5', 'NULL', "json('[1]')", "'é\\\\'"])})`;
    case 10: tag('json_array'); return `json_array(${r.pick(['', '1, 2', "'a', NULL, 3.25", "json('{\"k\":1}'), '{\"k\":1}'"])})`;
    case 11: tag('json_object'); return `json_object(${r.pick(['', "'a', 1", "'a', json_array(1, 2), 'b', NULL", "'k', '{}'", "'k', json('{}')", "1, 2", "'odd'"])})`;
    case 12: tag('json'); return `json(${r.chance(0.8) ? doc(r) : lit(r.pick(BAD_DOCS))})`;
    case 13: tag('json-path-error'); return `json_extract(${doc(r)}, ${lit(r.pick(BAD_PATHS))})`;
    default: tag('json-nested'); return `json_extract(json_set(${doc(r)}, '$.added', json_array(1, json_object('q', 2))), '$.added[1].q')`;
  }
}

// A table of documents walked with json_each / json_tree and aggregated back.
function table(s: Script): void {
  const r = s.r;
  sql(s, 'CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT)', 'json-table');
  const picked = Array.from({ length: r.int(2, 6) }, () => r.pick(DOCS));
  sql(s, `INSERT INTO docs(body) VALUES ${picked.map((d) => `(${lit(d)})`).join(', ')}`);
  const walk = r.pick(['json_each', 'json_tree']);
  s.features.add(walk);
  sql(s, r.pick([
    `SELECT d.id, j.key, j.value, j.type, j.atom, j.fullkey, j.path FROM docs d, ${walk}(d.body) j ORDER BY d.id, j.id`,
    `SELECT j.key, j.type, count(*) FROM docs, ${walk}(docs.body) j GROUP BY 1, 2 ORDER BY 1, 2`,
    `SELECT id, (SELECT count(*) FROM ${walk}(body)) FROM docs WHERE json_valid(body)`,
    `SELECT key, value, parent, id FROM ${walk}(${doc(r)}${r.chance(0.5) ? `, ${lit(r.pick(['$.b', '$.c', '$[3]', '$.a', '$.tags']))}` : ''})`,
  ]));
  if (r.chance(0.7)) {
    const agg = r.pick(['json_group_array', 'json_group_object']);
    s.features.add(agg);
    sql(s, agg === 'json_group_array' ? `SELECT json_group_array(${r.pick(['json_type(body)', 'body', 'json(body)', 'id'])}) FROM docs${r.chance(0.4) ? ' WHERE id > 1' : ''}` : `SELECT json_group_object(${r.pick(["'k' || id", 'json_type(body)'])}, ${r.pick(['id', 'json(body)', 'body ->> 0'])}) FROM docs`);
  }
  if (r.chance(0.4)) sql(s, `UPDATE docs SET body = json_set(body, '$.seen', id) WHERE json_type(body) = 'object' RETURNING id, body`, 'returning');
  if (r.chance(0.3)) sql(s, `SELECT id FROM docs WHERE body ->> '$.a' IS NOT NULL OR json_extract(body, '$.name') = 'ann'`);
  if (r.chance(0.25)) sql(s, `CREATE INDEX docs_name ON docs(body ->> 'name')`, 'expression-index');
}

// JSON functions on literals and on a table of documents, with the odd malformed input.
export function jsonFamily(s: Script): void {
  const r = s.r;
  s.features.add('json');
  for (let k = r.int(1, 5); k > 0; k--) sql(s, `SELECT ${Array.from({ length: r.int(1, 3) }, () => scalar(r, s)).join(', ')}`);
  if (r.chance(0.6)) table(s);
}
