import type { GeneratorConfig } from '../../contracts/generator.js';
import { Rng } from '../../util/rng.js';
import { word } from '../domains.js';
import type { PlannedCase } from '../record.js';

// jq: filters from a grammar that reaches paths, reduce/foreach, string and regex functions,
// formats, variables, options and error messages; JSON inputs with nesting, unicode and edge numbers.

type Gen = (r: Rng, depth: number) => string;

const KEYS = ['a', 'b', 'name', 'id', 'tags', 'x', 'nested', 'n', 'é'];
const STRINGS = ['"abc"', '"a,b,c"', '"Hello World"', '"  pad  "', '"é日本"', '""', '"123"', '"x\\ty"', '"a-b_c"'];

function jsonValue(r: Rng, depth: number): string {
  const kind = depth > 2 ? r.int(0, 3) : r.int(0, 7);
  switch (kind) {
    case 0:
      return r.pick(['0', '1', '-1', '3.5', '1e3', '-0.25', '100000000000000000000', '2', '7', '42']);
    case 1:
      return r.pick(STRINGS);
    case 2:
      return r.pick(['true', 'false', 'null']);
    case 3:
      return JSON.stringify(word(r));
    case 4:
    case 5: {
      const n = r.int(0, 4);
      return `[${Array.from({ length: n }, () => jsonValue(r, depth + 1)).join(',')}]`;
    }
    default: {
      const keys = r.subset(KEYS, r.int(0, 4));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${jsonValue(r, depth + 1)}`).join(',')}}`;
    }
  }
}

