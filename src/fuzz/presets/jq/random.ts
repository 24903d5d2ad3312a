import { Rng } from '../../../util/rng.js';
import type { PlannedCase } from '../../record.js';
import { programTags } from './tags.js';

// Random jq programs built stage by stage from the type of the value each stage receives, on JSON
// inputs drawn from the same types, so that most of them run to a result instead of stopping at a
// type error.

// A value's type as the generator knows it.
type Ty =
  | { k: 'num'; int?: boolean }
  | { k: 'str'; sub: 'word' | 'csv' | 'date' | 'numeric' | 'json' | 'text' }
  | { k: 'bool' }
  | { k: 'null' }
  | { k: 'arr'; of: Ty }
  | { k: 'obj'; fields: [string, Ty][] }
  | { k: 'any' };

const NUM: Ty = { k: 'num' };
const INT: Ty = { k: 'num', int: true };
const BOOL: Ty = { k: 'bool' };
const ANY: Ty = { k: 'any' };
const str = (sub: Extract<Ty, { k: 'str' }>['sub'] = 'text'): Ty => ({ k: 'str', sub });
const arr = (of: Ty): Ty => ({ k: 'arr', of });

const FIELD_NAMES = ['id', 'name', 'tags', 'score', 'active', 'meta', 'items', 'when', 'note', 'n', 'x', 'é'];
const WORDS = ['alpha', 'beta', 'Gamma', 'delta', 'foo', 'bar', 'a-b', 'x_y', 'héllo', '日本', 'emoji🎉', 'Hello World', 'tab\there', 'quote"d', 'back\\slash', 'a,b', '', ' pad '];

function schema(r: Rng, depth: number): Ty {
  const roll = r.int(0, depth > 1 ? 5 : 9);
  switch (roll) {
    case 0:
    case 1:
      return r.chance(0.5) ? INT : NUM;
    case 2:
    case 3:
      return str(r.pick(['word', 'word', 'text', 'csv', 'date', 'numeric', 'json'] as const));
    case 4:
      return BOOL;
    case 5:
      return r.chance(0.3) ? { k: 'null' } : str('word');
    case 6:
    case 7:
      return arr(schema(r, depth + 1));
    default: {
      const names = r.subset(FIELD_NAMES, r.int(1, 5));
      return { k: 'obj', fields: names.map((n) => [n, schema(r, depth + 1)] as [string, Ty]) };
    }
  }
}

function numberText(r: Rng, int = false): string {
  if (int) return String(r.pick([0, 1, 2, 3, 7, 10, 42, 100, -1, -5, 1000, 65536, r.int(-500, 500)]));
  return r.pick(['0.5', '-2.25', '3.14159', '1e3', '2.5e-3', '1e100', '-0', '123456789.125', '0.1', '1.7976931348623157e308', '5e-324', String(r.int(-1000, 1000) / 8), `${r.int(1, 9)}.${r.int(0, 999)}e${r.int(-20, 20)}`]);
}

function strValue(r: Rng, sub: Extract<Ty, { k: 'str' }>['sub']): string {
  switch (sub) {
    case 'csv':
      return r.subset(WORDS.slice(0, 8), r.int(1, 4)).join(r.pick([',', ', ', ';']));
    case 'date':
      return `${r.int(1970, 2037)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}Z`;
    case 'numeric':
      return numberText(r, r.chance(0.5));
    case 'json':
      return r.pick(['{"a":1}', '[1,2,3]', '"s"', '12.5', 'null', '{"k":[true,{"z":null}]}', 'true']);
    case 'word':
      return r.pick(WORDS);
    default:
      return Array.from({ length: r.int(1, 4) }, () => r.pick(WORDS)).join(' ');
  }
}

function value(r: Rng, ty: Ty, depth = 0): string {
  switch (ty.k) {
    case 'num':
      return numberText(r, ty.int);
    case 'str':
      return JSON.stringify(strValue(r, ty.sub));
    case 'bool':
      return r.pick(['true', 'false']);
    case 'null':
      return 'null';
    case 'arr':
      return `[${Array.from({ length: r.int(depth > 1 ? 0 : 1, depth > 1 ? 3 : 6) }, () => value(r, ty.of, depth + 1)).join(r.pick([',', ', ']))}]`;
    case 'obj':
      return `{${ty.fields.map(([k, t]) => `${JSON.stringify(k)}:${value(r, t, depth + 1)}`).join(',')}}`;
    default:
      return r.pick(['1', '"s"', 'null', '[1,"a"]', '{"k":2}', 'true']);
  }
}

