import type { Rng } from '../../../util/rng.js';
import { ODD_TEXT, dot, lit, sql, type Script } from './script.js';

// The shell's output modes and their settings (.headers, .separator, .nullvalue, .width, the
// columnar modes' --wrap/--wordwrap/--quote options, .explain), on rows of every storage class.

const MODES = ['list', 'csv', 'json', 'line', 'column', 'box', 'markdown', 'table', 'html', 'insert', 'quote', 'tabs', 'tcl', 'ascii', 'qbox'];

function cell(r: Rng): string {
  return r.pick(['NULL', String(r.int(-50, 5000)), (r.int(-999, 999) / 8).toString(), lit(r.pick(ODD_TEXT)), "x'00ff10'", 'zeroblob(2)', '9223372036854775807', '1e300', '-0.0', "'<b>&amp;</b>'", lit('wide '.repeat(r.int(1, 8)).trim())]);
}

function modeCommand(r: Rng, s: Script): string {
  const mode = r.pick(MODES);
  s.features.add(`.mode ${mode}`);
  let cmd = `.mode ${mode}`;
  if (mode === 'insert' && r.chance(0.6)) cmd += ` ${r.pick(['target', '"odd name"'])}`;
  if (['column', 'box', 'table', 'markdown', 'qbox'].includes(mode) && r.chance(0.5)) {
    const opt = r.pick([`--wrap ${r.int(3, 12)}`, '--wordwrap on', `--wrap ${r.int(4, 9)} --wordwrap on`, '--quote', '--noquote', `--wrap ${r.int(2, 8)} --quote`, '--ww']);
    s.features.add(`.mode ${opt.replace(/\s*\d+/g, '').split(' ')[0]}`);
    cmd += ` ${opt}`;
  }
  return cmd;
}

function setting(r: Rng, s: Script): void {
  const [cmd, tag] = r.pick<[string, string]>([
    [`.headers ${r.pick(['on', 'off'])}`, '.headers'],
    [`.separator ${r.pick([',', '|', '"; "', '\\t', '" -> " "\\n---\\n"', ':: ::'])}`, '.separator'],
    [`.nullvalue ${r.pick(['NULL', '(null)', '∅', '""'])}`, '.nullvalue'],
    [`.width ${Array.from({ length: r.int(1, 3) }, () => r.pick(['3', '-8', '0', '12', '1'])).join(' ')}`, '.width'],
    [`.explain ${r.pick(['on', 'off', 'auto'])}`, '.explain'],
    [`.binary ${r.pick(['on', 'off'])}`, '.binary'],
    ['.width', '.width'],
  ]);
  dot(s, cmd, tag);
}

// A case: a table of mixed cells shown under one or more modes and settings.
export function modesFamily(s: Script): void {
  const r = s.r;
  s.features.add('output-mode');
  const cols = r.int(1, 4);
  const names = ['a', 'b', 'long_column_name', '"quoted col"'].slice(0, cols);
  sql(s, `CREATE TABLE m(${names.join(', ')})`);
  const rows = Array.from({ length: r.int(1, 5) }, () => `(${names.map(() => cell(r)).join(', ')})`);
  sql(s, `INSERT INTO m VALUES ${rows.join(', ')}`);
  for (let k = r.int(1, 3); k > 0; k--) {
    for (let j = r.int(0, 2); j > 0; j--) setting(r, s);
    s.lines.push(modeCommand(r, s));
    sql(s, r.pick(['SELECT * FROM m', 'SELECT rowid, * FROM m ORDER BY 1 DESC', "SELECT typeof(a) AS type, a FROM m", 'SELECT count(*) AS n, NULL AS nada, 1.5 AS real FROM m', "SELECT 'multi' || char(10) || 'line' AS text, x'41' AS blob", 'SELECT * FROM m WHERE 0', 'SELECT a AS "Ωmega", a AS "ⅹ" FROM m LIMIT 2']));
  }
  if (r.chance(0.2)) dot(s, '.show');
  if (r.chance(0.1)) dot(s, `.mode ${r.pick(['nosuch', 'column --wrap', 'box --bogus'])}`, '.mode error');
}
