import { Rng } from '../../util/rng.js';

// jq's targeted cases: every builtin of jq 1.6 in valid programs on inputs that make it do its work
// (and a few wrong inputs for its error messages), every command-line option, modules and search
// paths, the grammar's less common forms and its error messages, numbers at the edges of double
// precision, escapes and surrogate pairs, and inputs large or deep enough to reach the parser's
// buffer refills and the values' growth. The random programs of jq.ts come after these.

export interface Targeted {
  tags: string[];
  argv: string[];
  stdin?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
}

// The builtins of jq 1.6 (`jq -n 'builtins'`, arity dropped) and its keywords worth a tag.
export const BUILTINS = new Set(
  (
    'IN INDEX JOIN acos acosh add all any arrays ascii_downcase ascii_upcase asin asinh atan atan2 atanh booleans bsearch builtins ' +
    'capture cbrt ceil combinations contains copysign cos cosh debug del delpaths drem empty endswith env erf erfc error exp exp10 exp2 ' +
    'explode expm1 fabs fdim finites first flatten floor fma fmax fmin fmod format frexp from_entries fromdate fromdateiso8601 fromjson ' +
    'fromstream gamma get_jq_origin get_prog_origin get_search_list getpath gmtime group_by gsub halt halt_error has hypot implode in ' +
    'index indices infinite input input_filename input_line_number inputs inside isempty isfinite isinfinite isnan isnormal iterables ' +
    'j0 j1 jn join keys keys_unsorted last ldexp leaf_paths length lgamma lgamma_r limit localtime log log10 log1p log2 logb ltrimstr ' +
    'map map_values match max max_by min min_by mktime modf modulemeta nan nearbyint nextafter nexttoward normals not now nth nulls ' +
    'numbers objects path paths pow pow10 range recurse recurse_down remainder repeat reverse rindex rint round rtrimstr scalars ' +
    'scalars_or_empty scalb scalbln scan select setpath significand sin sinh sort sort_by split splits sqrt startswith stderr ' +
    'strflocaltime strftime strings strptime sub tan tanh test tgamma to_entries todate todateiso8601 tojson tonumber tostream tostring ' +
    'transpose trunc truncate_stream type unique unique_by until utf8bytelength values walk while with_entries y0 y1 yn ' +
    'reduce foreach try catch label def import include module as if elif'
  ).split(' '),
);