const lit = (r: Rng, t: Ty) => (t.k === 'str' ? JSON.stringify(r.pick(['a', ',', 'x', 'é', 'foo', ' '])) : t.k === 'num' ? String(r.pick([0, 1, 2, 3, 10, -1, 0.5])) : value(r, t, 2));
const key = (f: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(f) ? `.${f}` : `.[${JSON.stringify(f)}]`);
const MATH = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'cbrt', 'erf', 'erfc', 'j0', 'j1', 'y0', 'y1', 'tgamma', 'lgamma', 'gamma', 'rint', 'nearbyint', 'trunc', 'significand', 'logb'];
const REGEX = ['a', '[aeiou]', '^[a-z]+', '\\\\d+', '(?<w>[a-z]+)', 'o|a', '\\\\s', '[A-Z]', '.$', 'é|日'];

type Stage = [string, Ty];

// One stage on a value of type t, and the type of what it gives.
function stage(r: Rng, t: Ty, depth: number, vars: { s?: string; n?: string }): Stage {
  const sub = (tt: Ty): Stage => (depth < 3 ? pipeline(r, tt, depth + 1, vars, r.int(1, 2)) : stage(r, tt, 9, vars));
  const sArg = () => (vars.s && r.chance(0.3) ? vars.s : lit(r, str()));
  const nArg = () => (vars.n && r.chance(0.3) ? vars.n : String(r.pick([1, 2, 3, 10, 0.5, -2])));
  switch (t.k) {
    case 'num':
      return r.pick<() => Stage>([
        () => [`. ${r.pick(['+', '-', '*'])} ${nArg()}`, NUM],
        () => [`. / ${r.pick(['2', '3', '0.25', '-7'])}`, NUM],
        () => [`. % ${r.pick(['2', '3', '7', '-4'])}`, INT],
        () => ['-.', NUM],
        () => [r.pick(['floor', 'ceil', 'round', 'fabs', 'sqrt', 'trunc', 'significand', 'logb', 'exp10', 'cbrt']), NUM],
        () => [r.pick(['tostring', 'tojson', '@text', '@json', '"n=\\(.)"']), str('numeric')],
        () => [`. ${r.pick(['>', '<', '>=', '<=', '==', '!='])} ${nArg()}`, BOOL],
        () => [`if . > ${nArg()} then "big" elif . < 0 then "neg" else "small" end`, str('word')],
        () => [`[range(0; (fabs | floor) % 6)]`, arr(INT)],
        () => [`pow(.; 2)`, NUM],
        () => [`[., ${nArg()}] | ${r.pick(['max', 'min', 'add', 'sort'])}`, r.chance(0.5) ? NUM : ANY],
        () => ['{value: ., type: type}', { k: 'obj', fields: [['value', NUM], ['type', str('word')]] }],
        () => ['[.]', arr(NUM)],
        () => ['fabs % 86400 * 1000 | floor | todate', str('date')],
        () => ['isnan, isinfinite, isnormal', BOOL],
        () => ['tostring | length', INT],
        () => [`[limit(${r.int(1, 4)}; repeat(. * 2))]`, arr(NUM)],
        () => ['. as $n | [$n, $n * $n]', arr(NUM)],
        () => [`${r.pick(MATH)} | . * 1e6 | round`, NUM],
        () => [`${r.pick(['atan2', 'pow', 'fmin', 'fmax', 'fmod', 'hypot', 'copysign', 'ldexp', 'scalb', 'drem', 'nextafter', 'fdim'])}(.; ${r.pick(['2', '0.5', '-3'])}) | . * 1e6 | round`, NUM],
        () => [`[limit(5; while(. < 100; . * 2 + 1))]`, arr(NUM)],
        () => ['[., 0] | until(.[1] >= 5; [.[0] * 2, .[1] + 1]) | .[0]', NUM],
        () => ['[., nan, infinite, -infinite] | map(isfinite)', arr(BOOL)],
        () => ['fabs % 4000000000 | floor | todateiso8601', str('date')],
        () => ['fabs % 4000000000 | floor | localtime | mktime', INT],
        () => ['fabs % 4000000000 | floor | strflocaltime("%Y %H:%M %Z")', str()],
        () => ['[frexp, modf] | flatten', arr(NUM)],
      ])();
    case 'str':
      return r.pick<() => Stage>([
        () => [r.pick(['length', 'utf8bytelength']), INT],
        () => [r.pick(['ascii_downcase', 'ascii_upcase', 'ascii_downcase | ascii_upcase', 'explode | implode', 'explode | reverse | implode']), str()],
        () => ['explode', arr(INT)],
        () => [`${r.pick(['ltrimstr', 'rtrimstr'])}(${sArg()})`, t],
        () => [`${r.pick(['startswith', 'endswith', 'contains', 'inside'])}(${sArg()})`, BOOL],
        () => [`split(${t.sub === 'csv' ? r.pick(['","', '", "', '";"']) : sArg()})`, arr(str('word'))],
        () => [`. / ${sArg()}`, arr(str('word'))],
        () => [`test("${r.pick(REGEX)}"${r.chance(0.3) ? `; "${r.pick(['i', 'x', 'g', 'gi', 'n'])}"` : ''})`, BOOL],
        () => [`[match("${r.pick(REGEX)}"; "g") | ${r.pick(['.offset', '.string', '.length', '.captures | length'])}]`, arr(ANY)],
        () => [`[scan("${r.pick(REGEX)}")]`, arr(ANY)],
        () => [`${r.pick(['sub', 'gsub'])}("${r.pick(REGEX)}"; ${r.pick(['"_"', '""', '"<\\(.)>"', '"X"'])}${r.chance(0.3) ? `; "${r.pick(['g', 'i', 'x'])}"` : ''})`, str()],
        () => [`[splits("${r.pick([',', ' ', 'a', '[,;] *'])}")]`, arr(str('word'))],
        () => [r.pick(['@base64', '@html', '@uri', '@sh', '@json', '@text', '@base64 | @base64d', 'tojson', 'tojson | fromjson', '@html "<b>\\(.)</b>"', '@uri "q=\\(.)"', '@sh "echo \\(.)"']), str()],
        () => [`. + ${sArg()}`, str()],
        () => [`. * ${r.pick([1, 2, 3])}`, str()],
        () => [`indices(${sArg()})`, arr(INT)],
        () => [`index(${sArg()}), rindex(${sArg()})`, ANY],
        () => [`.[${r.int(0, 2)}:${r.pick(['', '3', '-1'])}]`, str()],
        () => [`"<\\(.)>"`, str()],
        () => ['{(.): length}', ANY],
        () => ['[.] | @csv, @tsv', str()],
        () => t.sub === 'numeric' ? ['tonumber', NUM] : t.sub === 'json' ? ['fromjson', ANY] : t.sub === 'date' ? [r.pick(['fromdate', 'fromdate | todate', 'strptime("%Y-%m-%dT%H:%M:%SZ")', 'strptime("%Y-%m-%dT%H:%M:%SZ") | mktime', 'fromdate | strftime("%A %B %d %Y %j")', 'fromdate | gmtime']), ANY] : [`tonumber? // ${sArg()}`, ANY],
        () => [`capture("(?<first>[a-zA-Z]+)")`, { k: 'obj', fields: [['first', str('word')]] }],
        () => t.sub === 'date' ? [r.pick(['fromdateiso8601', 'fromdateiso8601 | todateiso8601', 'fromdate | localtime | mktime', 'fromdate | strflocaltime("%c")', 'fromdate | gmtime | todate']), ANY] : ['[splits("[aeiou]")] | length', INT],
        () => ['ascii_downcase | explode | map(select(. >= 97 and . <= 122)) | implode', str()],
      ])();
    case 'bool':
    case 'null':
      return r.pick<() => Stage>([
        () => ['not', BOOL],
        () => ['tostring', str('word')],
        () => ['if . then "yes" else "no" end', str('word')],
        () => [`. // ${lit(r, str())}`, ANY],
        () => ['[., not]', arr(BOOL)],
        () => ['. and true, . or false', BOOL],
        () => ['tojson', str()],
        () => ['{v: .}', { k: 'obj', fields: [['v', t]] }],
      ])();
    case 'arr': {
      const of = t.of;
      const options: (() => Stage)[] = [
        () => ['length', INT],
        () => [r.pick(['.[0]', '.[-1]', 'first', 'last', `.[${r.int(0, 3)}]`]), of],
        () => [r.pick(['.[1:]', '.[:2]', '.[-2:]', 'reverse', 'sort', 'unique', '.[1:3]']), t],
        () => ['.[]', of],
        () => {
          const [s, o] = sub(of);
          return [`map(${s})`, arr(o)];
        },
        () => {
          const [s] = sub(of);
          return [`[.[] | select(${s.includes('|') ? `(${s})` : s} ${r.pick(['!= null', '| not | not'])})]`, t];
        },
        () => {
          const [s] = sub(of);
          return [`${r.pick(['sort_by', 'group_by', 'unique_by', 'min_by', 'max_by'])}(${s})`, ANY];
        },
        () => ['[.[] | tostring]', arr(str())],
        () => ['to_entries | map(.key)', arr(INT)],
        () => ['keys, has(0), has(10)', ANY],
        () => [`index(${lit(r, of)}), indices(${lit(r, of)}), contains([${lit(r, of)}])`, ANY],
        () => [r.pick(['any', 'all', 'length > 2', 'isempty(.[])']), BOOL],
        () => [`[limit(${r.int(1, 3)}; .[])]`, t],
        () => ['tojson', str()],
        () => ['[paths]', arr(arr(ANY))],
        () => ['tostream', ANY],
        () => [`del(.[${r.int(0, 2)}])`, t],
        () => [`.[0] = ${lit(r, of)}`, t],
        () => [`. + [${lit(r, of)}]`, t],
        () => [`. - [${lit(r, of)}]`, t],
        () => ['[foreach .[] as $x (0; . + 1; [., $x])]', arr(arr(ANY))],
        () => ['to_entries', arr({ k: 'obj', fields: [['key', INT], ['value', of]] })],
        () => ['[.[] | [.] | length]', arr(INT)],
        () => [`flatten${r.chance(0.5) ? '(1)' : ''}`, arr(ANY)],
        () => ['[range(length)]', arr(INT)],
        () => ['{count: length, first: .[0]}', { k: 'obj', fields: [['count', INT], ['first', of]] }],
        () => [`[.[] | ${r.pick(['arrays', 'objects', 'iterables', 'booleans', 'numbers', 'strings', 'nulls', 'values', 'scalars', 'normals?', 'finites?'])}]`, t],
        () => [r.pick(['nth(1)', 'nth(0; .[])', 'first(.[])', 'last(.[])', 'getpath([0])', '[recurse_down] | length', '[recurse] | length', '[.. | iterables] | length']), ANY],
        () => [`setpath([0]; ${lit(r, of)})`, t],
        () => [`any(.[]; . == ${lit(r, of)}), IN(.[]; ${lit(r, of)}), isempty(.[] | select(. == null))`, BOOL],
        () => [`[limit(2; .[])] as [$a, $b] | {$a, $b}`, ANY],
      ];
      if (of.k === 'num') options.push(() => [r.pick(['add', 'min', 'max', 'add / length', 'reduce .[] as $x (0; . + $x)', 'map(. * 2) | add']), NUM], () => [`sort | bsearch(${lit(r, of)})`, INT], () => ['@csv', str()], () => ['join(",")', str()], () => ['[.[] | select(. > 1)]', t]);
      if (of.k === 'str') options.push(() => [r.pick(['add', 'join(", ")', 'join("")', '@csv', '@tsv', '@sh', 'map(length) | add', 'sort | join("-")']), str()], () => ['map(ascii_downcase) | unique', t], () => ['INDEX(.) | keys', arr(str())], () => [`[.[] | IN(${lit(r, of)})]`, arr(BOOL)]);
      if (of.k === 'arr') options.push(() => [r.pick(['add', 'flatten', 'transpose', 'map(length)', '[limit(20; combinations)] | length']), ANY]);
      if (of.k === 'obj' && of.fields.length > 0) {
        const [f, ft] = r.pick(of.fields);
        options.push(() => [`map(${key(f)})`, arr(ft)], () => [`${r.pick(['sort_by', 'group_by', 'unique_by', 'min_by', 'max_by'])}(${key(f)})`, ANY], () => [`map(select(${key(f)} != null)) | length`, INT], () => [`INDEX(${key(f)} | tostring) | keys`, arr(str())], () => ['add', ANY], () => [`map(del(${key(f)}))`, ANY], () => ['map(keys) | add | unique', arr(str())]);
      }
      return r.pick(options)();
    }
    case 'obj': {
      const options: (() => Stage)[] = [
        () => ['keys', arr(str('word'))],
        () => ['keys_unsorted', arr(str('word'))],
        () => ['length', INT],
        () => ['to_entries', arr({ k: 'obj', fields: [['key', str('word')], ['value', ANY]] })],
        () => ['with_entries(.value |= tostring)', ANY],
        () => ['with_entries(select(.value != null))', t],
        () => ['with_entries(.key |= ascii_upcase)', ANY],
        () => ['[.[]]', arr(ANY)],
        () => ['[paths]', arr(arr(ANY))],
        () => ['[leaf_paths]', arr(arr(ANY))],
        () => ['tojson', str()],
        () => ['map_values(tostring)', ANY],
        () => ['. + {extra: 1}', t],
        () => ['. * {nested: {deep: true}}', ANY],
        () => ['to_entries | map("\\(.key)=\\(.value)") | join("&")', str()],
        () => ['[paths(type == "number")]', arr(arr(ANY))],
        () => ['[.. | scalars]', arr(ANY)],
        () => ['tostream', ANY],
        () => ['del(.. | nulls?)', ANY],
        () => ['walk(if type == "string" then ascii_upcase else . end)', ANY],
        () => ['has("id"), has("zz")', BOOL],
        () => ['to_entries | from_entries', t],
        () => ['with_entries(.)', t],
        () => [`setpath(["new"]; ${lit(r, str())})`, ANY],
        () => ['[.. | objects] | length, ([.[] | iterables] | length)', INT],
        () => ['. as {$id, $name} | [$id, $name]', arr(ANY)],
        () => ['[to_entries[] | select(.value | type == "string") | .key]', arr(str('word'))],
      ];
      if (t.fields.length > 0) {
        const [f, ft] = r.pick(t.fields);
        const [g] = r.pick(t.fields);
        options.push(
          () => [key(f), ft],
          () => [`${key(f)}?`, ft],
          () => [`del(${key(f)})`, ANY],
          () => [`${key(f)} = ${lit(r, ft)}`, t],
          () => {
            const [s, o] = sub(ft);
            return [`${key(f)} |= (${s})`, o.k === ft.k ? t : ANY];
          },
          () => [`{${/^[A-Za-z_]\w*$/.test(f) ? f : JSON.stringify(f)}, other: ${key(g)}}`, ANY],
          () => [`getpath([${JSON.stringify(f)}])`, ft],
          () => [`[${key(f)}, ${key(g)}]`, arr(ANY)],
          () => [`${key(f)} as $v | {($v | tostring): $v}`, ANY],
          () => {
            const [s, o] = sub(ft);
            return [`${key(f)} | ${s}`, o];
          },
        );
      }
      return r.pick(options)();
    }
    default:
      return r.pick<() => Stage>([
        () => ['type', str('word')],
        () => ['tojson', str()],
        () => ['tostring', str()],
        () => ['[.]', arr(ANY)],
        () => ['[..] | length', INT],
        () => ['[.. | numbers]', arr(NUM)],
        () => ['[.. | strings]', arr(str())],
        () => ['. == null', BOOL],
        () => ['{v: .}', ANY],
        () => ['[paths] | length', INT],
        () => ['if type == "array" then length elif type == "object" then keys else . end', ANY],
        () => ['(length? // "n/a")', ANY],
        () => ['[.. | booleans]', arr(BOOL)],
        () => ['[$__loc__.line, input_line_number]', arr(INT)],
        () => ['[env | type, ($ENV | type)]', arr(str())],
        () => ['[builtins | length > 100, (tojson | length)]', arr(ANY)],
        () => ['tostream | select(length == 2) | .[0] | length', INT],
      ])();
  }
}

