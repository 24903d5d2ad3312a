import type { Rng } from '../../../util/rng.js';
import { baseDigit, digits, fraction, inBase, literal } from './numbers.js';
import type { BcScript } from './script.js';

// Input and output bases: every ibase from 2 to 36 with its digits (and digits past the base,
// which bc clamps), single-digit constants, fractions; obase up to 16, multi-digit groups above,
// very large bases; the out-of-range values bc corrects with a warning; ++ and -- on them.
export function bases(r: Rng): BcScript {
  const lines: string[] = [];
  const features = ['bases'];
  const obase = r.pick([2, 3, 7, 8, 16, 12, 20, 36, 60, 100, 256, 1000, 99999, r.int(2, 16), r.int(17, 500)]);
  const ibase = r.pick([10, 2, 8, 16, 16, 12, 36, r.int(2, 36)]);
  if (r.chance(0.4)) lines.push(`scale = ${r.int(0, 12)}`);
  // obase first, while constants are still decimal.
  lines.push(`obase = ${obase}`);
  const values = [literal(r), literal(r), `-${digits(r, r.int(1, 30))}.${fraction(r, r.int(1, 8))}`, digits(r, r.int(20, 90))];
  lines.push(r.subset(values, r.int(1, 3)).join('; '));
  if (ibase !== 10) {
    lines.push(`ibase = ${ibase}`);
    const nums = Array.from({ length: r.int(2, 4) }, () => inBase(r, ibase, r.chance(0.2) ? 20 : 6));
    lines.push(nums.join('; '));
    if (ibase < 36 && r.chance(0.5)) lines.push(`${baseDigit(r.int(ibase, 35))}; ${baseDigit(r.int(ibase, 35))}${baseDigit(r.int(0, 35))}; ZZ`);
    // In base ibase, "A" is ten whatever the base, so this restores decimal input.
    if (r.chance(0.5)) lines.push(`ibase = A; ${digits(r, 3)}`);
  }
  if (r.chance(0.4)) lines.push(`obase; ibase; x = ${r.int(2, 9)}; x / 3`);
  if (r.chance(0.3)) lines.push(r.pick(['obase++; obase--; obase', 'ibase++; ibase', 'scale++; scale--; scale', '++obase; --scale', 'ibase--; ibase']));
  return { lines, features };
}

// Values bc corrects with a runtime warning, and the boundary ++/-- of the special variables.
export function baseLimits(r: Rng): BcScript {
  const lines = [r.pick(['obase = 1', 'obase = 0', 'obase = -5', 'ibase = 1', 'ibase = 37', 'ibase = 100', 'ibase = -2', 'scale = -1', 'obase = 99999999999999999999999', 'scale = 99999999999999999999', 'ibase = 99999999999999999999', 'scale = 2147483647; scale++; scale', 'obase = 2147483647; obase++; obase', 'history = 99999999999999999999'])];
  lines.push(r.pick(['ibase = 16; ibase++; ibase', 'ibase = 2; ibase--; ibase = A; ibase', 'obase = 2; obase--; obase', 'scale = 0; scale--; scale', '10; obase; ibase; scale']));
  lines.push(`${literal(r)}; ${literal(r)}`);
  return { lines, features: ['base-limits'], options: r.chance(0.3) ? ['-s'] : [] };
}

// Long output lines: numbers wider than the line length wrap with a backslash; BC_LINE_LENGTH
// sets the width (0 turns wrapping off, values under 3 mean 70); strings in print wrap too.
export function lineLength(r: Rng): BcScript {
  const width = r.pick(['0', '1', '2', '3', '4', '10', '25', '40', '69', '70', '71', '100', '150', 'abc', '']);
  const lines = [
    r.pick([`2 ^ ${r.int(200, 700)}`, `${digits(r, r.int(80, 250))}`, `scale = ${r.int(60, 160)}; 1 / 7`, `obase = ${r.pick([2, 16, 100, 1000])}; ${digits(r, r.int(40, 90))}`, `-${digits(r, r.int(70, 160))}.${fraction(r, 30)}`]),
  ];
  if (r.chance(0.5)) lines.push(`print "${'=-'.repeat(r.int(20, 60))}\\n"`);
  if (r.chance(0.4)) lines.push(`print ${digits(r, 90)}, " and ", ${digits(r, 40)}, "\\n"`);
  if (r.chance(0.3)) lines.push('"a plain string longer than the usual line length of seventy columns, which bc does not wrap"');
  const env: Record<string, string> = r.chance(0.8) ? { BC_LINE_LENGTH: width } : {};
  return { lines, features: ['line-length'], env, options: r.chance(0.15) ? ['-s'] : [] };
}