// Feature tags of a program: the builtins and keywords it names, its formats and some syntax.
export function programTags(program: string): string[] {
  const tags = new Set<string>();
  for (const m of program.matchAll(/(?<![.$\w])([A-Za-z_][A-Za-z0-9_]*)/g)) if (BUILTINS.has(m[1] as string)) tags.add(m[1] as string);
  for (const m of program.matchAll(/@[a-z0-9]+/g)) tags.add(m[0]);
  if (/\|=|\+=|-=|\*=|\/=|%=|\/\/=|(?<![=!<>])=(?!=)/.test(program)) tags.add('assignment');
  if (/\?\/\//.test(program)) tags.add('destructure-alt');
  if (/\\\(/.test(program)) tags.add('interpolation');
  if (/\$__loc__/.test(program)) tags.add('$__loc__');
  if (/\$ENV/.test(program)) tags.add('$ENV');
  if (/\$ARGS/.test(program)) tags.add('$ARGS');
  return [...tags];
}

const q = (v: unknown) => JSON.stringify(v);

const PEOPLE = q([
  { name: 'Ann', age: 31, city: 'Oslo', tags: ['a', 'b'] },
  { name: 'Bob', age: 25, city: 'Rome', tags: [] },
  { name: 'Cid', age: 31, city: 'Oslo', tags: ['c'] },
  { name: 'Dee', age: 19, city: 'Lima', tags: ['a'] },
]);
const DOC = q({ name: 'jq', version: 1.6, tags: ['json', 'cli', 'filter'], owner: { login: 'stedolan', id: 12345, site: null }, stars: [5, 3, 4.5, null], active: true, meta: null });
const MIXED = q([1, 'a', null, true, [2], { b: 3 }, 0, -2.5, false, '', [], {}]);
const TREE = q({ name: 'root', children: [{ name: 'a', children: [{ name: 'a1', children: [] }] }, { name: 'b', children: [] }] });

// [tags, program, input, options]
type Row = [string, string, string, string[]?];

function rows(family: string, list: readonly Row[]): Targeted[] {
  return list.map(([tag, program, input, options]) => ({ tags: [family, ...(tag ? [tag] : [])], argv: [...(options ?? ['-c']), program], stdin: input }));
}

// Builtins on inputs that make them do their work.
const BUILTIN_ROWS: Row[] = [
  ['', '[.[] | length]', q([[1, 2], 'héllo', { a: 1, b: 2 }, null, -5, 2.5])],
  ['', 'map(utf8bytelength)', q(['héllo', '日本', 'abc', '', '🎉'])],
  ['', 'map(not)', q([true, false, null, 0, '', []])],
  ['', 'keys, keys_unsorted', q({ b: 1, a: 2, c: { z: 0 }, A: 3 })],
  ['', 'keys', q([5, 6, 7])],
  ['', '[has("a"), has("z")], (.l | [has(0), has(5)])', q({ a: 1, l: [1, 2] })],
  ['', '.[] | in({"a":1,"b":null})', q(['a', 'b', 'c'])],
  ['', '[.[] | in([0,1])]', q([0, 1, 2, -1])],
  ['', 'map(. * 2), map_values(. + 1)', q([1, 2, 3])],
  ['', 'map_values(. * 10), map_values(empty)', q({ a: 1, b: 2 })],
  ['', 'map_values(tostring)', DOC],
  ['', '[path(..)]', q({ a: [1, { b: 2 }], c: null })],
  ['', 'path(.a[0].b), [path(.. | select(type == "number"))]', q({ a: [{ b: 1 }, 2] })],
  ['', '[paths], [leaf_paths]', q({ a: [1, { b: 2 }], c: 'x' })],
  ['', '[paths(type == "number")], [paths(. == null)]', DOC],
  ['', 'del(.a), del(.b.c, .d)', q({ a: 1, b: { c: 2, e: 3 }, d: 4 })],
  ['', 'del(.[1, 2]), del(.[] | select(. > 2)), del(.[1:3]), del(.[-1])', q([1, 5, 2, 7, 3])],
  ['', 'del(.[0].a, .[1])', q([{ a: 1, b: 2 }, 3, 4])],
  ['', 'del(.. | nulls)', q({ a: null, b: [null, 1, { c: null }] })],
  ['', 'getpath(["a","b"]), getpath(["x","y"]), [getpath(["a"], ["c", 1])]', q({ a: { b: 5 }, c: [0, 9] })],
  ['', 'setpath(["a","b"]; 1), setpath([0]; 9)?, setpath([]; "all")', q({ a: null })],
  ['', 'setpath([2]; 1), setpath([-1]; "last"), setpath([1, "k"]; true)', q([0])],
  ['', 'delpaths([["a"], ["b", 0]]), delpaths([])', q({ a: 1, b: [1, 2], c: 3 })],
  ['', 'delpaths([[0], [2], [1, "x"]])', q([1, { x: 1, y: 2 }, 3, 4])],
  ['', 'delpaths([[0, "a"], [1, 2], [5]])', q([{ a: 1 }, [1, 2, 3, 4], null])],
  ['', 'delpaths([["a", "b", "c"], ["a", "x"]])', q({ a: { b: { c: 1, d: 2 }, x: null } })],
  ['', 'delpaths([["missing", "deep"], ["n", "z"]])', q({ n: null, o: 1 })],
  ['', 'to_entries', q({ a: 1, b: [2], c: null })],
  ['', 'to_entries', q(['x', 'y'])],
  ['', 'from_entries', q([{ key: 'a', value: 1 }, { name: 'c', value: 3 }, { Name: 'd', Value: 4 }, { Key: 'e', Value: 5 }, { key: 'f' }])],
  ['', 'from_entries', q([{ key: 1, value: 'one' }, { key: null, value: 'n' }, { key: false, value: 'f' }])],
  ['', 'with_entries(.value += 1), with_entries(select(.value > 1)), with_entries(.key |= ascii_upcase)', q({ a: 1, b: 2 })],
  ['', '.[] | select(.age > 30) | .name', PEOPLE],
  ['', '[.[] | if . > 2 then empty else . end], [empty], [1, empty, 2]', q([1, 2, 3, 4])],
  ['', 'try error("boom") catch ., try error({"code": 7}) catch .code, try error(null) catch ., try error catch .', q('input')],
  ['', '.[] | try error catch .', q([{ a: 1 }, [1], 'm', 1, null])],
  ['', 'error', q({ msg: 'not a string' })],
  ['', 'error(null)', 'null'],
  ['', 'error("custom \\(.)")', q(7)],
  ['', '.[] | error', q(['first error', 'second'])],
  ['', '[.[] | arrays], [.[] | objects], [.[] | iterables], [.[] | booleans]', MIXED],
  ['', '[.[] | numbers], [.[] | strings], [.[] | nulls], [.[] | values], [.[] | scalars]', MIXED],
  ['', '[.[] | normals], [.[] | finites], [.[] | scalars_or_empty]', q([1, 0, 1e-310, -3.5, 'x', [], {}, [1]])],
  ['', '[.[] | isnormal], [.[] | isfinite]', q([1, 0, 1e-310, -3.5, 1e308])],
  ['', '"before", halt, "after"', 'null'],
  ['', '"bye\\n" | halt_error', 'null'],
  ['', 'halt_error(1)', q({ a: 1, b: [2] })],
  ['', '.msg | halt_error(0)', q({ msg: 'zero exit\n' })],
  ['', 'halt_error("x")', q('s')],
  ['', '"no newline" | halt_error(3)', 'null'],
  ['', '$__loc__, {a: $__loc__.line}', 'null'],
  ['', '\n\n  $__loc__ |\n  .line', 'null'],
  ['', 'add, (map(tostring) | add), ([] | add)', q([1, 2, 3.5])],
  ['', 'add', q([[1], [2, 3], []])],
  ['', 'add', q([{ a: 1 }, { b: 2 }, { a: 3 }])],
  ['', 'add', q(['a', null, 'b'])],
  ['', 'any, all, ([] | any, all)', q([true, false])],
  ['', 'any(. > 2), all(type == "number"), any(.[]; . == 2), all(.[]; . > 0)', q([1, 2, 3])],
  ['', 'isempty(empty), isempty(.[]), isempty(1, error("x"))', q([1])],
  ['', 'flatten, flatten(1), flatten(0)', q([1, [2, [3, [4]]], [], [[5]]])],
  ['', 'flatten(-1)', q([1, [2]])],
  ['', '[range(5)], [range(2; 10; 3)], [range(0; 1; 0.25)], [range(5; 0; -2)], [range(1; 0)], [range(0; 3; 0)]', 'null'],
  ['', '[range(.[0]; .[1])], [range(.[1])]', q([2, 6])],
  ['', 'range("a")', 'null'],
  ['', 'map(floor), map(ceil), map(round), map(fabs), map(sqrt)', q([1.5, -1.5, 0, 2.5, -0.5, 16])],
  ['', 'map(tonumber)', q(['1', '1.5', '-2e3', '0.000001', '1e1000', '00012', 12])],
  ['', '.[] | tonumber', q(['12', 'abc'])],
  ['', 'map(tostring)', MIXED],
  ['', 'map(type)', MIXED],
  ['', '[infinite, -infinite, nan] | map(isinfinite), map(isnan), map(isnormal), map(tostring)', 'null'],
  ['', '[nan, 1, null] | sort, (nan < 1), ([nan] | min), (infinite | floor)', 'null'],
  ['', 'sort', q([null, true, false, 0, 'a', [1], { a: 1 }, -1, 'B', [0, 1], { a: 0, b: 1 }, { b: 0 }, 'aa', [], {}])],
  ['', 'sort_by(.age), sort_by(.age, .name), sort_by(-.age) | map(.name)', PEOPLE],
  ['', 'group_by(.city) | map({city: .[0].city, n: length})', PEOPLE],
  ['', 'group_by(. % 3)', q([1, 2, 3, 4, 5, 6, 7])],
  ['', 'min, max, (map(-.) | min, max)', q([3, 1, 4, 1, 5, 9, 2, 6])],
  ['', 'min_by(.age), max_by(.age), min_by(.name), max_by(.tags | length)', PEOPLE],
  ['', '[min, max, min_by(.), max_by(.)]', '[]'],
  ['', 'unique, unique_by(length), unique_by(type)', q(['b', 'a', 'bb', 'a', 'ccc', 'b'])],
  ['', 'unique_by(.city) | map(.name)', PEOPLE],
  ['', 'reverse, (null | reverse), ("abc" | try reverse catch .)', q([1, 2, 3])],
  ['', 'contains("bar"), contains("baz"), ("" | contains(""))', q('foobar')],
  ['', 'contains(["baz", "bar"]), contains(["qux"]), contains([])', q(['foobar', 'foobaz', 'blarp'])],
  ['', 'contains({foo: 12, bar: [{barp: 12}]}), contains({foo: 12, bar: [{barp: 15}]}), contains({nope: 1})', q({ foo: 12, bar: [1, 2, { barp: 12, blip: 13 }] })],
  ['', 'contains(1), contains(null), contains(true)', '1'],
  ['', 'contains("a")', q({ a: 1 })],
  ['', 'indices(", "), indices("x"), index(","), rindex(",")', q('a, b, c, d')],
  ['', 'indices(1), indices([1, 2]), index(1), rindex(1), indices([])', q([0, 1, 2, 1, 3, 1, 2])],
  ['', '(.s | inside("foobar")), (.a | inside(["a", "b", "c"])), (.o | inside({a: 1, b: 2}))', q({ s: 'bar', a: ['a', 'c'], o: { a: 1 } })],
  ['', '[startswith("foo"), startswith("bar"), endswith("bar"), endswith("foo"), endswith("")]', q('foobar')],
  ['', '.[] | startswith("a")', q(['abc', 1])],
  ['', '.[] | endswith("a")', q(['cba', 2])],
  ['', '[combinations], [[[1,2],[3]] | combinations], [[] | combinations]', q([[1, 2], [3, 4]])],
  ['', '[combinations(2)], [combinations(0)]', q([0, 1])],
  ['', '[ltrimstr("foo"), ltrimstr("bar"), rtrimstr("bar"), rtrimstr("foo"), ltrimstr(""), rtrimstr("foobar")]', q('foobar')],
  ['', 'map(ltrimstr("a")), map(rtrimstr("a"))', q(['abc', 'cba', 1, null, 'a'])],
  ['', 'explode, (explode | implode), ("" | explode)', q('aé日🎉')],
  ['', 'implode', q([72, 233, 26085, 128512, 1114111])],
  ['', 'implode', q([72, 1114112])],
  ['', 'implode', q('notarray')],
  ['', 'split(", "), split(""), split("a"), ("" | split(","))', q('a, b, c, aa')],
  ['', 'split("日")', q('x日y日')],
  ['', 'join(", "), join(""), ([] | join("x")), ([1, null, true, "s"] | join("-"))', q(['a', 'b', 'c'])],
  ['', 'join(",")', q([[1], 2])],
  ['', 'ascii_downcase, ascii_upcase', q('Hello, Wörld ÀÉ 123')],
  ['', '[while(. < 100; . * 2)], [.[]?], until(. > 100; . * 2)', '3'],
  ['', '[limit(5; repeat(. * 2))], [limit(3; repeat(1))]', '1'],
  ['', '[recurse(.children[]) | .name], [recurse(if . < 3 then . + 1 else empty end)]?', TREE],
  ['', '[recurse(. * .; . < 100)], [2 | recurse(. * .; . < 100)]', '2'],
  ['', '[recurse], [recurse_down | numbers], [..]', q([1, [2, { a: 3 }]])],
  ['', 'env | type, (env.HOME | type), $ENV.TZ, env.LANG, ($ENV | has("PATH")), env.MY_VAR, $ENV.EMPTY', 'null', ['-c']],
  ['', 'transpose', q([[1, 2], [3], [4, 5, 6]])],
  ['', 'transpose', '[]'],
  ['', '[bsearch(0), bsearch(1), bsearch(2), bsearch(4), bsearch(7), bsearch(9), bsearch(10)]', q([1, 2, 4, 7, 9])],
  ['', '[bsearch(1), bsearch(5)], ([] | bsearch(3)), ([5] | bsearch(5), bsearch(1), bsearch(9))', q([1, 3, 5])],
  ['', '"x=\\(.a), y=\\(.b + 1), s=\\(.s), nested=\\("in\\(.a * 2)")"', q({ a: 1, b: 2, s: 'str' })],
  ['', '"arr \\(.) obj \\({a: .}) null \\(null) bool \\(true)"', q([1, 'two'])],
  ['', 'tojson, (tojson | fromjson), map(tojson)', q([1, 'two', { three: [3.5, null, true] }])],
  ['', '.[] | fromjson', q(['{"a":1}', '[1,2', '3'])],
  ['', '.[] | try fromjson catch .', q(['1 2', '', 'nul', '{"a":}', '"\\q"', '[1,]', '{"a" 1}', 'tru'])],
  ['', '[.[] | tojson]', '[1e1000, -1e1000, 0.1, 1e-7, 1.5e300, 1e17, 123456789012345678901, -0, 3.0, 1e-5, 5e-324]'],
  ['', '@text, @json, @html, @uri, @sh, @base64', q('<a href="x">Tom & Jerry\'s</a> ü')],
  ['', '@text, @json, @html, @base64', q([1, 'a<b', null])],
  ['', '@uri', q('ünïcödé/path?q=1&r=a b~-._*\'()!')],
  ['', '@csv, @tsv', q([1, 'a,b', 'say "hi"', null, true, false, 2.5, 'tab\there', 'back\\slash', 'new\nline', 'cr\r'])],
  ['', '.[] | @csv', q([[1, [2]], [{ a: 1 }]])],
  ['', '.[] | @tsv', q([['a', { b: 1 }]])],
  ['', '@csv', q('not an array')],
  ['', '@sh', q(['a b', "it's", 1, null, false])],
  ['', '.[] | @sh', q([[[1]], { a: 1 }])],
  ['', '@base64, (@base64 | @base64d), ("YWJj" | @base64d), ("YWI" | @base64d), ("YQ==" | @base64d)', q('Hello, 世界! 🎉')],
  ['', '.[] | @base64d', q(['dGVzdA==', 'dGVzdA', 'not base64!', 'YWJjZA'])],
  ['', '@base64 "b64 \\(.)", @json "json \\(.)", @html "<p>\\(.)</p>", @uri "https://x/?q=\\(.)", @sh "echo \\(.)", @csv "\\(.)", @tsv "\\(.)", @text "t \\(.)"', q(['a b', '<&>'])],
  ['', '@base32', q('x')],
  ['', 'format("csv"), format("html"), format("text")', q(['<a>', 1])],
  ['', 'format("bogus")', q('x')],
  ['', 'format(1)', q('x')],
  ['', 'INDEX(.name) | keys, (INDEX(.[]; .age) | keys), (INDEX(.age) | .["31"].name)', PEOPLE],
  ['', 'INDEX(.id) as $idx | [JOIN($idx; .ref)], [JOIN($idx; .[]; .ref)], [JOIN($idx; .[]; .ref; add)]', q([{ id: 'a', ref: 'b', v: 1 }, { id: 'b', ref: 'a', w: 2 }])],
  ['', '[.[] | IN(2, 3)], IN(.[]; 5, 1), IN(.[]; 9)', q([1, 2, 3])],
  ['', 'builtins | length > 100, (map(select(startswith("to"))) | sort)', 'null'],
  ['', '[.[] | . == 1, . != 1]', q([1, 1.0, '1', [1], null])],
  ['', '[.[] | [. < 2, . <= 2, . > 2, . >= 2]]', q([1, 2, 3, '2', null])],
  ['', '[.[0] < .[1], .[0] >= .[1], .[0] == .[1], .[1] > .[0]]', q([{ a: 1 }, { a: 2 }])],
  ['', '[.[0] < .[1], .[0] >= .[1], .[2] < .[0], .[3] <= .[2]]', q([{ a: 1, b: 2 }, { a: 1, c: 0 }, { b: 5 }, [1, 2]])],
  ['', '[.[0] < .[1], ([1,2] < [1,2,0]), ([2] >= [1,9]), ("abc" < "abd"), ("Z" < "a"), (null < false), (false < true), (true < 0)]', q([[1, 'a'], [1, 'b']])],
  ['', 'if . == 1 then "one" elif . == 2 then "two" elif . == 3 then "three" else "many" end', '2'],
  ['', '.[] | if . then "truthy" else "falsy" end', q([0, '', null, false, [], true])],
  ['', '[.[] | (. and true), (. or false), (. | not)]', q([true, false, null, 1])],
  ['', '[(true, false) and (true, false)], [(true, false) or (true, false)]', 'null'],
  ['', '.a // "default", (.b // "default"), ((false, null, 1) // 2), (empty // 3), ([.[]?] // "none"), (.c // .d // "last")', q({ a: 0, b: false, c: null })],
  ['', '[.[] // "x"], first(.[] // empty)?', q([null, false])],
  ['', 'try (1, error("mid"), 3) catch ., (.[] | try tonumber catch "bad"), try (try error("in") catch error("out")) catch .', q(['1', 'x'])],
  ['', '[.[] | (.a)?], [.[] | .a?], [..?], (try error("\\(.)") catch .)', q([{ a: 1 }, 'str', [2]])],
  ['', '.[] | (tonumber? // "nan"), (.x?), ([.[]?] | length)', q(['5', 'x', '7'])],
  ['', 'label $out | .[] | if . > 2 then break $out else . end', q([1, 2, 3, 4])],
  ['', '[label $a | label $b | .[] | if . == 2 then break $b elif . == 4 then break $a else . end]', q([1, 2, 3, 4, 5])],
  ['', '[first(range(10; 0; -1)), last(range(5)), nth(2; range(10)), first(empty)]', 'null'],
  ['', 'first, last, nth(1), nth(5)', q([10, 20, 30])],
  ['', 'nth(-1; .[])', q([1])],
  ['', '[limit(3; .[])], [limit(0; .[])], [limit(-1; .[])]', q([1, 2, 3, 4, 5])],
  ['', 'input, input', '1 2 3', ['-c']],
  ['', '[inputs]', '1 [2] "three" {"four": 4}', ['-nc']],
  ['', '[., input], [inputs | . * 10]', '1\n2\n3\n4\n', ['-c']],
  ['', 'input', '1', ['-c']],
  ['', 'first(inputs), [inputs]', '', ['-nc']],
  ['', 'debug | length, (map(debug) | length)', q([1, { a: 'x' }])],
  ['', '.[] | debug | .a?', q([{ a: 'é' }, 'two'])],
  ['', 'stderr | .a', q({ a: [1, 'two'] })],
  ['', '[., input_line_number]', '{"a":\n1}\n[2,\n3]\n"x"', ['-c']],
  ['', 'input_filename', '1'],
  ['', 'tostream', q({ a: [1, { b: null }], c: [], d: {} })],
  ['', '[tostream], fromstream(tostream), [1 | truncate_stream([[0], 1], [[1, 0], 2], [[1, 0]], [[1]])]', q([0, [1, 2], { x: 'y' }])],
  ['', 'fromstream(1 | truncate_stream([[0], 1], [[1, 0], 2], [[1, 0]], [[1]]))', 'null'],
  ['', '[.[] | tostream] | fromstream(.[])', q([1, 'a', [], {}, null])],
  ['', 'walk(if type == "array" then sort else . end), walk(if type == "number" then . + 1 else . end)', q({ a: [3, 1, 2], b: { c: [9, 8] }, d: 1 })],
  ['', 'walk(if type == "object" then del(.x) else . end)', q([{ x: 1, y: { x: 2, z: 3 } }])],
  ['', 'splits(", *"), [splits("a"; "g")], [splits("X"; "i")]', q('a, b,c,  dXe')],
  ['', 'split(", *"; null), split("[ab]"; "g"), split("B"; "gi")', q('xa, b,cBd')],
  ['', 'gmtime, (gmtime | mktime), (gmtime | todate), todate, (1425599507.9 | gmtime)', '1425599507'],
  ['', 'map(todate)', q([0, 86400, 951782400, 1234567890, 2147483647, 4102444800, -86400])],
  ['', 'map(fromdate)', q(['2015-03-05T23:51:47Z', '1970-01-01T00:00:00Z', '2000-02-29T12:00:00Z', '2038-01-19T03:14:08Z'])],
  ['', 'fromdateiso8601, (fromdateiso8601 | todateiso8601), strptime("%Y-%m-%dT%H:%M:%SZ"), (strptime("%Y-%m-%dT%H:%M:%SZ") | mktime)', q('2015-03-05T23:51:47Z')],
  ['', 'strptime("%d/%m/%Y %H:%M") | ., mktime, todate', q('29/02/2024 13:45')],
  ['', 'strptime("%A, %B %d, %Y"), strptime("%j %Y")?, (strptime("%s") | mktime)?', q('Tuesday, March 05, 2019')],
  ['', '.[] | strptime("%Y-%m-%d") | mktime', q(['2019-01-01', '1999-12-31', '1900-03-01', '2100-12-31', '1970-01-02'])],
  ['', 'strptime("%Y-%m-%d")', q('2019-01-01 trailing')],
  ['', 'strptime("%Y-%m-%d")', q('not a date')],
  ['', 'strptime("%Y")', '2019'],
  ['', 'strftime("%Y-%m-%dT%H:%M:%SZ"), strftime("%A %a %B %b %d %e %j %U %W %u %w %y %C %I %p %M %S %%"), strftime("%c | %D | %F | %T | %R | %G-%V")', '1425599507'],
  ['', 'strftime("%H:%M:%S"), strftime("%Y"), (gmtime | strftime("%j"))', '86399.5'],
  ['', 'gmtime | strftime("%A, %B %d, %Y")', '951782400'],
  ['', 'strftime("%Y")', q([2015, 2, 5, 23, 51, 47, 4, 63])],
  ['', 'strftime("%Y")', q('str')],
  ['', 'mktime', q([2015, 2, 5, 23, 51, 47])],
  ['', 'mktime', q([2015, 2])],
  ['', 'mktime', q('2015')],
  ['', 'mktime', q([2015, 'x', 5, 0, 0, 0, 0, 0])],
  ['', 'gmtime', q('x')],
  ['', 'localtime, (localtime | mktime), strflocaltime("%Y-%m-%d %H:%M:%S %Z"), (localtime | strflocaltime("%c"))', '1425599507'],
  ['', 'localtime', q('x')],
  ['', 'strflocaltime("%Y")', q('x')],
  ['', 'strflocaltime(1)', q([2015, 2, 5, 23, 51, 47, 4, 63])],
  ['', 'strftime("")', '0'],
  ['', 'strptime(1)', q('2015')],
  ['', 'strptime("%Y")', '2015'],
  ['', 'now | type, (now > 1500000000)', 'null'],
  ['', 'todate', q('x')],
  ['', 'splits(1)', q('a')],
  ['', 'test("a")', '1'],
  ['', 'test(1)', q('a')],
  ['', 'test("a"; 1)', q('a')],
  ['', 'test("a"; "q")', q('a')],
  ['', 'test("(")', q('a')],
  ['', 'test({})', q('a')],
  ['', 'ltrimstr("x"), rtrimstr("x"), (tostring | startswith("4"))', '42'],
  ['', 'ascii_downcase', '1'],
  ['', 'explode', '1'],
  ['', 'getpath(["a", 0])', q({ a: { b: 1 } })],
  ['', 'setpath("a"; 1)', q({})],
  ['', 'delpaths(["a"])', q({ a: 1 })],
  ['', 'delpaths(1)', q({ a: 1 })],
  ['', 'getpath("a")', q({ a: 1 })],
  ['', 'del(.a)', q([1])],
  ['', 'del(.[0])', q({ a: 1 })],
  ['', 'delpaths([[0]])', q({ a: 1 })],
  ['', 'to_entries', '1'],
  ['', 'from_entries', q([[1]])],
  ['', 'keys', '1'],
  ['', 'has(1)', q({})],
  ['', 'has("a")', q([])],
  ['', 'length', 'true'],
  ['', 'utf8bytelength', '[]'],
  ['', 'sort', q({ a: 1 })],
  ['', 'sort_by(.a)', '1'],
  ['', 'group_by(.a)', q('str')],
  ['', 'unique', '1'],
  ['', 'min_by(.a)', '1'],
  ['', 'tostream', '1'],
  ['', 'splits("a")', q(['a'])],
  ['', 'join(",")', q({ a: 'x' })],
  ['', 'flatten', q({ a: 1 })],
  ['', 'add', '1'],
  ['', 'range(1; "b")', 'null'],
  ['', 'tojson | fromjson | type', q({ a: [] })],
  ['', 'tostring, tojson, (tostring | tojson)', q('already a string')],
  ['', 'fromjson', '1'],
  ['', 'error(error("inner"))', 'null'],
  ['', '@json "\\(.) and \\(.[0])", @text "\\(.)"', q(['x', 2])],
  ['', 'ascii_upcase | explode | implode | ascii_downcase | ltrimstr("a")', q('abcdef')],
  ['', '[splits("\\\\s+")], [match("\\\\d+"; "g") | .string | tonumber] | add?', q('ab  12 cd\t34')],
  ['', 'getpath(["a",0,"b"]) = 5', 'null'],
  ['', 'paths(..)', q([[1]])],
  ['', '[.[] | significand], [.[] | logb], [.[] | gamma | floor], [.[] | frexp], [.[] | modf]', q([1, 8, 0.3, 10, -6.5])],
  ['', '[.[] | lgamma_r], [.[] | trunc], [.[] | nearbyint], [.[] | rint]', q([0.5, 1.5, 2.5, -2.5, 3.7, -3.7])],
  ['', '[frexp, modf, lgamma_r, significand, logb]', '0'],
  ['', 'frexp', q('x')],
  ['', 'modf', q('x')],
  ['', 'lgamma_r', q('x')],
  ['', 'sin', q('x')],
  ['', 'pow(.; 2)', q('x')],
  ['', 'fma(1; 2; "x")', 'null'],
  ['', 'infinite | [frexp, modf, significand, logb, trunc]', 'null'],
  ['', 'map(. as $x | [$x | floor, sqrt, exp10, exp2, log2, log10] | map(. * 1000 | round))', q([1, 2, 10, 0.5])],
  ['', 'get_search_list | length, type', 'null'],
  ['', 'get_prog_origin | type', 'null'],
  ['', 'get_jq_origin | type', 'null'],
  ['', 'modulemeta', '1'],
  ['', 'input_line_number', '1\n2'],
  ['', '$ENV | type', 'null'],
  ['', 'splits("a"; 1)', q('a')],
  ['', 'sub("(?<x>[a-z]+)"; "<\\(.x)>"), gsub("(?<d>[0-9])"; "[\\(.d)]"), sub("^"; ">"), gsub("o"; "0"; "i")', q('abc 123 OoO')],
  ['', 'sub("a"; "b"; "g"), sub("A"; "b"; "gi"), gsub("\\\\s+"; " "), gsub("(?<l>.)(?<r>.)"; "\\(.r)\\(.l)"), sub("z"; "y")', q('a  a\tA  a')],
  ['', '[match("(a)(b)?"; "g") | .captures | map(.string)], [match("(?<n>x)|y"; "g") | .captures]', q('ab a y x')],
  ['', '[match(""; "g")], [match("a*"; "g") | .offset]', q('ab a')],
  ['', '[match("é"; "g") | .offset], [match("日+"; "g") | .length]', q('aé日日aé')],
  ['', '[test("A"), test("A"; "i"), test("a b"; "x"), test("a.c"; "s"), test(["A", "i"]), test(["a"])]', q('a\nc ab')],
  ['', '[match("a+"; "l") | .length], [match("a*?"; "n") | .string], [match(["A", "gi"]) | .offset], [match(["b"]) | .offset]', q('aaa baa')],
  ['', '[match("^b"; "gp") | .offset], [match(".$"; "gs") | .string], [test("^c"; "m")]', q('a\nb\nc')],
  ['', 'capture("(?<year>\\\\d+)-(?<mon>\\\\d+)"), capture(["(?<w>[A-Z]+)", "gi"]), capture("(?<nope>z)?(?<y>y)")', q('date 2019-03 y')],
  ['', '[scan("c")], [scan("(a)(b)")], [scan("[a-z]+")], [scan("\\\\d")]', q('abcabc 12 c')],
  ['', 'match(1)', q('a')],
  ['', 'match([])', q('a')],
  ['', 'capture({})', q('a')],
  ['', 'test(["a", "x", 3])', q('a')],
  ['', 'match("(?<x>a)"; "gx") | .captures[0].name', q('aa')],
  ['', '[match("(?i)B") | .offset], [match("[[:alpha:]]+"; "g") | .string], [match("\\\\p{Han}+") | .string]', q('aBc 日本 d')],
  ['', '[match("(a)|(b)"; "g") | .captures | map(.offset)]', q('ab')],
  ['', '[match("()"; "g") | .captures[0].offset]', q('ab')],
  ['', 'gsub("a"; "b"; "q")', q('a')],
  ['', 'sub("["; "x")', q('a')],
  ['', '[.[] | ascii_downcase] | unique', q(['ABC', 'abc', 'Abc'])],
];

// More corners: keywords as keys, optional forms, errors of the path functions, dates out of range.
const EXTRA_ROWS: Row[] = [
  ['', '{if: 1, then: 2, else: 3, end: 4, elif: 5, reduce: 6, foreach: 7, def: 8, import: 9, include: 10, module: 11, and: 12, or: 13, not: 14, try: 15, catch: 16, label: 17, __loc__: 18, as: 19, break: 20}', 'null'],
  ['', '. as {as: $a, def: $d, module: $m, import: $i, include: $n, else: $e, elif: $l, foreach: $f, end: $x, or: $o, try: $t, catch: $c, label: $b, break: $k} | [$a, $d, $m, $i, $n, $e, $l, $f, $x, $o, $t, $c, $b, $k]', q({ as: 1, def: 2, module: 3, import: 4, include: 5, else: 6, elif: 7, foreach: 8, end: 9, or: 10, try: 11, catch: 12, label: 13, break: 14 })],
  ['', '{a: -.x, b: .y | .z, c: - .y.z}', q({ x: 3, y: { z: 4 } })],
  ['', '{a: 1, , b: 2}', 'null'],
  ['', '.a[1 +]', 'null'],
  ['', '.a b', 'null'],
  ['', '[.[] | try tonumber], [.[] | try error("x")], [.[] | tonumber?]', q(['1', 'x', '2.5', '[]'])],
  ['', '.a.b?, .a."b"?, ."a"."b", .a["b"]?, (.l | .[1:2]?, .[1:]?, .[:1]?), [.l[]?], [.a[]?]', q({ a: { b: 1 }, l: [1, 2, 3] })],
  ['', '[.[] | .a.b?], [.[] | ."a"."b"?], [.[] | .[1:2]?]', q([{ a: { b: 1 } }, { a: null }, {}])],
  ['', '[.[] | ."a"?], [.[] | .a?]', q([{ a: 5 }, 'str', [1, 2]])],
  ['', '2 * "ab", 0 * "ab", ("ab" * 2), (.[] * "x")', q([1, 3])],
  ['', 'tonumber', '[]'],
  ['', '.[] | @base64d | [., length, explode]', q(['/w==', '4pyTIMOgIGxhIG1vZGU=', 'YQ', '8J+YgA==', 'wyg='])],
  ['', '@base64d', q('YWJjZ')],
  ['', '[.[] | isinfinite, isnan, isnormal]', q(['x', null, [], 1e308, 0])],
  ['', 'split(",")', '1'],
  ['', 'split(1)', q('a,b')],
  ['', 'try gmtime catch ., try localtime catch .', '1e20'],
  ['', 'gmtime', '-1e20'],
  ['', 'localtime', '1e20'],
  ['', 'strftime("%Y")', q(['a', 'b'])],
  ['', 'strftime(1)', q([2015, 2, 5, 23, 51, 47, 4, 63])],
  ['', 'strflocaltime("")', q([2015, 2, 5, 23, 51, 47, 4, 63])],
  ['', 'strflocaltime("%Y")', q(['x'])],
  ['', 'strflocaltime("%Y-%m-%d %H:%M"), strflocaltime("%A %j")', '951782400'],
  ['', 'mktime', q([1e12, 0, 1, 0, 0, 0, 0, 0])],
  ['', 'mktime', q([-1e12, 0, 1, 0, 0, 0, 0, 0])],
  ['', '.[] | strptime("%d %m") | [.[1], .[2], .[6], .[7]]', q(['05 03', '29 02', '31 12'])],
  ['', '.[] | strptime("%H:%M") | .[3:6]', q(['13:45', '00:00'])],
  ['', '.[] | strptime("%Y-%m-%d") | .[6:]', q(['2000-03-01', '1999-01-31', '2024-12-31', '1900-02-28'])],
  ['', 'strptime("%Y %j") | ., mktime', q('2020 060')],
  ['', 'strptime("%s") | ., mktime', q('1425599507')],
  ['', '[.[] | strptime("%Y-%m-%dT%H:%M:%S%z")? | mktime]', q(['2015-03-05T23:51:47+0100', '2015-03-05T23:51:47Z'])],
  ['', 'delpaths([["a"]])', '[1]'],
  ['', 'delpaths([[{"start": 1, "end": 3}]]), delpaths([[{"start": null, "end": 1}], [3]]), getpath([{"start": 1, "end": 2}])', q([0, 1, 2, 3, 4])],
  ['', 'delpaths([[{"start": "a"}]])', q([0, 1])],
  ['', 'delpaths([["a"]])', '1'],
  ['', 'delpaths([["a", "b"]])', q({ a: 1 })],
  ['', 'delpaths([["a", "b", "c"]])', q({ a: { b: 1 } })],
  ['', 'delpaths([[]]), delpaths([[], ["a"]])', q({ a: 1 })],
  ['', '.[1:"x"] = [1]', q([1, 2])],
  ['', '.[{"start": 1, "end": 2}] = ["x", "y"]', q([1, 2, 3])],
  ['', 'setpath([{"start": 0, "end": 1}]; ["s"]), setpath([1, {"start": 1}]; [0])?', q([[1], [2, 3]])],
  ['', 'has(0), has(-1)', q([])],
  ['', '. + 1', q('a very long string that will be cut in the message')],
  ['', '.[0] + .[1]', q([{ key: 'value', other: [1, 2, 3], more: 'stuff' }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])],
  ['', '.a.b.c', q({ a: { b: 'a long string value here' } })],
  ['', '$__loc__ as $l | "line \\($l.line) of \\($l.file)"', 'null'],
  ['', 'try error({a: 1}) catch .a, try error([1]) catch length, (try error(1) catch . + 1)', 'null'],
  ['', 'error({a: 1})', 'null'],
  ['', 'error([1, "x"])', 'null'],
  ['', 'error(true)', 'null'],
  ['', '.[] | error', q([1])],
  ['', 'if . then error else 0 end', q({ a: 'obj' })],
  ['', '[.[] | splits(", ")] | length, ([.[] | ascii_downcase | ltrimstr("a")] | unique)', q(['A, b', 'aa, c, d'])],
  ['', 'input_filename, ([inputs | input_filename] | unique)', '1 2 3'],
  ['', 'getpath(["a", "b"]) as [$x, $y] | {$x, $y}', q({ a: { b: [1, 2] } })],
  ['', '[paths(..)] | length, ([getpath(paths)] | length)', q({ a: [1, { b: null }] })],
  ['', 'with_entries(.value |= tostring) | to_entries | from_entries | keys', q({ b: 1, a: [2] })],
  ['', '[.[] | tojson | . as $s | fromjson | . == ($s | fromjson)] | all', q([1, 'a', null, [], { a: [1.5] }])],
  ['', 'env | has("HOME"), ($ENV.HOME == env.HOME), ($ENV | keys | map(select(startswith("MY_"))))', 'null'],
  ['', 'ltrimstr("ab") | rtrimstr("yz") | ascii_upcase | explode | map(. + 1) | implode', q('abcdxyz')],
];

// The math library: every one-, two- and three-argument function jq 1.6 defines, on inputs
// inside their domains (the transcendental ones rounded to nine decimals, so that two libms that
// differ in the last place agree).
const ONE_ARG = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh', 'erf', 'erfc', 'exp', 'exp10', 'exp2', 'expm1', 'fabs', 'floor', 'gamma', 'j0', 'j1', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'logb', 'nearbyint', 'pow10', 'rint', 'round', 'significand', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tgamma', 'trunc', 'y0', 'y1'];
const ONE_ARG_INPUT: Record<string, number[]> = {
  acos: [0, 0.5, 1, -1],
  asin: [0, 0.5, 1, -1],
  atanh: [0, 0.5, -0.25],
  acosh: [1, 2, 10],
  log: [1, 2.718281828459045, 10, 0.5],
  log10: [1, 10, 1000, 2],
  log2: [1, 8, 3],
  log1p: [0, 1, -0.5],
  y0: [0.5, 1, 10],
  y1: [0.5, 1, 10],
  lgamma: [0.5, 1, 10, 100],
  tgamma: [0.5, 1, 5, 10.5],
  gamma: [0.5, 1, 5],
};
const TWO_ARG: [string, string][] = [
  ['atan2', '[atan2(1; 1), atan2(-1; -1), atan2(0; 1), atan2(1; 0)]'],
  ['copysign', '[copysign(3; -1), copysign(-2; 1), copysign(0; -1)]'],
  ['drem', '[drem(10; 3), drem(11; 3), drem(-7; 2)]'],
  ['fdim', '[fdim(5; 3), fdim(3; 5)]'],
  ['fmax', '[fmax(1; 2), fmax(-1; -2), fmax(nan; 1)]'],
  ['fmin', '[fmin(1; 2), fmin(-1; -2), fmin(nan; 1)]'],
  ['fmod', '[fmod(10; 3), fmod(-10; 3), fmod(5.5; 2)]'],
  ['hypot', '[hypot(3; 4), hypot(5; 12), hypot(1; 1)]'],
  ['jn', '[jn(0; 1), jn(2; 1.5), jn(3; 10)]'],
  ['yn', '[yn(0; 1), yn(2; 1.5), yn(3; 10)]'],
  ['ldexp', '[ldexp(3; 2), ldexp(1; -1), ldexp(0.75; 10)]'],
  ['nextafter', '[nextafter(1; 2) - 1, nextafter(0; 1) > 0, nextafter(1; 0) < 1]'],
  ['nexttoward', '[nexttoward(1; 2) - 1, nexttoward(0; -1) < 0]'],
  ['pow', '[pow(2; 10), pow(2; 0.5), pow(-2; 3), pow(10; -2), pow(0; 0)]'],
  ['remainder', '[remainder(10; 3), remainder(11; 3), remainder(-7; 2)]'],
  ['scalb', '[scalb(3; 2), scalb(1; -2)]'],
  ['scalbln', '[scalbln(3; 2), scalbln(1; -2)]'],
  ['fma', '[fma(2; 3; 4), fma(0.5; 0.5; 0.25)]'],
];

function mathRows(): Targeted[] {
  const out: Targeted[] = [];
  for (const f of ONE_ARG) {
    const input = ONE_ARG_INPUT[f] ?? [0, 0.5, 1, -1.5, 2];
    const exact = ['ceil', 'floor', 'fabs', 'nearbyint', 'rint', 'round', 'trunc', 'logb', 'significand', 'sqrt', 'cbrt', 'exp2', 'pow10', 'exp10'].includes(f);
    const program = exact ? `map(${f})` : `map(${f} | . * 1e9 | round / 1e9)`;
    out.push({ tags: ['math', f], argv: ['-c', program], stdin: q(input) });
  }
  for (const [f, program] of TWO_ARG) out.push({ tags: ['math', f], argv: ['-nc', `${program} | map(if type == "number" then . * 1e9 | round / 1e9 else . end)`] });
  out.push({ tags: ['math', 'pow', 'log'], argv: ['-c', '[pow(.; 2), pow(2; .), (. | log | exp | . * 1e6 | round)]'], stdin: '3' });
  return out;
}

// Operators on every pair of kinds, with their error messages.
const OPERATOR_ROWS: Row[] = [
  ['', '[.[0] + .[1], .[0] - .[1], .[0] * .[1], .[0] / .[1], .[0] % .[1]]', q([7, 2])],
  ['', '[.[] % 3], [.[] % -3], (5.9 % 2), (-5 % 3), (1e10 % 7)', q([7, -7, 0, 10])],
  ['', '1 % 0', 'null'],
  ['', '.[0] % .[1]', q([5, 0])],
  ['', '.[0] / .[1]', q([5, 0])],
  ['', '[. + null, null + ., null + null]', '3'],
  ['', '. + "def", "x" * 3, "ab" * 0, "ab" * 0.5, ("a,b,c" / ","), ("abc" / "")', q('abc')],
  ['', '. + [3], . - [2], . - [], [] - ., [1, [2], {}] - [[2], {}]', q([1, 2, 3, 2])],
  ['', '. + {b: 2}, . * {a: {y: 2}, c: 3}, ({a: {b: {c: 1}}} * {a: {b: {d: 2}}}), ({} * .)', q({ a: { x: 1 } })],
  ['', '{} - {}', 'null'],
  ['', '. - "a"', q('abc')],
  ['', '. * .', q([1])],
  ['', '. / 2', q([1])],
  ['', '. + 1', q({})],
  ['', '. - 1', 'null'],
  ['', '. * 2', q({})],
  ['', '. % 2', q('s')],
  ['', '"a" / 0', 'null'],
  ['', '[-.a, -(1), -(.b | length), (-.c)?]', q({ a: 3, b: [1, 2], c: 'x' })],
  ['', '-.', q('str')],
  ['', '[1 + 2 * 3, 10 / 4, 7 % 3, 1 - 5, 2 * 0.5, 1 < 2, 3 >= 3, 2 <= 1, 1 == 1.0, 1 != 2, 4 > 5]', 'null'],
  ['', '[1 + 2, "a" + "b", [1] + [2], {a: 1} + {b: 2}, null + 1, 1 - -1, 0.1 + 0.2, 1e308 * 10, -1e308 * 10, 1 / 3, 2 / 3]', 'null'],
  ['', '1 / 0', 'null'],
  ['', '1 % 0 | 2', 'null'],
  ['', '[.[] | . >= 2], [.[] | select(. >= "b")], (.[0] >= .[0])', q([1, 2, 3, 'a', 'b'])],
  ['', '.a = 1 | .b |= . + 1 | .c += 2 | .d -= 1 | .e *= 3 | .f /= 2 | .g %= 3 | .h //= "dflt" | .i //= "keep"', q({ b: 1, c: 1, d: 1, e: 2, f: 9, g: 10, i: 'orig' })],
  ['', '.[] += 1, (.[1:] |= map(. * 10)), (.[0] = "x"), (.[2:4] = ["a"]), (.[1:2] = ["p", "q", "r"]), (.[:1] = [])', q([1, 2, 3, 4, 5])],
  ['', '.. |= (if type == "number" then . + 1 else . end)', q({ a: [1, { b: 2 }], c: 'x' })],
  ['', '(.a, .b) = 1, ((.a, .b) |= . + 1), (.a = (.b, .c))', q({ a: 0, b: 5, c: 7 })],
  ['', '.a += .b, (.a |= empty), (.[] |= tostring)', q({ a: 1, b: 2 })],
  ['', '.[1:3] = 5', q([1, 2, 3])],
  ['', '.[1:] = ["x"]', q('abc')],
  ['', '(.a | tostring) = 1', q({ a: 1 })],
  ['', '.a.b.c = 1, (.x[2] = 1), (.["k"] = 2), (.y[-1:] = [3])?', q({})],
  ['', '.[-1] = 9, (.[5] = 1)', q([1, 2])],
  ['', '.[-5] = 1', q([1, 2])],
  ['', '.a = 1', q([1])],
  ['', '.[0] = 1', q({})],
  ['', 'to_entries[0].value = 9', q({ a: 1 })],
  ['', 'getpath(["a","b"]) |= . + 1, (paths(numbers) as $p | getpath($p))', q({ a: { b: 1 } })],
  ['', 'reduce .[] as $x (0; . + $x), reduce .[] as [$a, $b] ({}; .[$a] = $b)?, reduce empty as $x (1; 2)', q([1, 2, 3])],
  ['', 'reduce .[] as [$k, $v] ({}; .[$k] += [$v])', q([['a', 1], ['b', 2], ['a', 3]])],
  ['', '[foreach .[] as $x (0; . + $x)], [foreach .[] as $x (0; . + $x; [$x, .])], [foreach range(5) as $i (null; $i; select(. % 2 == 0))]', q([1, 2, 3])],
  ['', '[foreach .[] as [$a, $b] (0; . + $a * $b; {sum: ., a: $a})], [limit(2; foreach .[] as $x (0; . + 1))]', q([[1, 2], [3, 4], [5, 6]])],
  ['', 'reduce range(1000) as $i ([]; . + [$i]) | length, (reduce range(100) as $i ({}; .["k\\($i)"] = $i) | length)', 'null'],
  ['', '. as $x | [$x, .[0]] | . as [$a, $b] | {a: $a, b: $b}', q([1, 2])],
  ['', '. as [$a, $b, {c: $c}] | $a + $b + $c', q([2, 3, { c: 4, d: 5 }])],
  ['', '.[] as [$a, $b] | {a: $a, b: $b}', q([[0], [0, 1], [2, 1, 0]])],
  ['', '. as {a: $x, $b, "c": $c, (.k): $d, $e: [$f]} | [$x, $b, $c, $d, $e, $f]', q({ a: 1, b: 2, c: 3, k: 'c', e: [4] })],
  ['', '. as {if: $i, then: $t, reduce: $r, and: $n, __loc__: $l} | [$i, $t, $r, $n, $l]', q({ if: 1, then: 2, reduce: 3, and: 4, __loc__: 5 })],
  ['', '. as {"a b": $x, "\\("c")": $y, @base64 "k": $z} | [$x, $y, $z]', q({ 'a b': 1, c: 2, k: 3 })],
  ['', '. as [$a, [$b, [$c]]] | [$a, $b, $c], (. as {$a} ?// [$a] | $a)', q([1, [2, [3]]])],
  ['', '.[] as {$a, $b, c: {$d, $e}} ?// {$a, $b, c: [{$d, $e}]} | {$a, $b, $d, $e}', q([{ a: 1, b: 2, c: { d: 3, e: 4 } }, { a: 1, b: 2, c: [{ d: 3, e: 4 }] }])],
  ['', '.[] as {$a, $b, c: {$d}} ?// {$a, $b, c: [{$e}]} | {$a, $b, $d, $e}', q([{ a: 1, b: 2, c: { d: 3, e: 4 } }, { a: 1, b: 2, c: [{ d: 3, e: 4 }] }])],
  ['', '.[] as [$a] ?// [$b] | if $a != null then error("err: \\($a)") else {$a, $b} end', q([[3]])],
  ['', '.[] as [$a] ?// $a ?// {$a} | $a', q([[1], 2, { a: 3 }])],
  ['', '.[] as [$a] ?// [$b] | if $b != null then error("last: \\($b)") else $a end', q([[3]])],
  ['', '.resources[] as {$id, $kind, events: {$user_id, $ts}} ?// {$id, $kind, events: [{$user_id, $ts}]} | {$user_id, $kind, $id, $ts}', q({ resources: [{ id: 1, kind: 'widget', events: { action: 'create', user_id: 1, ts: 13 } }, { id: 2, kind: 'widget', events: [{ action: 'create', user_id: 1, ts: 14 }, { action: 'destroy', user_id: 1, ts: 15 }] }] })],
  ['', '. as {a: $x} | $x', q([1])],
  ['', '. as [$x] | $x', q({ a: 1 })],
  ['', '. as {(1): $x} | $x', q({})],
  ['', '. as {(.k): $x} | $x', q({ k: 1 })],
  ['', '{a, b, "c d": .c, (.k): 1, "\\(.k)2": 2, @base64 "x": 3, if: 4, "lit", loc: $__loc__}', q({ a: 1, b: 2, c: 3, k: 'kk', lit: 'L' })],
  ['', '. as $v | {$v, v2: $v, (.[0]): 1}', q(['key'])],
  ['', '{a: (1, 2), b: (3, 4)}', 'null'],
  ['', '{(.[]): 1}', q(['x', 'y'])],
  ['', '{(.a): 1}', q({ a: 1 })],
  ['', '{(.a): 1}', q({ a: null })],
  ['', '{"a": 1} | .a as $x | {$x, y: 2, "z": 3}', 'null'],
  ['', '.a, .["a"], ."a", .a?, ."a"?, .["a"]?, .b.c, .b."c", .b["c"], (.l | .[1:], .[:1], .[-1:], .[1:]?, .[:2]?, .[:-1], .[1.5:2.5], .[null:1])', q({ a: 1, b: { c: 2 }, l: [1, 2, 3] })],
  ['', '.[2:4], .[:-2], .[-3:], .[10:], .[1:1], .[3:1]', q('héllo日本')],
  ['', '.["a":]', q([1])],
  ['', '.[1:"x"]', q([1, 2])],
  ['', '.[:"x"]', q('abc')],
  ['', '.[0]', q({ a: 1 })],
  ['', '.a', q([1])],
  ['', '.a', '1'],
  ['', '.[]', '5'],
  ['', '.["a"]', q('s')],
  ['', '.[{}]', q({})],
  ['', '.[[1]]', q([1, 2, 1, 1])],
  ['', '.[1.7], .[-1], .[100], .[-100], .[null]?', q([1, 2, 3])],
  ['', '.[] | .[0]?', q([[1], 'a', { b: 1 }, null])],
  ['', 'def f: . + 1; def g(f): [f, f]; g(f), (def f($a; $b): $a + $b; f(1; 2))', '1'],
  ['', 'def fac: if . <= 1 then 1 else . * (. - 1 | fac) end; [.[] | fac]', q([1, 5, 10, 20])],
  ['', 'def fib: if . < 2 then . else (. - 1 | fib) + (. - 2 | fib) end; [range(15) | fib]', 'null'],
  ['', 'def f(x): x | x; def g: def h: . * 3; h + 1; [f(. * 2), g, (def f: 100; f)]', '2'],
  ['', 'def ack(m; n): if m == 0 then n + 1 elif n == 0 then ack(m - 1; 1) else ack(m - 1; ack(m; n - 1)) end; ack(2; 3)', 'null'],
  ['', 'def f($a): def g: $a * 2; g + $a; def h(a; $b): a + $b; [f(3), h(.; 10), (. as $x | def k: $x; k)]', '5'],
  ['', 'def r(f): def rr: ., (f | rr); rr; [limit(5; 1 | r(. + 1))], [limit(4; r(. * 2))]', '1'],
  ['', 'def addvalue(f): f as $x | map(. + $x); addvalue(.[0])', q([[1, 2], [10, 20]])],
  ['', 'def f: reduce .[] as $x (0; . + $x); def g: [.[] | . * 2] | f; g, ([.[] | [.]] | map(f))', q([1, 2, 3])],
  ['', 'def while2(c; u): def _w: if c then ., (u | _w) else empty end; _w; [while2(. < 50; . * 3)]', '1'],
  ['', '[recurse(if . < 5 then . + 1 else empty end)] | length, (def f: if . > 0 then . - 1 | f else "done" end; 10000 | f)', '0'],
  ['', '[.[] | tostring | ascii_downcase] | join("|") | ascii_upcase | split("|") | map(length)', q(['Ab', 1, null, 'ÉÈ'])],
  ['', '[paths] == [paths(true)], (tostream | select(length == 2) | .[0] | join("."))?', q({ a: { b: 1 }, c: [2] })],
];

// The grammar's rarer forms and the compiler's error messages.
const SYNTAX_ROWS: Row[] = [
  ['escape', '"tab\\tnl\\nquote\\"bs\\\\sl\\/bell\\u0007é\\u00e9\\ud83d\\ude00\\b\\f\\r" | ., length, explode[-3:]', 'null'],
  ['escape', '"\\u00e9\\u65e5\\uD834\\uDD1E", "\\\\(not interpolated)", "a\\("b\\("c")")"', 'null'],
  ['escape', '"\\q"', 'null'],
  ['escape', '"\\ud83d"', 'null'],
  ['escape', '"\\uZZZZ"', 'null'],
  ['syntax', '.a.[0]', 'null'],
  ['syntax', '.a.1', 'null'],
  ['syntax', '. as {a b: $x} | 1', 'null'],
  ['syntax', 'if 1 then 2', 'null'],
  ['syntax', 'if . then 1 else 2', 'null'],
  ['syntax', 'try 1 catch )', 'null'],
  ['syntax', 'break', 'null'],
  ['syntax', '{(1):2}', 'null'],
  ['syntax', '{(true):2}', 'null'],
  ['syntax', '1 / 0', 'null'],
  ['syntax', '1 % 0', 'null'],
  ['syntax', '"\\(1', 'null'],
  ['syntax', '$undefined', 'null'],
  ['syntax', 'nosuchfn(1; 2)', 'null'],
  ['syntax', 'length(1)', 'null'],
  ['syntax', '1 +', 'null'],
  ['syntax', '[1, 2', 'null'],
  ['syntax', '{a: 1', 'null'],
  ['syntax', '(1, 2', 'null'],
  ['syntax', '.[1', 'null'],
  ['syntax', '..a', 'null'],
  ['syntax', '1.2.3', 'null'],
  ['syntax', 'reduce . as $x', 'null'],
  ['syntax', 'foreach .[] as $x (0)', 'null'],
  ['syntax', 'def f: ; 1', 'null'],
  ['syntax', 'def f(): 1; f', 'null'],
  ['syntax', 'module {a: .}; 1', 'null'],
  ['syntax', 'module 1; 1', 'null'],
  ['syntax', 'module {name: "main", version: [1, 2]}; . + 1', '1'],
  ['syntax', 'import .a as x; 1', 'null'],
  ['syntax', 'import "a" as x; 1', 'null'],
  ['syntax', 'import "a" as $x; 1', 'null'],
  ['syntax', 'include "x" {a: .}; 1', 'null'],
  ['syntax', 'include "x" 1; 1', 'null'],
  ['syntax', 'import "\\(1)" as x; 1', 'null'],
  ['syntax', 'break $x', 'null'],
  ['syntax', 'label $x | break $y', 'null'],
  ['syntax', '`', 'null'],
  ['syntax', '. é', 'null'],
  ['syntax', '{$__loc__}', 'null'],
  ['syntax', '. as [$a, $b] | $c', 'null'],
  ['syntax', '(. as $x | $x) | $x', 'null'],
  ['syntax', '[1,2] | .[', 'null'],
  ['syntax', '.a[] as $x ?// [$x', 'null'],
  ['syntax', '. as {$a: $b', 'null'],
  ['syntax', '. as [] | 1', 'null'],
  ['syntax', '. as {} | 1', 'null'],
  ['syntax', '{a: 1,}', 'null'],
  ['syntax', '[1,,2]', 'null'],
  ['syntax', '. |', 'null'],
  ['syntax', 'if then else end', 'null'],
  ['syntax', 'try', 'null'],
  ['syntax', 'label | 1', 'null'],
  ['syntax', '.a = ', 'null'],
  ['syntax', '(1;2)', 'null'],
  ['syntax', '[(1] )', 'null'],
  ['syntax', '{(1:2}', 'null'],
  ['syntax', '"unterminated', 'null'],
  ['syntax', '@base64 1', 'null'],
  ['syntax', '1 as $x | 2 as $y | $x + $y + $z', 'null'],
  ['syntax', 'def f: g; def g: 1; f', 'null'],
  ['syntax', '.[] as [$a, $a] | $a', q([[1, 2]])],
  ['syntax', '[.[] | {a: .b?}, {(.c // "k"): .d}]', q([{ b: 1, c: 'x', d: 2 }, { b: 2 }])],
  ['syntax', '# a comment\n. as $x # another\n| $x + 1 # trailing', '1'],
  ['syntax', '(reduce .[] as $x (0; . + $x)) as $sum | $sum / length', q([1, 2, 3, 4])],
  ['syntax', '.[] |= (. as $x | if $x > 1 then $x * 10 else empty end)?', q([1, 2, 3])],
  ['syntax', '[.[] | -. , (-.)?]', q([1, 2])],
  ['syntax', '[..] | length, ([.. | numbers] | add), (.. |= .), [..?]', q({ a: [1, { b: 2 }] })],
  ['syntax', '."$__loc__", ."a-b", .["if"], {"a-b": 1}."a-b"', q({ $__loc__: 1, 'a-b': 2, if: 3 })],
  ['syntax', '[1, 2][0], {"a": 1}.a, "abc"[1:], [3, 4][-1:], (1, 2)[0]?, [[1]][0][0]', 'null'],
  ['syntax', '"x" as $x | "a\\($x + "y")b" | [., length]', 'null'],
  ['syntax', '.. as $v | select($v | type == "number") | $v', q([1, [2]])],
  ['syntax', '[.[] | . as [$a, $b] | [$b, $a]]', q([[1, 2], [3], []])],
  ['syntax', 'def f: def g: 3; g * 2; def h(f): f + 1; h(f)', 'null'],
  ['syntax', '1, 2 | ., 10 | . + 1', 'null'],
  ['syntax', 'def f(a; b; c; d; e; g; h): [a, b, c, d, e, g, h]; f(1; 2; 3; 4; 5; 6; 7)', 'null'],
  ['syntax', 'def f(g): def g: 3; g; f(5), (def x: 1; def x: 2; x)', 'null'],
  ['syntax', '[limit(3; def f: ., (. + 1 | f); f)]', '0'],
  ['syntax', '"\\(1;2)"', 'null'],
  ['syntax', '[.[] | ("\\(.)" | length)]', q([1, 'ab', [1, 2], { k: 'v' }])],
  ['syntax', '$__loc__ | $__loc__.file', 'null'],
  ['syntax', '{a: 1} | .a as $a | {b: $a} | .b as $b | [$a, $b] | add', 'null'],
  ['syntax', 'try error("\\(.)") catch (. | length)', q([1, 2])],
  ['syntax', 'try (.a | error) catch ., (.b | try error catch .)', q({ a: { x: 1 }, b: [2] })],
  ['syntax', '(label $f | 1, break $f, 2), (label $g | [.[] | if . > 1 then ., break $g else . end])', q([1, 2, 3])],
  ['syntax', 'def f: label $x | (1, break $x); [f, f]', 'null'],
  ['syntax', '[.[] | select(.a?) | .a], map(.a? // "none")', q([{ a: 1 }, 'x', { b: 2 }, { a: false }])],
  ['syntax', 'path(.a | .b), path(.a[]?), [path(..)] | length', q({ a: { b: [1, 2] } })],
  ['syntax', 'path(1)', q({})],
  ['syntax', 'path(.a | tostring)', q({ a: 1 })],
  ['syntax', '[path(.a[1:2])], [path(.[] | select(. > 1))]', q({ a: [1, 2, 3] })],
  ['syntax', 'try error catch (. | type)', 'null'],
  ['syntax', '.[] | try if . then error("t") else error("f") end catch .', q([true, false])],
  ['syntax', 'first(.[] | select(. > 10)), isempty(.[] | select(. > 10)), ([.[] | select(. > 1)] | length)', q([1, 5, 20])],
  ['syntax', 'if .a then .a elif .b then .b else "neither" end, if empty then 1 else 2 end, [if (true, false) then 1 else 2 end]', q({ a: null, b: 7 })],
];

// Numbers that take jq's conversions (strtod and dtoa) through their slow paths.
const NUMBER_LISTS: string[][] = [
  ['0', '-0', '0.0', '1', '-1', '1.0', '1.5', '100', '1e2', '1E2', '1e+2', '1e-2', '0.1', '0.2', '0.3', '2.5e-3', '123456789', '9007199254740992', '9007199254740993', '18446744073709551616'],
  ['1.7976931348623157e308', '1.7976931348623159e308', '2e308', '-2e308', '4.9e-324', '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '1e-400', '2.2250738585072011e-308', '2.2250738585072014e-308', '2.225073858507201e-308', '1e-310', '-1e-320'],
  ['0.1000000000000000055511151231257827021181583404541015625', '1.00000000000000011102230246251565404236316680908203125', '1.000000000000000111022302462515654042363166809082031250000001', '9007199254740993.0000000000000000000000000000001', '3.14159265358979323846264338327950288419716939937510582097494459'],
  ['123456789012345678901234567890', '1234567890123456789012345678901234567890e-20', '0.000000000000000000000000000000000000000000001', '100000000000000000000000', '1e23', '8.41e21', '5.764607523034235e39', '7.2057594037927933e16', '1e22', '9.999999999999999e22'],
  ['3.0', '2.00', '7e0', '12345.6789', '0.3333333333333333', '0.6666666666666666', '4.35', '0.07', '1.1', '2.675', '1.005', '1234.5678e10', '-0.000001', '1e-7', '123e-20', '1e21', '1e16', '12345678901234567', '0.1e1', '.5'],
  ['6.02214076e23', '1.602176634e-19', '299792458', '6.62607015e-34', '1.380649e-23', '9.1093837015e-31', '2.718281828459045', '1.4142135623730951', '1.618033988749895', '0.5772156649015329'],
  ['179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'],
  ['0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000049406564584124654'],
  ['1e-1', '1e-2', '1e-3', '1e-4', '1e-5', '1e-6', '1e-10', '1e-15', '1e-20', '1e-50', '1e-100', '1e-200', '1e-300', '1e-307', '1e-308', '1e-309', '1e-323', '1e-324', '1e10', '1e15', '1e20', '1e50', '1e100', '1e200', '1e300', '1e307', '1e308', '1e309'],
  ['2e-1', '3e-2', '7e-3', '9e-4', '11e-5', '13e-7', '17e-11', '19e-13', '23e-17', '29e-19', '31e-23', '37e-29', '41e-31', '43e-37', '47e-41', '53e-43', '59e-47', '61e-53', '67e-59', '71e-61'],
];

// A double drawn from the whole range (subnormals included), and the exact decimal text of the
// point halfway to its successor, nudged a little up, down or truncated: the inputs on which
// strtod must do its big-number comparisons to round correctly.
function hardNumber(rng: Rng): string {
  const view = new DataView(new ArrayBuffer(8));
  const roll = rng.float();
  const exp = roll < 0.2 ? 0 : roll < 0.35 ? rng.int(1, 60) : roll < 0.5 ? rng.int(1990, 2046) : rng.int(900, 1150);
  view.setUint32(0, (exp << 20) | rng.int(0, 0xfffff));
  view.setUint32(4, rng.next());
  const hi = view.getUint32(0);
  const e = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const m = e === 0 ? frac : frac | (1n << 52n);
  const pow2 = (e === 0 ? -1074 : e - 1075) - 1;
  const mid = 2n * m + 1n;
  let digits: string;
  let exp10: number;
  if (pow2 >= 0) {
    digits = (mid << BigInt(pow2)).toString();
    exp10 = 0;
  } else {
    digits = (mid * 5n ** BigInt(-pow2)).toString();
    exp10 = pow2;
  }
  const variant = rng.int(0, 3);
  if (variant === 1) {
    digits += '1';
    exp10 -= 1;
  } else if (variant === 2) {
    const last = digits.length - 1;
    digits = `${digits.slice(0, last)}${String(Math.max(0, Number(digits[last]) - 1))}${'9'.repeat(rng.int(1, 30))}`;
    exp10 -= digits.length - last - 1;
  } else if (variant === 3 && digits.length > 20) {
    const keep = rng.int(16, 40);
    exp10 += digits.length - keep;
    digits = digits.slice(0, keep);
  }
  const point = exp10 + digits.length - 1;
  return `${digits[0]}.${digits.slice(1) || '0'}e${point}`;
}

function numberRows(rng: Rng): Targeted[] {
  const out: Targeted[] = [];
  NUMBER_LISTS.forEach((list, i) => {
    out.push({ tags: ['numbers', `numbers-${i}`], argv: [], stdin: `[${list.join(', ')}]\n` });
    if (i < 6) out.push({ tags: ['numbers', 'tostring', `numbers-${i}`], argv: ['-c', 'map(tostring), map(. * 3), map(. / 7), map(tojson | fromjson)'], stdin: `[${list.join(',')}]` });
  });
  // Random mantissas and exponents, printed back and through arithmetic.
  for (let k = 0; k < 8; k++) {
    const list = Array.from({ length: 24 }, () => {
      const digits = Array.from({ length: rng.int(1, k < 4 ? 19 : 40) }, () => rng.int(0, 9)).join('').replace(/^0+(?=\d)/, '');
      const point = rng.chance(0.6) ? rng.int(1, Math.max(1, digits.length)) : digits.length;
      const mantissa = `${digits.slice(0, point)}${point < digits.length ? `.${digits.slice(point)}` : ''}`;
      const exp = rng.chance(0.5) ? `e${rng.int(-330, 310)}` : '';
      return `${rng.chance(0.2) ? '-' : ''}${mantissa}${exp}`;
    });
    out.push({ tags: ['numbers', `numbers-random-${k}`], argv: ['-c', k % 2 ? 'map([., . + 1, . * 0.1])' : '.[]'], stdin: `[${list.join(',')}]` });
  }
  // Halfway between 0 and the least subnormal, and between the greatest double and the overflow
  // threshold: exactly, a hair above and a hair below.
  const half = (5n ** 1075n).toString();
  const top = ((2n ** 54n - 1n) * 2n ** 970n).toString();
  const sci = (digits: string, exp: number) => `${digits[0]}.${digits.slice(1)}e${exp}`;
  const bounds = [sci(half, -324), sci(`${half}1`, -324), sci(`${half.slice(0, -1)}49999`, -324), sci(half.slice(0, 60), -324), sci(top, top.length - 1), sci(`${top}1`, top.length - 1), sci(`${top.slice(0, -1)}${Number(top.at(-1)) - 1}9999`, top.length - 1)];
  out.push({ tags: ['numbers', 'numbers-boundaries'], argv: ['-c', '.'], stdin: `[${bounds.join(',')}]` });
  for (let k = 0; k < 6; k++) {
    const list = Array.from({ length: 30 }, () => hardNumber(rng));
    out.push({ tags: ['numbers', `numbers-halfway-${k}`], argv: ['-c', k % 2 ? 'map(tostring)' : '.'], stdin: `[${list.join(',')}]` });
  }
  out.push({ tags: ['numbers', 'tonumber'], argv: ['-c', 'map(tonumber)'], stdin: q(['1e1000', '-1e1000', '0.1e-400', '12345678901234567890', '3.000', '  7', 'infinity', '-Infinity', 'NaN']) });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: 'NaN\n-Infinity\nInfinity\n[NaN, -Infinity, 1]\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '[nan]\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '01 -012 1.e5 -.5\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '1.2.3\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '[1e5e5]\n' });
  out.push({ tags: ['numbers', 'input'], argv: ['-c', '.'], stdin: '-\n' });
  return out;
}

