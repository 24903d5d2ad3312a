import type { Rng } from '../../../util/rng.js';

// Number literals in base 10: small and large, with and without fractions, and the spellings the
// scanner treats specially (leading zeros, a trailing or leading point).

// A string of n decimal digits that does not start with 0.
export function digits(r: Rng, n: number): string {
  let s = String(r.int(1, 9));
  for (let k = 1; k < n; k++) s += String(r.int(0, 9));
  return s;
}

// A fraction part of n digits (may start with 0).
export function fraction(r: Rng, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += String(r.int(0, 9));
  return s;
}

// A small non-negative literal.
export function small(r: Rng): string {
  return r.pick([String(r.int(0, 9)), String(r.int(10, 99)), String(r.int(100, 9999)), `${r.int(0, 99)}.${fraction(r, r.int(1, 4))}`, `.${fraction(r, r.int(1, 3))}`, `${r.int(1, 9)}.`, `00${r.int(1, 9)}`, `${r.int(1, 9)}.500`]);
}

// A literal that is never zero (divisors, negative-power bases).
export function nonZero(r: Rng): string {
  return r.pick([String(r.int(1, 9)), String(r.int(11, 99)), `${r.int(1, 9)}.${r.int(1, 9)}`, `0.${r.int(1, 9)}${r.int(0, 9)}`, String(r.int(101, 9999)), `-${r.int(1, 9)}`, `-${r.int(2, 50)}.${r.int(1, 9)}`]);
}

// Any literal, sometimes negative, sometimes long.
export function literal(r: Rng): string {
  const roll = r.float();
  if (roll < 0.55) return small(r);
  if (roll < 0.75) return `-${small(r)}`;
  if (roll < 0.9) return digits(r, r.int(12, 40));
  return `${digits(r, r.int(5, 30))}.${fraction(r, r.int(5, 30))}`;
}

// A long literal for big-number arithmetic (tens to hundreds of digits).
export function longNumber(r: Rng, min: number, max: number): string {
  const whole = digits(r, r.int(min, max));
  if (r.chance(0.3)) return `${whole}.${fraction(r, r.int(1, 40))}`;
  return r.chance(0.15) ? `-${whole}` : whole;
}

// A digit of base `base` as bc reads it (0-9 then A-Z).
export function baseDigit(value: number): string {
  return value < 10 ? String(value) : String.fromCharCode(55 + value);
}

// A literal written in input base `base` (digits valid for it), sometimes with a fraction.
export function inBase(r: Rng, base: number, maxDigits = 6): string {
  const n = r.int(1, maxDigits);
  let s = baseDigit(r.int(1, base - 1));
  for (let k = 1; k < n; k++) s += baseDigit(r.int(0, base - 1));
  if (r.chance(0.25)) s += `.${baseDigit(r.int(0, base - 1))}${baseDigit(r.int(0, base - 1))}`;
  return s;
}