function pipeline(r: Rng, t: Ty, depth: number, vars: { s?: string; n?: string }, n: number): Stage {
  let cur = t;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const [s, o] = stage(r, cur, depth, vars);
    parts.push(s);
    cur = o;
  }
  return [parts.join(' | '), cur];
}

// A whole program on an input of type t: a pipeline, sometimes wrapped in collection, binding,
// a function definition, reduce, try, or joined by an operator to a second pipeline.
function program(r: Rng, t: Ty, vars: { s?: string; n?: string }): string {
  const [p, o] = pipeline(r, t, 0, vars, r.int(1, 4));
  const roll = r.float();
  if (roll < 0.45) return p;
  if (roll < 0.55) return `[${p}]`;
  if (roll < 0.62) return `{result: (${p}), input_type: type}`;
  if (roll < 0.68) return `. as $in | ${p} | [., ($in | type)]`;
  if (roll < 0.74) return `def f: ${p}; f${o.k === t.k && o.k !== 'any' ? ` | ${stage(r, o, 3, vars)[0]}` : ''}`;
  if (roll < 0.8) return `try (${p}) catch "caught: \\(.)"`;
  if (roll < 0.85) return `(${p})?`;
  if (roll < 0.9) {
    const [q2] = pipeline(r, t, 1, vars, r.int(1, 2));
    return `[(${p}), (${q2})] | ${r.pick(['length', 'map(type)', 'tojson', '.[0] == .[1]', 'sort'])}`;
  }
  if (roll < 0.95) return `reduce (${p}) as $x ([]; . + [$x]) | length, .[0]`;
  return `[limit(3; ${p})], first(${p})?`;
}