// JSON text the parser takes apart: escapes, surrogate pairs, malformed input of every kind.
const INPUT_ROWS: [string, string, string[]?][] = [
  ['"\\u00e9\\u65E5\\ud83d\\ude00\\uD834\\uDD1E \\b\\f\\n\\r\\t\\"\\\\\\/"', '.'],
  ['"\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080\\u2028"', '.', ['-a']],
  ['["\\ud83d", 1]', '.'],
  ['"\\ud83dx"', '.'],
  ['"\\ud83d\\u0041"', '.'],
  ['"\\ude00"', '[., length, utf8bytelength]', ['-c']],
  ['"\\u12"', '.'],
  ['"\\u12G4"', '.'],
  ['"\\x"', '.'],
  ['"abc\\', '.'],
  ['"unterminated', '.'],
  ['{"a":1,}', '.'],
  ['{"a" 1}', '.'],
  ['{"a":}', '.'],
  ['{1: 2}', '.'],
  ['{"a":1 "b":2}', '.'],
  ['{,}', '.'],
  ['[1,]', '.'],
  ['[,1]', '.'],
  ['[1 2]', '.'],
  ['[1:2]', '.'],
  ['{"a":1]', '.'],
  ['[1}', '.'],
  [']', '.'],
  ['}', '.'],
  [':', '.'],
  [',', '.'],
  ['{"a"}', '.'],
  ['{"a":1:2}', '.'],
  ['tru', '.'],
  ['nulll', '.'],
  ['truefalse', '.'],
  ['[true false]', '.'],
  ['\u0001', '.'],
  ['{"a":[1,{"b":2}]}\n[1,[2,[3]]]\n"s"\n', '.', ['-c']],
  ['\ufeff{"bom":true}', '.', ['-c']],
  ['[1,2', '.'],
  ['{"a":[1,2', '.'],
  ['[]   []{}  {}"a""b"1 2', '.', ['-c']],
  ['123abc', '.'],
  ['"tab\there"', '.'],
  ['"new\nline"', '.'],
];

