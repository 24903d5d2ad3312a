import type { Rng } from '../../../util/rng.js';
import type { Targeted } from './case.js';

// Inputs large or deep enough to reach the parser's buffer refills, growth of arrays, objects and
// strings, the printer's depth limit and the parser's.
export function largeRows(rng: Rng): Targeted[] {
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
