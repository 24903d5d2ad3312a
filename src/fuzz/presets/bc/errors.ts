import { literal } from './numbers.js';
import type { Scenario } from './script.js';

// Mistakes and how bc goes on after them: runtime errors end their execution block only,
// syntax errors the statement, compile-time checks of function definitions, illegal characters.
const MISTAKES: [string, string][] = [
  ['divide-by-zero', 'x = 0; 5 / x'],
  ['modulo-by-zero', '7 % 0'],
  ['zero-negative-power', '0 ^ -1'],
  ['sqrt-negative', 'sqrt(-4)'],
  ['undefined-function', 'nosuch(1)'],
  ['param-count', 'define f(a, b) { return (a + b); }\nf(1)'],
  ['param-type', 'define g(v[]) { return (v[0]); }\ng(1)'],
  ['param-type-array', 'define h(n) { return (n); }\nh(w[])'],
  ['subscript-range', 'a[16777216] = 1'],
  ['subscript-negative', 'a[-1]'],
  ['subscript-increment', 'b[99999999]++'],
  ['power-fraction', '2 ^ 0.5'],
  ['exponent-huge', '2 ^ 99999999999999999999'],
  ['syntax-operand', '1 +* 2'],
  ['syntax-paren', '(2 + 3'],
  ['syntax-close', '2 + 3)'],
  ['syntax-keyword', 'if 3'],
  ['syntax-define', 'define (x) { }'],
  ['return-outside', 'return (5)'],
  ['return-empty-outside', 'return'],
  ['break-outside', 'break'],
  ['continue-outside', 'continue'],
  ['continue-while', 'i = 0; while (i < 3) { i += 1; continue }; i'],
  ['duplicate-param', 'define d(x, x) { return (x); }'],
  ['duplicate-auto', 'define d(x) { auto y, y; return (x); }'],
  ['param-auto', 'define d(x) { auto x; return (x); }'],
  ['auto-ref', 'define d(x) { auto *v[]; return (x); }'],
  ['void-value', 'define void v() { print "v\\n"; }\nx = v()'],
  ['void-argument', 'define void v() { }\ndefine u(x) { return (x); }\nu(v())'],
  ['void-subscript', 'define void v() { }\na[v()] = 1'],
  ['void-return', 'define void v() { return (1); }'],
  ['void-for', 'define void v() { }\nfor (v(); i < 2; i++) i'],
  ['illegal-char', 'x = 3 @ 4'],
  ['illegal-dollar', '$x'],
  ['illegal-control', 'x = 1\u0001'],
  ['illegal-high', 'x = 1 é 2'],
  ['uppercase-name', 'X = 5'],
  ['string-number', 'x = "text"'],
  ['assign-expression', '(1 + 2) = 3'],
  ['assign-constant', '5 = x'],
  ['unterminated-string', 'print "never closed'],
  ['mismatch-brace', '}'],
  ['newline-if', 'if (1)\n2'],
  ['many-errors', '1 +\n2 *\n)'],
  ['nul-string', 'print "ab\u0000cd\n"'],
  ['nul-code', '1 \u0000 2'],
];

// Mistakes at the very end of the input: the parser meets end of file inside a statement.
const AT_END: [string, string][] = [
  ['open-brace', '{ 1 + 2'],
  ['open-define', 'define f(x) {\n  return (x)'],
  ['open-paren', '(1 + 2'],
  ['open-if', 'if (1 > 0)'],
];

// Every mistake in turn, those at the end of the input spread among the others.
const ALL: { tag: string; code: string; atEnd: boolean }[] = MISTAKES.flatMap(([tag, code], k) => {
  const entry = { tag, code, atEnd: false };
  const end = k % 10 === 9 ? AT_END[(k - 9) / 10] : undefined;
  return end ? [entry, { tag: end[0], code: end[1], atEnd: true }] : [entry];
});

// The k-th mistake, among correct statements so the output shows what still ran (unless the
// input ends inside the mistake).
export function mistakeAt(k: number): Scenario {
  const { tag, code, atEnd } = ALL[k % ALL.length] as (typeof ALL)[number];
  return (r) => {
    const lines = [`${literal(r)}`, ...code.split('\n')];
    if (!atEnd) lines.push(`print "still running\\n"`);
    return { lines, features: ['mistake', `mistake-${tag}`], options: r.chance(0.15) ? ['-l'] : [] };
  };
}
