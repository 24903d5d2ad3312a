import { q, type Targeted } from './case.js';

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

export function mathRows(): Targeted[] {
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
