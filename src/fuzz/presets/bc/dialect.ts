import type { Rng } from '../../../util/rng.js';
import { digits, literal } from './numbers.js';
import type { BcScript } from './script.js';

// POSIX mode: each extension GNU bc accepts, run under -w (a warning, the program still runs),
// -s or POSIXLY_CORRECT (an error, the block does not run), or neither.
const EXTENSIONS: [string, string][] = [
  ['long-name', 'total = 5; total * 2'],
  ['last', '7; last + 1'],
  ['dot', '8; . * 2'],
  ['else', 'if (1 > 2) 3 else 4'],
  ['print', 'print 1, "\\n"'],
  ['read', 'x = 1'],
  ['continue', 'for (i = 0; i < 3; i++) { if (i == 1) continue; i }'],
  ['halt', 'if (0) halt; 5'],
  ['boolean', '1 && 0; 1 || 0; !1'],
  ['comparison', 'x = (3 < 5); x'],
  ['for-empty', 'for (i = 0; ; i++) if (i > 2) break; i'],
  ['return-noparen', 'define f(x) { return x + 1; }\nf(2)'],
  ['void', 'define void g() { print "void\\n"; }\ng()'],
  ['array-param', 'define h(v[]) { return (v[0]); }\nw[0] = 3; h(w[])'],
  ['array-ref', 'define k(*v[]) { v[0] = 9; }\nk(w[]); w[0]'],
  ['line-comment', '1 + 1 # a comment'],
  ['string', '"text\\n"'],
  ['limits', 'limits'],
  ['ibase-big', 'ibase = 20; obase'],
  ['digit-big', 'ibase = 8; G; 1G'],
  ['newline-brace', 'define m(x)\n{\nreturn (x);\n}\nm(4)'],
  ['brace-eol', 'define n(x) { return (x); }\nn(6)'],
  ['eol-many', 'define o() {\n\n\nreturn (1);\n}\no()'],
  ['comparison-arg', 'define p(x) { return (x); }\np(1 < 2)'],
  ['comparison-return', 'define q(x) { return (x > 1); }\nq(5)'],
  ['comparison-subscript', 'w[1 < 2] = 4; w[1]'],
  ['comparison-for', 'for (i = (0 < 1); i < 3; i++) i'],
  ['auto-array', 'define t() { auto v[]; v[0] = 1; return (v[0]); }\nt()'],
  ['warranty', 'warranty'],
  ['power-fraction', '2 ^ 1.5'],
  ['obase-big', 'obase = 20; 400'],
];

// One to three extensions in the chosen mode.
export function posixMode(r: Rng): BcScript {
  const picks = r.subset(EXTENSIONS, r.int(1, 3));
  const mode = r.pick([['-w'], ['-w'], ['-s'], ['--standard'], ['--warn'], ['-s', '-w'], []]);
  const env: Record<string, string> = r.chance(0.1) ? { POSIXLY_CORRECT: '1' } : {};
  // Under -s a definition using an extension is rejected, so its calls are left out.
  const strict = mode.includes('-s') || mode.includes('--standard') || 'POSIXLY_CORRECT' in env;
  const lines = picks.flatMap(([, code]) => (strict && code.startsWith('define') ? code.split('\n').slice(0, -1) : code.split('\n')));
  lines.push(`${r.int(1, 99)} * 2`);
  return { lines, features: ['posix', ...picks.map(([tag]) => `ext-${tag}`)], options: mode, env };
}

// The scanner: comments of both kinds, backslash-newline inside numbers and between tokens,
// empty statements, numbers spelled with leading zeros or a bare point, capital-letter digits,
// spaces and tabs, a comment left open at the end of input.
export function lexical(r: Rng): BcScript {
  const lines = r.subset(LEXICAL_FORMS, r.int(2, 4)).flatMap((form) => form(r));
  // bc reports a comment still open at the end of its input and stops.
  if (r.chance(0.1)) lines.push('/* unterminated comment at the end');
  return { lines, features: ['lexical'] };
}

const LEXICAL_FORMS: ((r: Rng) => string[])[] = [
  (r) => [`/* a comment */ ${literal(r)} /* another */ + 1`],
  () => ['/* a comment', '   over several lines ** with stars */ 42'],
  (r) => [`x = ${literal(r)} # trailing comment`, '# a whole-line comment', 'x'],
  (r) => [`${digits(r, 20)}\\`, `${digits(r, 20)}\\`, `${digits(r, 5)}`],
  (r) => [`1.${digits(r, 10)}\\`, `${digits(r, 10)} + 1`],
  () => ['x = 1 + \\', '  2 * \\', '  3', 'x'],
  () => [';;; 5;; ;6', ';'],
  () => ['000123; 0.500; 1.; .5; 00.0; 0; .'],
  () => ['A; F; Z; 10A; 1Z'],
  () => ['\t  x\t=\t3   ;  x\t*  x  '],
  () => ['x=2;y=3;x*y;x^y;y%x;-x'],
  () => ['1 + /* inside */ 2', '3 /* spans', 'lines */ * 4'],
  () => ['/***/ 7 /* ** */ + /**/ 1'],
  () => ['/* a comment just before the end */'],
  () => ['/* a comment with a NUL \u0000 inside */ 3'],
  (r) => [`${r.int(1, 9)} == ${r.int(1, 9)}; ${r.int(1, 9)} != ${r.int(1, 9)}; 3 <= 3; 4 >= 5`],
  () => ['x = 5; x =- 2; x', 'x = 5; x=-2; x'],
  () => ['{ }', '{ 1; 2 }', '{', '3', '}'],
];
