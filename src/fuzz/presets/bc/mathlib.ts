import type { Rng } from '../../../util/rng.js';
import { digits } from './numbers.js';
import type { BcScript } from './script.js';

// The -l math library at various scales: sine, cosine, arctangent, natural log, exponential and
// Bessel functions over small, negative, large and fractional arguments, pi from a(1), results
// in other output bases.
export function mathLibrary(r: Rng): BcScript {
  const lines: string[] = [];
  if (r.chance(0.7)) lines.push(`scale = ${r.pick([0, 1, 5, 10, 20, 30, 50, 70, r.int(2, 40)])}`);
  for (const call of r.subset(MATH_CALLS, r.int(2, 5))) lines.push(call(r));
  if (r.chance(0.2)) lines.push(`obase = ${r.pick([2, 16, 60])}; ${r.pick(['e(1)', 'a(1) * 4', 'l(2)'])}`);
  const options = [r.pick(['-l', '-l', '--mathlib', '-lq'])];
  return { lines, features: ['mathlib'], options };
}

const ARGS = ['0', '1', '-1', '0.5', '-0.5', '2', '3.14159', '10', '-10', '100', '.001', '1000', '0.25'];

const MATH_CALLS: ((r: Rng) => string)[] = [
  (r) => `s(${r.pick(ARGS)}); c(${r.pick(ARGS)})`,
  (r) => `a(${r.pick(ARGS)}); a(${r.pick(['1', '-1', '0.2', '5', '-0.3', '1000000'])})`,
  (r) => `l(${r.pick(['1', '2', '10', '0.5', '.001', '1000000', '123456789', '0.9', '1.1'])})`,
  (r) => `e(${r.pick(ARGS.slice(0, 9))}); e(${r.pick(['-100', '50', '0.001', '-0.001', '20'])})`,
  (r) => `j(${r.int(-3, 6)}, ${r.pick(ARGS.slice(0, 9))})`,
  (r) => `j(${r.int(0, 2)}, ${r.pick(['-2', '1.5', '0'])}); j(-${r.int(1, 4)}, ${r.int(1, 5)})`,
  () => 'pi = 4 * a(1); pi; s(pi / 2); c(pi); s(pi / 6)',
  (r) => `scale = ${r.int(40, 90)}; 4 * a(1)`,
  (r) => `scale = ${r.int(20, 60)}; e(1); l(e(1))`,
  (r) => `x = ${r.int(1, 9)}.${r.int(0, 9)}; s(x)^2 + c(x)^2`,
  (r) => `l(-${r.int(1, 5)}); l(0)`,
  (r) => `e(l(${r.int(2, 99)})); sqrt(${r.int(2, 99)})`,
  (r) => `s(${digits(r, r.int(3, 8))}); c(-${digits(r, r.int(2, 6)) })`,
  () => 'scale; length(s(1)); scale(c(1))',
  (r) => `define sinh(x) { return ((e(x) - e(-x)) / 2) }; sinh(${r.int(0, 5)})`,
  (r) => `scale = 4; a(${r.int(1, 9)}) * 2; scale = 20; a(1/${r.int(2, 9)})`,
];
