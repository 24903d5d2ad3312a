import type { Rng } from '../../../util/rng.js';
import { WORDS, lit, sentence, sql, type Script } from './script.js';

// Full-text search: FTS5 (tokenizers, prefix indexes, detail levels, external and contentless
// content, MATCH syntax, bm25/highlight/snippet, vocab tables, special commands) and FTS4/FTS3
// (MATCH, snippet/offsets/matchinfo, fts4aux, fts3tokenize, special commands).

function corpusInsert(r: Rng, table: string, columns: number, rows: number): string {
  const tuples = Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => lit(sentence(r, r.int(1, 9)))).join(', ')})`);
  return `INSERT INTO ${table} VALUES ${tuples.join(', ')}`;
}

// Many generated rows, enough to make several index segments and merges.
function bulkInsert(r: Rng, table: string, columns: number): string {
  const words = WORDS.slice(0, r.int(8, WORDS.length));
  const arr = `json_array(${words.map((w) => lit(w)).join(', ')})`;
  const col = (k: number) => `json_extract(${arr}, '$[' || ((i * ${k * 7 + 3}) % ${words.length}) || ']') || ' ' || json_extract(${arr}, '$[' || ((i * i + ${k}) % ${words.length}) || ']') || ' w' || (i % ${r.int(5, 50)})`;
  return `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${r.int(50, 600)}) INSERT INTO ${table} SELECT ${Array.from({ length: columns }, (_, k) => col(k + 1)).join(', ')} FROM c`;
}

// Queries; with detail=none/column, phrase and NEAR queries are errors, so they are rare there.
function fts5Query(r: Rng, s: Script, limited: boolean): string {
  const w = () => r.pick(WORDS.slice(0, 14));
  const all: [string, string][] = [
    [w(), 'term'],
    [`${w()} ${w()}`, 'implicit-and'],
    [`${w()} AND ${w()}`, 'and'],
    [`${w()} OR ${w()}`, 'or'],
    [`${w()} NOT ${w()}`, 'not'],
    [`"${w()} ${w()}"`, 'phrase'],
    [`${w().slice(0, r.int(1, 3))}*`, 'prefix'],
    [`NEAR(${w()} ${w()}, ${r.int(0, 5)})`, 'near'],
    [`a: ${w()}`, 'column-filter'],
    [`{a b}: ${w()} OR ${w()}`, 'column-set'],
    [`- a: ${w()}`, 'column-exclude'],
    [`^${w()}`, 'initial-token'],
    [`(${w()} OR ${w()}) AND NOT ${w()}`, 'grouping'],
    [`${w()} + ${w()}`, 'phrase-plus'],
    [r.pick(['AND', '"unterminated', 'a:', 'NEAR(', '* x', 'nosuchcol: x']), 'fts5-syntax-error'],
  ];
  const [q, tag] = r.pick(limited && r.chance(0.85) ? all.slice(0, 5) : all);
  s.features.add(`fts5 ${tag}`);
  return lit(q);
}

function fts5(s: Script): void {
  const r = s.r;
  s.features.add('fts5');
  const tok = r.pick(["'porter unicode61'", "'unicode61 remove_diacritics 2'", "'unicode61 remove_diacritics 0 tokenchars ''-_'''", "'ascii'", "'unicode61 separators ''xz'''", "'porter ascii'", 'trigram', "'unicode61 categories ''L* N* Co'''", "'trigram case_sensitive 1'"]);
  s.features.add(`tokenize ${tok.replace(/'/g, '').split(' ')[0]}`);
  const opts: string[] = [`tokenize = ${tok}`];
  if (r.chance(0.3)) opts.push(`prefix = '${r.pick(['2', '1 3', '2 4'])}'`);
  const content = r.pick([null, null, null, 'external', 'contentless']);
  const detail = content !== 'contentless' && r.chance(0.3) ? r.pick(['none', 'column', 'full']) : null;
  if (detail) { opts.push(`detail = ${detail}`); s.features.add(`detail ${detail}`); }
  if (r.chance(0.15)) { opts.push('columnsize = 0'); s.features.add('columnsize 0'); }
  if (content === 'external') {
    sql(s, ['CREATE TABLE src(id INTEGER PRIMARY KEY, a TEXT, b TEXT)', `${corpusInsert(r, 'src(a, b)', 2, r.int(3, 8))}`]);
    opts.push("content = 'src'", "content_rowid = 'id'");
    s.features.add('fts5 external-content');
  } else if (content === 'contentless') {
    opts.push("content = ''");
    s.features.add('fts5 contentless');
  }
  const cols = content !== 'external' && r.chance(0.3) ? 3 : 2;
  sql(s, `CREATE VIRTUAL TABLE ft USING fts5(a, b${cols === 3 ? ', c UNINDEXED' : ''}, ${opts.join(', ')})`);
  if (content === 'external') sql(s, "INSERT INTO ft(ft) VALUES ('rebuild')");
  else {
    sql(s, corpusInsert(r, 'ft', cols, r.int(3, 10)));
    if (r.chance(0.4)) sql(s, bulkInsert(r, 'ft', cols), 'fts5 bulk');
  }
  for (let k = r.int(1, 4); k > 0; k--) {
    const shown = content === 'contentless' ? 'rowid' : r.pick(['rowid, a', "highlight(ft, 0, '[', ']')", "snippet(ft, -1, '<', '>', '…', 5)", 'rowid, bm25(ft)', 'rowid, bm25(ft, 10.0, 1.0)', 'a, b', 'rank, rowid']);
    for (const t of ['highlight', 'snippet', 'bm25', 'rank']) if (shown.includes(t)) s.features.add(t);
    sql(s, `SELECT ${shown} FROM ft WHERE ft MATCH ${fts5Query(r, s, detail === 'none' || detail === 'column')}${r.chance(0.5) ? ' ORDER BY rank' : ''} LIMIT ${r.int(2, 8)}`);
  }
  if (r.chance(0.3)) sql(s, `SELECT count(*) FROM ft(${fts5Query(r, s, detail === 'none' || detail === 'column')})`, 'fts5 table-function');
  if (tok.includes('trigram') && r.chance(0.7)) sql(s, `SELECT rowid FROM ft WHERE a ${r.pick(["LIKE '%an%'", "GLOB '*er*'", "LIKE 'ch%'"])} LIMIT 5`, 'trigram-like');
  if (content !== 'contentless' && r.chance(0.4)) sql(s, r.pick(['DELETE FROM ft WHERE rowid % 2 = 0', "UPDATE ft SET a = 'replaced text here' WHERE rowid = 1", "INSERT INTO ft(ft, rank) VALUES ('rank', 'bm25(2.0, 1.0)')"]), 'fts5 modify');
  if (content === 'contentless' && r.chance(0.3)) sql(s, 'DELETE FROM ft WHERE rowid = 1', 'fts5 contentless-delete');
  if (r.chance(0.5)) {
    const cmd = r.pick(["'optimize'", "'integrity-check'", "'merge', 8", "'automerge', 2", "'crisismerge', 4", "'pgsz', 128", "'usermerge', 3", "'rebuild'"]);
    s.features.add(`fts5 command ${cmd.split(',')[0]?.replace(/'/g, '')}`);
    sql(s, cmd.includes(',') ? `INSERT INTO ft(ft, rank) VALUES (${cmd})` : `INSERT INTO ft(ft) VALUES (${cmd})`);
  }
  if (r.chance(0.4)) {
    const kind = r.pick(['row', 'col', 'instance']);
    s.features.add(`fts5vocab ${kind}`);
    sql(s, [`CREATE VIRTUAL TABLE temp.voc USING fts5vocab(main, ft, ${kind})`, `SELECT * FROM voc ${kind === 'instance' ? '' : 'ORDER BY cnt DESC, term '}LIMIT 6`]);
  }
  if (r.chance(0.2)) sql(s, ["SELECT * FROM ft_config", 'SELECT count(*) FROM ft_data', 'SELECT id, sz FROM ft_docsize LIMIT 3'].slice(0, r.int(1, 3)), 'fts5 shadow-tables');
}

function fts4Query(r: Rng, s: Script): string {
  const w = () => r.pick(WORDS.slice(0, 14));
  const [q, tag] = r.pick<[string, string]>([
    [w(), 'term'], [`${w()} ${w()}`, 'implicit-and'], [`${w()} OR ${w()}`, 'or'], [`${w()} -${w()}`, 'minus'], [`${w()} NOT ${w()}`, 'not'],
    [`"${w()} ${w()}"`, 'phrase'], [`${w().slice(0, 2)}*`, 'prefix'], [`${w()} NEAR/${r.int(1, 4)} ${w()}`, 'near'], [`b:${w()}`, 'column'],
    [`(${w()} OR ${w()}) AND ${w()}`, 'grouping'], [`"${w().slice(0, 3)}* ${w()}"`, 'phrase-prefix'], ['"', 'fts4-syntax-error'],
  ]);
  s.features.add(`fts4 ${tag}`);
  return lit(q);
}

function fts4(s: Script): void {
  const r = s.r;
  const mod = r.pick(['fts4', 'fts4', 'fts3']);
  s.features.add(mod);
  const opts: string[] = [];
  if (r.chance(0.6)) opts.push(`tokenize=${r.pick(['porter', 'simple', 'unicode61', 'unicode61 "remove_diacritics=0"', 'unicode61 "tokenchars=-"'])}`);
  if (mod === 'fts4') {
    if (r.chance(0.3)) opts.push(`prefix="${r.pick(['2', '1,3'])}"`);
    if (r.chance(0.2)) opts.push('order=DESC');
    if (r.chance(0.15)) opts.push('matchinfo=fts3');
    if (r.chance(0.15)) opts.push('notindexed=c');
    if (r.chance(0.15)) opts.push('languageid="lid"');
  }
  const hasC = opts.includes('notindexed=c') || r.chance(0.2);
  sql(s, `CREATE VIRTUAL TABLE d USING ${mod}(a, b${hasC ? ', c' : ''}${opts.length ? `, ${opts.join(', ')}` : ''})`);
  sql(s, corpusInsert(r, `d(a, b${hasC ? ', c' : ''})`, hasC ? 3 : 2, r.int(3, 10)));
  if (r.chance(0.35)) sql(s, bulkInsert(r, `d(a, b${hasC ? ', c' : ''})`, hasC ? 3 : 2), 'fts4 bulk');
  for (let k = r.int(1, 3); k > 0; k--) {
    const shown = r.pick(['docid, a', 'snippet(d)', "snippet(d, '[', ']', '...', -1, 6)", 'offsets(d)', `hex(matchinfo(d${r.chance(0.5) ? `, '${r.pick(['pcx', 'pcnalx', 'y', 'b', 's', 'pcnalxsyb'])}'` : ''}))`, 'rowid, b']);
    for (const t of ['snippet', 'offsets', 'matchinfo']) if (shown.includes(t)) s.features.add(t);
    sql(s, `SELECT ${shown} FROM d WHERE d MATCH ${fts4Query(r, s)}${r.chance(0.3) ? ' ORDER BY docid DESC' : ''} LIMIT ${r.int(2, 6)}`);
  }
  if (r.chance(0.4)) sql(s, r.pick(['DELETE FROM d WHERE docid = 2', "UPDATE d SET b = 'changed words here' WHERE rowid = 1", "INSERT INTO d(docid, a, b) VALUES (100, 'explicit', 'docid row')"]), 'fts4 modify');
  if (r.chance(0.4)) {
    const cmd = r.pick(['optimize', 'rebuild', 'integrity-check', 'merge=4,2', 'automerge=2']);
    s.features.add(`fts4 command ${cmd.replace(/=.*/, '')}`);
    sql(s, `INSERT INTO d(d) VALUES ('${cmd}')`);
  }
  if (mod === 'fts4' && r.chance(0.35)) sql(s, ['CREATE VIRTUAL TABLE temp.aux USING fts4aux(main, d)', 'SELECT term, col, documents, occurrences FROM aux ORDER BY occurrences DESC, term, col LIMIT 6'], 'fts4aux');
  if (r.chance(0.2)) sql(s, [`CREATE VIRTUAL TABLE temp.tk USING fts3tokenize(${r.pick(['simple', 'porter', 'unicode61'])})`, `SELECT token, start, "end", position FROM tk WHERE input = ${lit(sentence(r, 4) + ' Ünïcode-Text')}`], 'fts3tokenize');
  if (r.chance(0.15)) sql(s, "SELECT fts3_tokenizer('simple') IS NOT NULL", 'fts3_tokenizer');
}

// A case: an FTS5 or an FTS4/FTS3 index over a generated corpus and queries against it.
export function ftsFamily(s: Script): void {
  if (s.r.chance(0.6)) fts5(s);
  else fts4(s);
}