// Candidate i of the random programs: options, a typed input and a program built for its type.
export function randomCase(seed: number, i: number, id: string): PlannedCase {
  const r = new Rng(seed, `jq-${i}`);
  const argv: string[] = [];
  const features = new Set<string>(['random']);
  const vars: { s?: string; n?: string } = {};
  let t = schema(r, 0);
  const slurp = r.chance(0.07);
  if (r.chance(0.08)) {
    argv.push('--arg', 's', r.pick(['a', 'foo', ',', 'é', 'bar']));
    vars.s = '$s';
    features.add('arg');
  }
  if (r.chance(0.06)) {
    argv.push('--argjson', 'n', r.pick(['2', '0.5', '-3', '100']));
    vars.n = '$n';
    features.add('argjson');
  }
  const inputs = Array.from({ length: r.chance(0.8) ? 1 : r.int(2, 3) }, () => value(r, t));
  if (slurp) {
    argv.push('-s');
    features.add('s');
    t = arr(t);
  }
  const prog = program(r, t, vars);
  const opts: [string, number][] = [['-c', 0.55], ['-r', 0.15], ['-S', 0.08], ['-a', 0.04], ['-j', 0.03], ['-e', 0.04], ['--tab', 0.03], ['-C', 0.03]];
  for (const [opt, p] of opts) {
    if (!r.chance(p)) continue;
    argv.push(opt);
    features.add(opt.replace(/^-+/, ''));
  }
  if (r.chance(0.03)) {
    const n = String(r.int(0, 7));
    argv.push('--indent', n);
    features.add('indent');
  }
  argv.push(prog);
  for (const tag of programTags(prog)) features.add(tag);
  const text = `${inputs.join(r.chance(0.5) ? '\n' : ' ')}\n`;
  const files: Record<string, string> = {};
  let stdin = text;
  if (r.chance(0.1)) {
    files['input.json'] = text;
    argv.push('input.json');
    stdin = '';
    features.add('file');
  }
  return { id, features: [...features].sort(), run: { argv, stdin, files, env: {} } };
}