// Options, each with programs and inputs that show what it does.
function optionRows(): Targeted[] {
  const o = (tags: string[], argv: string[], stdin = '', files: Record<string, string> = {}, env: Record<string, string> = {}): Targeted => ({ tags: ['options', ...tags], argv, stdin, files, env });
  const nested = q({ a: [1, 'x', null, true, false, { b: [], c: {} }], 'é': 'ü🎉', n: -1.5e-7 });
  return [
    o(['stream'], ['--stream', '-c', '.'], nested),
    o(['stream'], ['--stream', '-c', '.'], '1 "a" [] {} null [[]] {"a":{}} [1,[2,3]]\n'),
    o(['stream'], ['--stream', '-c', 'select(length == 2)'], '{"a":[1,{"b":2}],"c":"d"}'),
    o(['stream', 'fromstream'], ['--stream', '-nc', 'fromstream(inputs)'], '{"a":[1,{"b":2}]} [3,4] 5'),
    o(['stream', 'truncate_stream'], ['--stream', '-nc', 'fromstream(1 | truncate_stream(inputs))'], '{"a":[1,2],"b":{"c":3}}'),
    o(['stream', 'truncate_stream'], ['--stream', '-c', '. as [$p, $v] | select(length == 2) | {path: ($p | map(tostring) | join(".")), $v}'], '{"a":[1,{"b":2}]}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[1,2'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1,}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[1 2]'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a" 1}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{1:2}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], ']'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1]'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[1}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[,1]'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{,}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], ':'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1 :}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[1,]'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1,"b"}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[{]'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '"a" "b" 1 [2] {"c' ),
    o(['stream', 'error'], ['--stream', '-c', '.'], '1 2 3'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '1 ['),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[1] {"a":2}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '"a"{'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{:1}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1 "b":2}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '1,2'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a",1}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1,"b":}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":[1}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1,}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a"}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '{"a":1"b"}'),
    o(['stream', 'error'], ['--stream', '-c', '.'], '[1:2]'),
    o(['stream', 'seq'], ['--stream', '--seq', '-c', '.'], '\u001e[1,[2]]\n\u001e{"a":1}\n'),
    o(['stream', 'seq'], ['--stream', '--seq', '-c', '.'], '\u001e[1,\n\u001e2\n'),
    o(['stream', 'stream-errors'], ['--stream', '--stream-errors', '-c', '.'], '{"a":[1,}'),
    o(['stream', 's'], ['--stream', '-s', '-c', '.'], '[1,{"a":2}] 3'),
    o(['stream', 'n'], ['--stream', '-nc', '[inputs]'], '{"a":[1,2]}'),
    o(['seq'], ['--seq', '-c', '.'], '1 [2] {"a":3}'),
    o(['seq'], ['--seq', '.'], '\u001e{"a":1}\n\u001e[1,2]\n\u001e"x"\n'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e{"a":1\n\u001e[2]\n\u001e3'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e1\u001e2\n\u001etrue\u001e'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '[1,2]x\n\u001e[3]\n'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e"unterminated\n\u001e"ok"\n'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e123'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e[1,\u001e{"a":2}\n'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\ufeff\u001e[1]\n'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e\u001e\u001e{"a":1}\n1 2\n'),
    o(['seq', 'r'], ['--seq', '-r', '.[]'], '["a", 1, "b"]'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e{"a":1 "b":2}\n\u001e[1]\n'),
    o(['seq', 'error'], ['--seq', '-c', '.'], '\u001e[1,]\n\u001e{"ok":true}\n'),
    o(['f'], ['-f', 'prog.jq'], '{"a":[1,2,3]}', { 'prog.jq': '# sum the numbers\n.a\n| add # done\n' }),
    o(['f', 'arg'], ['-f', 'prog.jq', '--arg', 'who', 'world', '-c'], 'null', { 'prog.jq': 'def greet: "hello \\($who)";\n{msg: greet, loc: $__loc__}\n' }),
    o(['f'], ['--from-file', 'prog.jq', 'in.json', '-c'], '', { 'prog.jq': '[inputs, input_filename]', 'in.json': '1 2' }),
    o(['f', 'shebang'], ['-f', 'prog.jq', '-c'], '[3,1,2]', { 'prog.jq': '#!/bin/sh --\n# \\\nexec jq -f "$0" "$@"\nsort | reverse\n' }),
    o(['f', 'shebang'], ['-f', 'prog.jq', '-c'], '[3,1,2]', { 'prog.jq': '#!/usr/bin/jq -f\nsort\n' }),
    o(['f', 'error'], ['-f', 'missing.jq'], 'null'),
    o(['f', 'error'], ['-f', 'prog.jq'], 'null', { 'prog.jq': '.a |\n  if . then\n  1 +\n' }),
    o(['f', 'error'], ['-f', 'dir'], 'null', { 'dir/x': '' }),
    o(['f', 'get_prog_origin'], ['-f', 'sub/prog.jq', '-c'], 'null', { 'sub/prog.jq': '[get_prog_origin | type, (get_search_list | length)]' }),
    o(['f', 'large'], ['-f', 'prog.jq', '-c'], '{"k":"v"}', { 'prog.jq': `${Array.from({ length: 300 }, (_, i) => `def f${i}: . + ${i};`).join('\n')}\n[1 | f0, f150, f299] | add` }),
    o(['arg'], ['--arg', 'x', 'hello', '--arg', 'y', '1', '-nc', '[$x, $y, $ARGS.named]']),
    o(['argjson'], ['--argjson', 'x', '{"a":[1,2]}', '--argjson', 'n', '12.5', '-nc', '[$x.a[1], $n * 2, $ARGS]']),
    o(['argjson', 'error'], ['--argjson', 'x', '{bad', '-n', '$x']),
    o(['argjson', 'error'], ['--argjson', 'x']),
    o(['arg', 'error'], ['--arg', 'x']),
    o(['args'], ['-nc', '$ARGS', '--args', 'a', 'b c', '--', '-x']),
    o(['args'], ['-nc', '[$ARGS.positional[] | ascii_upcase]', '--args', 'one', 'two']),
    o(['jsonargs'], ['-nc', '$ARGS.positional | map(type)', '--jsonargs', '1', '"s"', '{"a":[]}', 'null']),
    o(['jsonargs'], ['-nc', '$ARGS', '--jsonargs', '--', '1', '{"a":2}', '-3']),
    o(['args'], ['-nc', '$ARGS.positional', '--args', '--', '--arg', '-n']),
    o(['jsonargs', 'args'], ['-nc', '$ARGS.positional', '--jsonargs', '1', '--args', '2', '--jsonargs', '3']),
    o(['args', 'file'], ['-c', '[., $ARGS.positional]', 'in.json', '--args', 'p'], '', { 'in.json': '{"from":"file"}' }),
    o(['rawfile'], ['-n', '--rawfile', 'txt', 'notes.txt', '$txt, ($txt | split("\\n") | length)'], '', { 'notes.txt': 'line one\nline two é\n' }),
    o(['slurpfile'], ['-nc', '--slurpfile', 'vals', 'vals.json', '$vals, ($vals | length), $ARGS.named'], '', { 'vals.json': '1 [2] {"three":3}\n' }),
    o(['argfile'], ['-nc', '--argfile', 'v', 'one.json', '--argfile', 'w', 'two.json', '[$v, $w]'], '', { 'one.json': '{"single":true}', 'two.json': '1 2' }),
    o(['slurpfile', 'error'], ['-n', '--slurpfile', 'v', 'bad.json', '$v'], '', { 'bad.json': '{"a":' }),
    o(['slurpfile', 'error'], ['-n', '--slurpfile', 'v', 'missing.json', '$v']),
    o(['rawfile', 'error'], ['-n', '--rawfile', 'v', 'missing.txt', '$v']),
    o(['rawfile', 'error'], ['-n', '--rawfile', 'v']),
    o(['rawfile', 'error'], ['-n', '--rawfile', 'v', 'adir', '$v'], '', { 'adir/f': 'x' }),
    o(['rawfile', 'slurpfile'], ['-n', '--rawfile', 'v', 'a.txt', '--slurpfile', 'v', 'b.json', '-c', '$v'], '', { 'a.txt': 'first', 'b.json': '[2]' }),
    o(['arg', 'argjson'], ['-n', '--arg', 'v', 'str', '--argjson', 'v', '5', '-c', '[$v, $ARGS.named]']),
    o(['e'], ['-e', '.a'], '{"a":null}'),
    o(['e'], ['-e', '.a'], '{"a":false}'),
    o(['e'], ['-e', '.[]'], '[1, false]'),
    o(['e'], ['-e', '.[]'], '[]'),
    o(['e'], ['--exit-status', '.a'], '{"a":"yes"}'),
    o(['e', 'halt_error'], ['-e', 'halt_error(7)'], '"seven\\n"'),
    o(['e', 'error'], ['-e', 'error("x")'], '1'),
    o(['C'], ['-C', '.'], nested),
    o(['C', 'c'], ['-C', '-c', '.'], nested),
    o(['C', 'S'], ['-CS', '.'], '{"b":[{"d":1,"c":2}],"a":null}'),
    o(['C', 'JQ_COLORS'], ['-C', '-c', '.'], nested, {}, { JQ_COLORS: '4;31:0;32:0;33:1;34:0;35:1;36:1;37' }),
    o(['C', 'JQ_COLORS'], ['-C', '.'], '[null,false,true,1,"s",[],{}]', {}, { JQ_COLORS: '0;31' }),
    o(['C', 'JQ_COLORS', 'error'], ['-C', '-c', '.'], '[1,"a"]', {}, { JQ_COLORS: 'garbage:x' }),
    o(['C', 'JQ_COLORS', 'error'], ['-C', '-c', '.'], '[1,"a"]', {}, { JQ_COLORS: '1;31:0123456789012345678901234567890' }),
    o(['C', 'M'], ['-C', '-M', '.'], '{"a":[1,2]}'),
    o(['M'], ['--monochrome-output', '--color-output', '-c', '.'], '{"a":[1,2]}'),
    o(['C', 'tab'], ['--color-output', '--tab', '.'], '{"a":[1,{"b":null}],"c":"x"}'),
    o(['a'], ['-a', '.'], '["héllo", "日本", "🎉 emoji", "\\u0000 ctl \\u001b", "é"]'),
    o(['a', 'r'], ['-a', '-r', '.[]'], '["héllo", "日本🎉"]'),
    o(['a', 'j'], ['-aj', '.[]'], '["ü", "🎉", 1]'),
    o(['a', 'C'], ['-aC', '.'], '{"ключ":"значение 🎉"}'),
    o(['S'], ['-S', '.'], '{"b":1,"a":{"d":[{"z":1,"y":2}],"c":3},"é":0,"A":null}'),
    o(['S', 'c'], ['--sort-keys', '-c', '.'], '{"b":1,"a":{"d":2,"c":3}}'),
    o(['S', 'tojson'], ['-S', '-c', 'tojson, keys_unsorted, (to_entries | map(.key))'], '{"b":1,"a":2}'),
    o(['tab'], ['--tab', '.'], '{"a":[1,{"b":[]}],"c":{}}'),
    o(['indent'], ['--indent', '0', '.'], '{"a":[1,2]}'),
    o(['indent'], ['--indent', '1', '.'], '{"a":[1,{"b":2}]}'),
    o(['indent'], ['--indent', '3', '.'], '{"a":[1,{"b":2}]}'),
    o(['indent'], ['--indent', '7', '.'], '[[[1]]]'),
    o(['indent'], ['--indent', '8', '.'], '{"a":{"b":{}}}'),
    o(['indent', 'error'], ['--indent', '9', '.'], '1'),
    o(['indent', 'error'], ['--indent', '-1', '.'], '1'),
    o(['indent', 'error'], ['.', '--indent']),
    o(['indent', 'tab'], ['--indent', '4', '--tab', '.'], '{"a":[1]}'),
    o(['indent', 'c'], ['--tab', '-c', '.'], '{"a":[1]}'),
    o(['r'], ['-r', '.[]'], '["line1\\nline2", "tab\\there", 1, null, {"a":"b"}, ["x"]]'),
    o(['j'], ['-j', '.[]'], '["a", 1, "b", null, [2]]'),
    o(['j', 'n'], ['--join-output', '-n', '"no newline"']),
    o(['r', 'raw-output'], ['--raw-output', '.a, .b'], '{"a":"x\\u0000y","b":"\\u001b[31m"}'),
    o(['s'], ['-s', '-c', '.'], '1 2 [3] {"a":4}'),
    o(['s'], ['--slurp', '-c', 'length, add'], '1\n2\n3\n'),
    o(['s'], ['-s', '-c', '.'], ''),
    o(['s', 'error'], ['-s', '-c', '.'], '1 2 [3'),
    o(['R'], ['-R', '.'], 'line one\nline "two"\n\nlast'),
    o(['R', 's'], ['-Rs', '.'], 'line one\nline two\n'),
    o(['R', 's'], ['-R', '--slurp', 'split("\\n")'], 'a\nb\nc'),
    o(['R', 'n'], ['-Rn', '[inputs | length]'], 'a\nbb\nccc\n'),
    o(['R', 'n'], ['-Rn', 'input, input_line_number'], 'first\nsecond\n'),
    o(['R', 'r'], ['-Rr', 'ascii_upcase'], 'héllo\nwörld'),
    o(['R', 'fromjson'], ['-R', '-c', 'fromjson? // "not json: \\(.)"'], '{"a":1}\nnope\n[2]\n'),
    o(['R', 'file'], ['-R', '-c', '[., input_filename]', 'a.txt', 'b.txt'], '', { 'a.txt': 'a1\na2', 'b.txt': 'b1\n' }),
    o(['n'], ['-n', '-c', '[1, 2] | map(. * 10)']),
    o(['n', 'input'], ['-n', '-c', 'input | .a'], '{"a":"first"} {"a":"second"}'),
    o(['n', 'input', 'error'], ['-n', '-c', 'input, input'], '1'),
    o(['n', 'input'], ['-n', '-c', 'input'], ''),
    o(['n', 'inputs'], ['-n', '-c', 'reduce inputs as $x (0; . + $x)'], '1 2 3 4'),
    o(['n', 'inputs', 'error'], ['-n', '-c', '[inputs]'], '1 2 [3'),
    o(['unbuffered'], ['--unbuffered', '-c', '.[]'], '[1,{"a":2}]'),
    o(['file'], ['-c', '[., input_filename, input_line_number]', 'a.json', 'b.json'], '', { 'a.json': '{"from":"a"}\n[1]\n', 'b.json': '"b"' }),
    o(['file', 'error'], ['-c', '.', 'a.json', 'missing.json', 'b.json'], '', { 'a.json': '1', 'b.json': '2' }),
    o(['file', 'error'], ['-c', '.', 'missing.json']),
    o(['file', 'error'], ['-c', '.', 'dir'], '', { 'dir/f': '1' }),
    o(['file', 's'], ['-s', '-c', '.', 'a.json', 'b.json'], '', { 'a.json': '1 2', 'b.json': '[3]' }),
    o(['file', 'stdin'], ['-c', '.', '-'], '{"from":"stdin"}'),
    o(['file', 'error'], ['-c', '.', 'a.json', 'b.json'], '', { 'a.json': '[1,', 'b.json': '2]' }),
    o(['file'], ['.', '--', 'a.json'], '', { 'a.json': '{"a":1}' }),
    o(['file', 'R'], ['-R', '.', 'big.txt'], '', { 'big.txt': `${'x'.repeat(5000)}\n${'é'.repeat(3000)}\n${'y'.repeat(9000)}` }),
    o(['help'], ['-h']),
    o(['help'], ['--help']),
    o(['version'], ['--version']),
    o(['version'], ['-V']),
    o(['error'], ['--bogus-option', '.']),
    o(['error'], ['-Z', '.']),
    o(['error'], ['-cZ', '.']),
    o(['error'], ['--']),
    o(['error'], []),
    o(['nul'], ['-c'], '{"no":"program"}'),
    o(['combined'], ['-rcSn', '{b: 1, a: "x"} | ., .a']),
    o(['combined'], ['-nrj', '"a", "b", 1']),
    o(['combined'], ['-sRr', 'length'], 'abc\ndef\n'),
    o(['combined'], ['-sc', '--tab', '--indent', '2', '.'], '[1,{"a":2}]'),
    o(['combined'], ['-ecr', 'select(. > 1)'], '1 2 3'),
    o(['run-tests'], ['--run-tests', 'tests.txt'], '', { 'tests.txt': '# comment\n.a\n{"a":1}\n1\n\n. + 1\n1\n2\n\n.[]\n[1,2]\n1\n2\n\n%%FAIL\n{(1):2}\njq: error: Cannot use number (1) as object key at <top-level>, line 1:\n\n' }),
    o(['run-tests'], ['--run-tests'], 'map(. * 2)\n[1,2]\n[2,4]\n\nerror("x")\nnull\nnull\n\n'),
    o(['L', 'error'], ['-L']),
  ];
}

// Modules: search paths, import and include, data modules, metadata, and their error messages.
function moduleRows(): Targeted[] {
  const lib = {
    'lib/m.jq': 'def f: . + 1;\ndef g($x): $x * 2;\ndef twice(f): f | f;\n',
    'lib/data.json': '{"k":[1,2]}\n',
    'lib/multi.json': '1 2 3\n',
    'lib/sub/s.jq': 'module {name: "s", version: 2, desc: "a submodule"};\nimport "m" as m;\ndef h: m::f * 10;\n',
    'lib/inc.jq': 'def i: 1000;\n',
    'lib/sub/inc.jq': 'def i: 2000;\n',
    'lib/dir/dir.jq': 'def d: "from dir/dir.jq";\n',
    'lib/meta.jq': 'module {name: "meta", deps: "ignored"};\nimport "m" as m {search: "./"};\nimport "data" as $data {search: "./"};\ndef both: [m::f, $data::data];\n',
    'lib/bad.jq': 'def broken: (1;\n',
    'lib/main.jq': 'def ok: 1;\n.a\n',
    'lib/uses.jq': 'import "sub/s" as s;\ndef top: s::h;\n',
  };
  const m = (tags: string[], argv: string[], stdin = 'null', files: Record<string, string> = lib, env: Record<string, string> = {}): Targeted => ({ tags: ['modules', ...tags], argv, stdin, files, env });
  return [
    m(['import', 'L'], ['-L', 'lib', '-c', 'import "m" as m; [m::f, m::g(3), m::twice(. * 3)]'], '2'),
    m(['import', 'L'], ['-Llib', '-c', 'import "m" as mod; mod::f'], '41'),
    m(['include', 'L'], ['-L', 'lib', '-c', 'include "m"; [f, g(.), twice(f)]'], '5'),
    m(['import', 'data'], ['-L', 'lib', '-nc', 'import "data" as $d; $d, $d::d, ($d[0].k | add)']),
    m(['import', 'data'], ['-L', 'lib', '-nc', 'import "multi" as $m; $m']),
    m(['import', 'nested'], ['-L', 'lib', '-c', 'import "sub/s" as s; s::h'], '2'),
    m(['import', 'nested'], ['-L', 'lib', '-c', 'import "uses" as u; u::top'], '3'),
    m(['import', 'dir'], ['-L', 'lib', '-nc', 'import "dir" as d; d::d']),
    m(['import', 'metadata'], ['-L', 'lib', '-c', 'import "meta" as meta; meta::both'], '1'),
    m(['import', 'metadata'], ['-L', 'lib', '-c', 'import "m" as m {search: "./lib", note: "x"}; m::f'], '1'),
    m(['import', 'metadata'], ['-c', 'import "m" as m {search: "lib"}; m::f'], '1'),
    m(['import', 'metadata'], ['-c', 'import "m" as m {search: ["nowhere", "lib"]}; m::f'], '1'),
    m(['import', 'metadata', 'error'], ['-L', 'lib', '-c', 'import "m" as m {search: 1}; m::f'], '1'),
    m(['modulemeta'], ['-L', 'lib', '-c', 'modulemeta'], '"sub/s"'),
    m(['modulemeta'], ['-L', 'lib', '-c', 'modulemeta'], '"meta"'),
    m(['modulemeta'], ['-L', 'lib', '-c', 'modulemeta'], '"m"'),
    m(['modulemeta'], ['-L', 'lib', '-c', '.[] | modulemeta | .deps | length'], '["uses", "inc"]'),
    m(['modulemeta', 'error'], ['-L', 'lib', '-c', 'modulemeta'], '"nope"'),
    m(['modulemeta', 'error'], ['-L', 'lib', '-c', 'modulemeta'], '"bad"'),
    m(['module'], ['-L', 'lib', '-nc', 'module {name: "top"}; import "m" as m; 1 | m::f']),
    m(['get_search_list'], ['-L', 'lib', '-L', 'lib/sub', '-nc', 'get_search_list | length']),
    m(['error'], ['-L', 'lib', '-n', 'import "nope" as n; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "../m" as m; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "sub/sub" as m; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "dir/dir" as m; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "bad" as b; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "main" as b; 1']),
    m(['error'], ['-L', 'lib', '-n', 'include "main"; ok']),
    m(['error'], ['-L', 'lib', '-n', 'import "m" as m; m::nope']),
    m(['error'], ['-L', 'lib', '-n', 'import "m" as m; f']),
    m(['error'], ['-L', 'lib', '-n', 'import "nodata" as $d; $d']),
    m(['error'], ['-L', 'lib', '-n', 'import "/abs/path" as a; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "./m" as a; a::f']),
    m(['error'], ['-L', 'nonexistent', '-n', 'import "m" as m; 1']),
    m(['error'], ['-n', 'import "m" as m; 1']),
    m(['error'], ['-L', 'lib', '-n', 'include "m" {search: .}; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "m" as m {search: "x"} 1; 1']),
    m(['error'], ['-L', 'lib', '-n', 'include "m" "x"; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "m" as $m; $m']),
    m(['error'], ['-L', 'lib', '-n', 'import "a\\b" as x; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "sub/../m" as x; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "a/x/x" as x; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "m" as m {search: [1, "x"]}; 1']),
    m(['error'], ['-L', 'lib', '-n', 'import "badjson" as $d; $d'], 'null', { ...lib, 'lib/badjson.json': '{"a":' }),
    m(['home'], ['-nc', 'f, g(2)'], 'null', { '.jq': 'def f: "from ~/.jq";\ndef g(x): [x, x];\n' }, { HOME: '.' }),
    m(['home', 'import'], ['-nc', 'import "hm" as h; h::x'], 'null', { '.jq/hm.jq': 'def x: "home module";\n' }, { HOME: '.' }),
    m(['home', 'error'], ['-nc', '1'], 'null', { '.jq': 'def broken: ;\n' }, { HOME: '.' }),
    m(['home', 'L'], ['-L', '~/mods', '-nc', 'import "hm" as h; h::x'], 'null', { 'mods/hm.jq': 'def x: "tilde path";\n' }, { HOME: '.' }),
    m(['origin', 'L'], ['-L', '$ORIGIN/nowhere', '-L', 'lib', '-nc', 'import "m" as m; 2 | m::f']),
    m(['f', 'import'], ['-f', 'lib/uses_rel.jq', '-nc'], 'null', { ...lib, 'lib/uses_rel.jq': 'import "m" as m {search: "./"};\n1 | m::f\n' }),
    m(['f', 'import', 'error'], ['-f', 'lib/prog.jq', '-nc'], 'null', { ...lib, 'lib/prog.jq': 'import "m" as m {search: "."};\n1 | m::f\n' }),
    m(['f', 'import'], ['-f', 'lib/prog.jq', '-nc'], 'null', { ...lib, 'lib/prog.jq': 'import "m" as m {search: "./"};\nimport "data" as $d {search: ["./"]};\n[m::g(4), $d::d]\n' }),
  ];
}

// Inputs large or deep enough to reach the parser's buffer refills, growth of arrays, objects and
// strings, the printer's depth limit and the parser's.
function largeRows(rng: Rng): Targeted[] {
  const people = Array.from({ length: 400 }, (_, i) => ({ id: i, name: `user${i}`, email: `u${i}@example.com`, score: Math.round(rng.float() * 10000) / 100, tags: ['t' + (i % 7), 't' + (i % 3)], active: i % 5 !== 0, ratio: i / 7 }));
  const wide: Record<string, number> = {};
  for (let i = 0; i < 600; i++) wide[`key_${(i * 7919) % 1000}`] = i;
  const deep = (n: number, open: string, close: string, leaf: string) => `${open.repeat(n)}${leaf}${close.repeat(n)}`;
  const chars = Array.from('abcdé日🎉');
  const longString = Array.from({ length: 3000 }, (_, i) => chars[i % chars.length]).join('');
  return [
    { tags: ['large', 'group_by'], argv: ['-c', 'length, (group_by(.tags[0]) | map({t: .[0].tags[0], n: length, avg: (map(.score) | add / length | . * 100 | round / 100)})), (map(.ratio) | add), (sort_by(-.score) | .[:3] | map(.id))'], stdin: JSON.stringify(people, null, 1) },
    { tags: ['large', 'stream'], argv: ['--stream', '-c', 'select(length == 2 and (.[0][1] == "email")) | .[1]'], stdin: JSON.stringify(people.slice(0, 150)) },
    { tags: ['large', 's'], argv: ['-s', '-c', 'map(.id) | add, length, length == 400'], stdin: people.map((p) => JSON.stringify(p)).join('\n') },
    { tags: ['large', 'object'], argv: ['-c', 'length, (keys | .[:5]), (to_entries | map(.value) | add), (with_entries(select(.value % 100 == 0)) | keys), del(.[keys[0:590][]])'], stdin: JSON.stringify(wide) },
    { tags: ['large', 'object'], argv: ['-S', '-c', '. as $o | reduce range(0; 300) as $i ($o; del(.["key_\\($i * 3)"])) | length, (keys | length), ([.[]] | add)'], stdin: JSON.stringify(wide) },
    { tags: ['large', 'string'], argv: ['-c', 'length, utf8bytelength, (explode | length), .[1000:1010], (split("🎉") | length), ([match("é日"; "g")] | length), (test("🎉a")), (ascii_downcase | length), (@base64 | @base64d | length), (gsub("a"; "A") | .[:14]), (indices("日") | length)'], stdin: JSON.stringify(longString) },
    { tags: ['large', 'string', 'R'], argv: ['-R', '-c', 'length'], stdin: `${'ab'.repeat(3000)}\n${'日本'.repeat(2500)}\n${'z'.repeat(4095)}\n${'w'.repeat(4096)}\n${'v'.repeat(4097)}` },
    { tags: ['large', 'string', 'R', 's'], argv: ['-Rs', 'length, length > 10000'], stdin: `${'line of text\n'.repeat(800)}no newline at end` },
    { tags: ['large', 'deep'], argv: ['-c', '([paths] | length), (flatten | length), ([..] | length)'], stdin: deep(200, '[', ']', '1') },
    { tags: ['large', 'deep'], argv: ['-c', '.'], stdin: deep(300, '[', ']', '"deep"') },
    { tags: ['large', 'deep'], argv: ['-c', '.'], stdin: deep(256, '[', ']', '0') },
    { tags: ['large', 'deep'], argv: ['-c', '.'], stdin: deep(257, '[', ']', '0') },
    { tags: ['large', 'deep'], argv: ['.'], stdin: deep(250, '{"a":', '}', '[]') },
    { tags: ['large', 'deep'], argv: ['-c', 'reduce range(300) as $i (0; [.]) | tojson | length, (reduce range(300) as $i (0; {a: .}) | [paths] | length)'], stdin: 'null' },
    { tags: ['large', 'deep'], argv: ['-c', 'reduce range(260) as $i (0; [.])'], stdin: 'null' },
    { tags: ['large', 'deep', 'stream'], argv: ['--stream', '-c', '.'], stdin: deep(40, '{"k":[', ']}', '1') },
    { tags: ['large', 'numbers'], argv: ['-c', 'add, length, (map(tostring) | join(",") | length), (sort | .[0], .[-1]), (map(. * 1.1) | add | floor)'], stdin: `[${Array.from({ length: 2000 }, () => (rng.float() * 10 ** rng.int(-5, 12)).toPrecision(rng.int(1, 17))).join(',')}]` },
    { tags: ['large', 'many-values'], argv: ['-c', 'select(.i % 97 == 0)'], stdin: Array.from({ length: 1500 }, (_, i) => JSON.stringify({ i, s: `v${i}`, f: i / 3 })).join(' ') },
    { tags: ['large', 'unique'], argv: ['-c', 'unique | length, (group_by(. % 10) | map(length)), (sort | .[0:5]), (map(tostring) | unique | length)'], stdin: JSON.stringify(Array.from({ length: 3000 }, () => rng.int(0, 999))) },
    { tags: ['large', 'rawfile'], argv: ['-n', '--rawfile', 't', 'big.txt', '$t | length, utf8bytelength'], files: { 'big.txt': 'é'.repeat(2047) + 'x' + '日'.repeat(3000) + '🎉'.repeat(1500) } },
    { tags: ['large', 'slurpfile'], argv: ['-n', '-c', '--slurpfile', 'v', 'big.json', '$v | length, (map(.s | length) | add)'], files: { 'big.json': Array.from({ length: 600 }, (_, i) => JSON.stringify({ i, s: 'é日'.repeat(i % 13) })).join('\n') } },
    { tags: ['large', 'f'], argv: ['-f', 'big.jq', '-c'], stdin: '1', files: { 'big.jq': `# ${'é'.repeat(3000)}\n[${Array.from({ length: 600 }, (_, i) => `. + ${i}`).join(', ')}] | add` } },
    { tags: ['large', 'compile'], argv: ['-c', `[${Array.from({ length: 400 }, (_, i) => `"s${i}"`).join(', ')}] | length, ({${Array.from({ length: 120 }, (_, i) => `k${i}: ${i}`).join(', ')}} | length), (${Array.from({ length: 60 }, (_, i) => `(if . == ${i} then ${i} else empty end)`).join(', ')})`], stdin: '7' },
    { tags: ['large', 'print'], argv: ['.'], stdin: JSON.stringify({ list: Array.from({ length: 120 }, (_, i) => ({ n: i, s: 'x'.repeat(i % 50), e: i % 3 ? [] : {}, u: '\u0001\u00e9\ud83c\udf89' })) }) },
    { tags: ['large', 'C'], argv: ['-C', '-S', '.'], stdin: JSON.stringify(people.slice(0, 60)) },
  ];
}

// Cases whose stdin is raw bytes (not UTF-8): invalid sequences the parser replaces.
export const BYTE_CASES: { tags: string[]; argv: string[]; stdin: number[] }[] = [
  { tags: ['input', 'utf8-invalid'], argv: ['-c', '[., length, explode]'], stdin: [0x22, 0x61, 0xff, 0x62, 0xc3, 0x28, 0xe2, 0x82, 0x63, 0xf0, 0x9f, 0x98, 0x22, 0x0a] },
  { tags: ['input', 'utf8-invalid', 'R'], argv: ['-R', '-c', '[., length]'], stdin: [0x61, 0xc0, 0xaf, 0x62, 0xed, 0xa0, 0x80, 0x63, 0xf4, 0x90, 0x80, 0x80, 0x0a, 0xfe, 0x0a] },
  { tags: ['input', 'utf8-invalid', 'a'], argv: ['-a', '.'], stdin: [0x22, 0xe6, 0x97, 0xa5, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x22, 0x0a] },
  { tags: ['input', 'nul'], argv: ['-R', '-c', '.'], stdin: [0x61, 0x00, 0x62, 0x0a, 0x63, 0x00] },
  { tags: ['input', 'nul'], argv: ['-c', '.'], stdin: [0x5b, 0x31, 0x00, 0x32, 0x5d] },
  { tags: ['input', 'bom', 'error'], argv: ['-c', '.'], stdin: [0xef, 0xbb, 0x5b, 0x31, 0x5d] },
  { tags: ['input', 'bom', 'seq'], argv: ['--seq', '-c', '.'], stdin: [0xef, 0xbb, 0x1e, 0x5b, 0x31, 0x5d, 0x0a, 0x1e, 0x32, 0x0a] },
];

export function targetedCases(seed: number): Targeted[] {
  const rng = new Rng(seed, 'jq-targeted');
  const out: Targeted[] = [];
  const add = (list: Targeted[]) => out.push(...list);
  add(rows('builtin', BUILTIN_ROWS));
  add(mathRows());
  add(rows('operators', OPERATOR_ROWS));
  add(optionRows());
  add(moduleRows());
  add(rows('syntax', SYNTAX_ROWS));
  add(rows('builtin', EXTRA_ROWS));
  add(numberRows(rng));
  add(INPUT_ROWS.map(([stdin, program, options]) => ({ tags: ['input'], argv: [...(options ?? []), program], stdin })));
  add(largeRows(rng));
  // Tags: the family, the builtins the program names and the options it passes. Cases are kept
  // when their behaviour signature (tags and output shape) is new, so a case whose tags repeat an
  // earlier one's gets an `alt-N` tag (a few at most: past that they are error messages, which
  // differ anyway): each of these cases was written for something of its own.
  const seen = new Map<string, number>();
  return out.map((t) => {
    const program = t.argv.find((a, i) => !a.startsWith('-') && !isOptionValue(t.argv, i)) ?? '';
    const tags = new Set([...t.tags, ...programTags(program)]);
    for (const a of t.argv) if (/^-[a-zA-Z]+$/.test(a) || /^--[a-z-]+$/.test(a)) for (const f of a.startsWith('--') ? [a.slice(2)] : [...a.slice(1)]) tags.add(f);
    const key = [...tags].sort().join(',');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1 && n <= 6) tags.add(`alt-${n}`);
    return { ...t, tags: [...tags].sort() };
  });
}

// Whether argv[i] is the value of the option before it (--arg NAME VALUE, --indent N…).
function isOptionValue(argv: readonly string[], i: number): boolean {
  const takes: Record<string, number> = { '--arg': 2, '--argjson': 2, '--slurpfile': 2, '--rawfile': 2, '--argfile': 2, '--indent': 1, '-L': 1, '-f': 1, '--from-file': 1, '--run-tests': 1 };
  for (let back = 1; back <= 2; back++) {
    const opt = argv[i - back];
    if (opt !== undefined && (takes[opt] ?? 0) >= back) return true;
  }
  return false;
}
