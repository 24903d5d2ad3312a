import type { Rng } from '../../../util/rng.js';
import { literal, nonZero, small } from './numbers.js';

// Expressions that evaluate without a runtime error: only assigned variables and defined
// functions, divisors and negative-power bases that cannot be zero, square roots of squares.

// What an expression may refer to.
export interface Scope {
  vars: string[];
  /** Arrays with the number of elements set from index 0. */
  arrays: { name: string; size: number }[];
  /** User functions of one numeric parameter that return a value. */
  unary: string[];
  mathlib: boolean;
}

// A scope with the given variables and nothing else.
export function scopeOf(vars: string[], mathlib = false): Scope {
  return { vars, arrays: [], unary: [], mathlib };
}

type Form = (r: Rng, s: Scope, d: number) => string;

const leaf: Form = (r, s) => {
  const roll = r.float();
  if (roll < 0.45 || s.vars.length === 0) return literal(r);
  if (roll < 0.8) return r.pick(s.vars);
  const array = s.arrays.length > 0 ? r.pick(s.arrays) : null;
  if (array) return `${array.name}[${r.int(0, array.size - 1)}]`;
  return r.pick(s.vars);
};

const FORMS: [number, Form][] = [
  [3, leaf],
  [4, (r, s, d) => `${expr(r, s, d + 1)} ${r.pick(['+', '-', '*'])} ${expr(r, s, d + 1)}`],
  [2, (r, s, d) => `${expr(r, s, d + 1)} / ${divisor(r, s, d)}`],
  [1, (r, s, d) => `${expr(r, s, d + 1)} % ${divisor(r, s, d)}`],
  [2, (r, s, d) => (r.chance(0.6) ? `${leaf(r, s, d)} ^ ${r.int(0, 12)}` : `${nonZero(r)} ^ -${r.int(1, 6)}`)],
  [2, (r, s, d) => `(${expr(r, s, d + 1)})`],
  [1, (r, s, d) => `-(${r.chance(0.5) ? expr(r, s, d + 1) : leaf(r, s, d)})`],
  [2, (r, s, d) => `(${expr(r, s, d + 1)} ${r.pick(['<', '<=', '>', '>=', '==', '!='])} ${expr(r, s, d + 1)})`],
  [1, (r, s, d) => `(${expr(r, s, d + 1)} ${r.pick(['&&', '||'])} ${expr(r, s, d + 1)})`],
  [1, (r, s, d) => `!${r.chance(0.5) ? leaf(r, s, d) : `(${expr(r, s, d + 1)})`}`],
  [1, (r, s, d) => (r.chance(0.5) ? `sqrt((${expr(r, s, d + 1)})^2)` : `sqrt(${small(r)})`)],
  [1, (r, s, d) => `${r.pick(['length', 'scale'])}(${expr(r, s, d + 1)})`],
  [1, (r, s) => (s.vars.length > 0 ? r.pick([`${r.pick(s.vars)}++`, `++${r.pick(s.vars)}`, `${r.pick(s.vars)}--`, `--${r.pick(s.vars)}`]) : literal(r))],
  [1, (r, s, d) => (s.vars.length > 0 ? `(${r.pick(s.vars)} ${r.pick(['=', '+=', '-=', '*='])} ${expr(r, s, d + 1)})` : literal(r))],
  [1, (r, s, d) => (s.unary.length > 0 ? `${r.pick(s.unary)}(${expr(r, s, d + 1)})` : leaf(r, s, d))],
  [1, (r, s, d) => (s.mathlib ? mathCall(r, s, d) : leaf(r, s, d))],
];

// A value-producing expression of bounded depth.
export function expr(r: Rng, s: Scope, depth = 0): string {
  if (depth >= 3) return leaf(r, s, depth);
  const total = FORMS.reduce((sum, [w]) => sum + w, 0);
  let at = r.float() * total;
  for (const [w, form] of FORMS) {
    at -= w;
    if (at < 0) return form(r, s, depth);
  }
  return leaf(r, s, depth);
}

// A divisor that is never zero.
function divisor(r: Rng, s: Scope, d: number): string {
  return r.chance(0.7) ? nonZero(r) : `((${expr(r, s, d + 1)})^2 + 1)`;
}

// A math library call whose argument keeps the result small and defined.
function mathCall(r: Rng, s: Scope, d: number): string {
  const x = `(${expr(r, s, d + 1)}) % 7`;
  return r.pick([`s(${x})`, `c(${x})`, `a(${x})`, `e(${x})`, `l(${nonZero(r).replace('-', '')})`, `j(${r.int(0, 3)}, ${x})`]);
}