const path: Gen = (r) => {
  const steps = Array.from({ length: r.int(1, 3) }, () => r.pick([`.${r.pick(KEYS.slice(0, 8))}`, `[${r.int(-2, 3)}]`, '[]', `["${r.pick(KEYS)}"]`, `[${r.int(0, 2)}:${r.int(1, 4)}]`, '?']));
  return steps.join('').replace(/^\[/, '.[');
};

const literal: Gen = (r) => r.pick(['1', '2', '0', '-3', '2.5', '"x"', 'null', 'true', 'false', '[]', '{}', '[1,2,3]', '{"k":1}', '"a,b"']);

const FUNCS0 = ['length', 'keys', 'keys_unsorted', 'values', 'add', 'any', 'all', 'flatten', 'sort', 'unique', 'reverse', 'min', 'max', 'type', 'not', 'tostring', 'tonumber', 'tojson', 'fromjson', 'ascii_downcase', 'ascii_upcase', 'floor', 'sqrt', 'to_entries', 'from_entries', 'paths', 'leaf_paths', 'empty', 'error', 'first', 'last', 'recurse', 'env | type', 'input_line_number', 'infinite', 'nan | isnan', 'ltrimstr("a")', 'explode', 'implode', 'ascii', 'utf8bytelength', 'tostream', 'splits(", ")', 'halt_error', 'getpath(["a"])', 'del(.a)', 'has("a")', 'has(0)', 'in({"a":1})', 'inside("abc")', 'contains("a")', 'startswith("a")', 'endswith("c")', 'ltrimstr("x")', 'rtrimstr("c")', 'split(",")', 'join(",")', 'test("a")', 'test("^[a-z]+$"; "x")', 'match("(a)(b)?")', 'capture("(?<x>[a-z])")', 'scan("[a-z]")', 'sub("a"; "X")', 'gsub("[aeiou]"; "_")', 'ascii', 'indices(1)', 'index(",")', 'rindex(",")', 'map(. * 2)', 'map_values(. + 1)', 'select(. != null)', 'group_by(.)', 'unique_by(length)', 'sort_by(.)', 'min_by(.)', 'max_by(.)', 'to_entries | map(.key)', 'with_entries(.value |= tostring)', 'limit(2; .[])', 'first(.[])', 'range(3)', 'range(1; 5; 2)', 'splits("a")', 'tojson | fromjson', 'isinfinite', 'isnormal', 'significand', 'logb', 'gamma', 'pow(.; 2)', 'log', 'exp10', 'ceil', 'round', 'fabs', 'combinations', 'walk(if type == "number" then . + 1 else . end)', 'transpose', 'input', 'inputs', 'debug', 'stderr', 'input_filename', '$__loc__', 'splits("b")', 'ascii(65)', 'todate', 'fromdate', 'now | type', 'strftime("%Y")', 'mktime', 'gmtime', 'tojson | length', '@base64d', 'getpath(["x","y"])', 'setpath(["a"]; 1)', 'delpaths([["a"]])', 'to_entries[0]', 'env.HOME', 'builtins | length > 10', 'splits(",") | length', 'ltrimstr(1)', 'error("boom")', 'error(null)', 'path(..)', '[paths]', 'any(. > 1)', 'all(. > 0)', 'isvalid(.a)', 'until(. > 100; . * 2)', 'repeat(.; 1) | first', 'while(. < 10; . + 3)', 'env | has("PATH")', 'tojson | test("a")', 'ascii_downcase | explode'];
const FORMATS = ['@base64', '@base64d', '@csv', '@tsv', '@json', '@text', '@html', '@uri', '@sh'];

function filter(r: Rng, depth: number): string {
  if (depth > 3) return r.pick(['.', path(r, depth), literal(r, depth)]);
  const forms: Gen[] = [
    () => '.',
    path,
    literal,
    (rr) => rr.pick(FUNCS0),
    (rr, d) => `${filter(rr, d + 1)} | ${filter(rr, d + 1)}`,
    (rr, d) => `${filter(rr, d + 1)}, ${filter(rr, d + 1)}`,
    (rr, d) => `[${filter(rr, d + 1)}]`,
    (rr, d) => `{${rr.pick(KEYS)}: ${filter(rr, d + 1)}}`,
    (rr, d) => `{(${filter(rr, d + 1)} | tostring): 1}`,
    (rr, d) => `${filter(rr, d + 1)} ${rr.pick(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', 'and', 'or', '//'])} ${filter(rr, d + 1)}`,
    (rr, d) => `if ${filter(rr, d + 1)} then ${filter(rr, d + 1)} else ${filter(rr, d + 1)} end`,
    (rr, d) => `if ${filter(rr, d + 1)} then ${filter(rr, d + 1)} elif ${filter(rr, d + 1)} then 1 else 2 end`,
    (rr, d) => `try ${filter(rr, d + 1)}${rr.chance(0.5) ? ` catch ${rr.pick(['.', '"caught"', 'length'])}` : ''}`,
    (rr, d) => `${filter(rr, d + 1)}?`,
    (rr) => `reduce .[] as $x (${rr.pick(['0', 'null', '[]', '""'])}; ${rr.pick(['. + $x', '. + [$x]', '[$x, .]', '. + ($x | tostring)'])})`,
    (rr) => `foreach .[] as $x (0; . + 1${rr.chance(0.5) ? '; [$x, .]' : ''})`,
    (rr, d) => `${filter(rr, d + 1)} as $v | ${rr.pick(['$v', '[$v, .]', '$v | length', '{v: $v}'])}`,
    (rr, d) => `def f${rr.chance(0.5) ? '(g)' : ''}: ${rr.chance(0.5) ? '. + 1' : 'g | length'}; ${filter(rr, d + 1)} | f${rr.chance(0.5) ? '(.)' : ''}`,
    (rr) => `${rr.pick(FORMATS)}`,
    (rr) => `${rr.pick(FORMATS)} "v=\\(.)"`,
    (rr) => `"text \\(${rr.pick(['.', 'length', 'type', '.a'])}) end"`,
    (rr, d) => `${path(rr, d)} ${rr.pick(['=', '|=', '+=', '-=', '*=', '//='])} ${filter(rr, d + 1)}`,
    (rr) => `.[] | select(${rr.pick(['. > 1', 'type == "string"', '. != null', 'has("a")?', 'length > 1'])})`,
    () => 'label $out | foreach .[] as $i (0; . + 1; if . > 2 then ., break $out else . end)',
    (rr) => `..|${rr.pick(['numbers', 'strings', 'arrays', 'objects', 'scalars', 'iterables', 'booleans', 'nulls'])}`,
    (rr) => `$${rr.pick(['x', 'ENV.HOME', '__prog_args', 'named'])}`,
    (rr) => rr.pick(['.[', '.a.', '{', 'if . then 1', '1 +', 'foo', '.a | bogus(1)', '"\\(', '[.[] |', '. as [$a] | $b', 'reduce . as $x', '@nosuch']),
  ];
  return r.pick(forms)(r, depth);
}

const OPTIONS: [string, number][] = [['-c', 0.35], ['-r', 0.25], ['-j', 0.05], ['-a', 0.05], ['-S', 0.1], ['-n', 0.07], ['-s', 0.1], ['-e', 0.08], ['--tab', 0.04], ['--indent', 0.04], ['-R', 0.05], ['--seq', 0.02], ['--arg', 0.08], ['--argjson', 0.06], ['--args', 0.02]];

export function planJq(config: GeneratorConfig, count: number): PlannedCase[] {
  const out: PlannedCase[] = [];
  for (let i = 0; i < count; i++) {
    const r = new Rng(config.seed, `jq-${i}`);
    const argv: string[] = [];
    const features = new Set<string>();
    let args: string[] = [];
    for (const [opt, p] of OPTIONS) {
      if (!r.chance(p)) continue;
      features.add(opt.replace(/^-+/, ''));
      if (opt === '--arg') argv.push(opt, 'x', r.pick(['hello', '1', '', 'é']));
      else if (opt === '--argjson') argv.push(opt, 'x', r.pick(['1', '{"a":[1,2]}', '"s"', 'null', '[', 'nope']));
      else if (opt === '--indent') argv.push(opt, String(r.int(0, 8)));
      else if (opt === '--args') {
        argv.push(opt);
        args = ['p', 'q'];
      }
      else argv.push(opt);
    }
    const f = filter(r, 0);
    for (const m of f.matchAll(/\b(reduce|foreach|try|catch|if|def|label|as|select|path|getpath|setpath|test|match|capture|scan|sub|gsub|split|join|ltrimstr|rtrimstr|tojson|fromjson|tostring|tonumber|keys|map|group_by|sort_by|unique|flatten|range|limit|first|last|add|length|input|inputs|env|error|halt_error|walk|paths|del|has|contains|until|while|recurse|todate|strftime)\b/g)) features.add(m[1] as string);
    for (const m of f.matchAll(/@\w+/g)) features.add(m[0]);
    if (/\|=|\+=|-=|\*=|\/\/=| = /.test(f)) features.add('assignment');
    if (/\?/.test(f)) features.add('optional');
    if (/\$/.test(f)) features.add('variables');
    if (/\\\(/.test(f)) features.add('interpolation');
    argv.push(f);
    let stdin = '';
    const files: Record<string, string> = {};
    const inputs = Array.from({ length: r.chance(0.8) ? 1 : r.int(0, 3) }, () => (r.chance(0.06) ? r.pick(['{', '[1,', 'nul', '"unterminated', '{"a":1}}']) : jsonValue(r, 0)));
    const text = features.has('R') ? `${word(r)}\n${word(r)}\n` : `${inputs.join(r.chance(0.5) ? '\n' : ' ')}\n`;
    if (r.chance(0.15)) {
      files['input.json'] = text;
      argv.push('input.json');
      features.add('file');
    } else stdin = text;
    argv.push(...args);
    out.push({ id: `candidate-${i}`, features: [...features].sort(), run: { argv, stdin, files, env: {} } });
  }
  return out;
}
