import type { Rng } from '../../../util/rng.js';
import { expr, scopeOf } from './expressions.js';
import { digits, fraction, literal, longNumber, nonZero } from './numbers.js';
import { type BcScript, times } from './script.js';

// Everyday arithmetic: variables, scale, compound assignment, increments, comparisons (also of
// negative numbers), last and the dot, several statements per line.
export function arithmetic(r: Rng): BcScript {
  const names = r.subset(['x', 'y', 'z', 'n', 'total', 'rate_2', 'k9', 'acc', 'b'], r.int(2, 4));
  const lines: string[] = [];
  if (r.chance(0.6)) lines.push(`scale = ${r.pick([0, 2, 4, 10, 20, r.int(1, 30)])}`);
  for (const v of names) lines.push(`${v} = ${literal(r)}`);
  const scope = scopeOf(names);
  const statements = times(r.int(2, 6), () => arithmeticStatement(r, names, scope));
  // Several statements on one line are one execution block.
  while (statements.length > 0) lines.push(statements.splice(0, r.chance(0.3) ? 2 : 1).join(r.pick(['; ', ';'])));
  return { lines, features: ['arithmetic'] };
}

function arithmeticStatement(r: Rng, names: string[], scope: ReturnType<typeof scopeOf>): string {
  const v = r.pick(names);
  return r.pick([
    () => expr(r, scope),
    () => expr(r, scope),
    () => `${v} = ${expr(r, scope)}`,
    () => `${v} ${r.pick(['+=', '-=', '*=', '/=', '%=', '^='])} ${r.pick(['2', '3', nonZero(r).replace('-', '')])}`,
    () => `${v}; ${r.pick(['last', '.', 'last * 2', '. + 1'])}`,
    () => `${r.pick(['++', '--'])}${v}; ${v}${r.pick(['++', '--'])}; ${v}`,
    () => `scale = ${r.int(0, 12)}; ${expr(r, scope)}`,
    () => `-${r.int(1, 9)} ${r.pick(['<', '>', '==', '<=', '>=', '!='])} -${r.int(1, 9)}.${r.int(0, 9)}; ${v} - ${v}`,
    () => `print ${expr(r, scope)}, "${r.pick([' ', '\\n', ', '])}", ${v}, "\\n"`,
    () => `(${v} = ${literal(r)}) + 1; last`,
    () => `${literal(r)} ${r.pick(['+', '-', '*'])} ${literal(r)}; ${literal(r)} / ${nonZero(r)}`,
  ])();
}

// Big numbers: long multiplication (the recursive algorithm above 80 digits), division and
// modulus at high scale, powers with large and negative exponents, square roots to many digits,
// length and scale of long values; results wrap at 70 columns.
export function bigNumbers(r: Rng): BcScript {
  const a = longNumber(r, 60, 400);
  const b = longNumber(r, 20, 300);
  const lines = [`a = ${a}`, `b = ${b}`];
  const picks = r.subset(BIG_FORMS, r.int(2, 4));
  for (const form of picks) lines.push(form(r));
  return { lines, features: ['bignum'] };
}

const BIG_FORMS: ((r: Rng) => string)[] = [
  () => 'a * b',
  () => 'a * a; length(last)',
  (r) => `scale = ${r.pick([0, 10, 50, 100])}; a / b`,
  (r) => `scale = ${r.pick([0, 5, 30])}; a % b`,
  (r) => `scale = ${r.pick([0, 20])}; b % ${digits(r, r.int(3, 30))}`,
  (r) => `${r.pick(['2', '3', '7', '1.5', '-2', '0.9', '12345'])} ^ ${r.int(100, 900)}`,
  (r) => `scale = ${r.pick([10, 40, 80])}; ${r.pick(['2', '3', '1.01', '-7'])} ^ -${r.int(1, 60)}`,
  (r) => `scale = ${r.pick([50, 100, 200, 300])}; sqrt(${r.pick(['2', '3', '10', 'a', 'b * b', '0.5', '12345678901234567890'])})`,
  () => 'length(a); scale(a); length(b); scale(b)',
  () => 'a - a; -b + b; a == a; a < b; -a < -b',
  (r) => `${digits(r, r.int(81, 200))} * ${digits(r, r.int(81, 200))}`,
  (r) => `${digits(r, r.int(81, 200))} * ${digits(r, r.int(5, 60))}`,
  (r) => `scale = ${r.int(0, 40)}; ${digits(r, r.int(100, 300))} / ${digits(r, r.int(1, 90))}`,
  (r) => `${digits(r, r.int(120, 260))} * 0.${fraction(r, r.int(90, 150))}`,
  (r) => `x = ${digits(r, r.int(90, 120))}; y = 10 ^ ${r.int(40, 60)}; x * y; (x * y) / y`,
  () => 'f = 1; for (i = 1; i <= 90; i++) f *= i; f; length(f)',
  () => 'p = 2 ^ 256 - 1; p; p % 1000000007; obase = 16; p',
];
