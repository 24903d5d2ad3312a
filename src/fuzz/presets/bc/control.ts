import type { Rng } from '../../../util/rng.js';
import { expr, scopeOf } from './expressions.js';
import { literal } from './numbers.js';
import type { BcScript } from './script.js';

// Control flow: if with and without else, while, for with any part left out, break, continue,
// nested loops, blocks across lines, halt when executed, quit wherever it is read.
export function control(r: Rng): BcScript {
  const lines: string[] = [`x = ${r.int(-20, 20)}; y = ${r.int(1, 30)}`];
  const picks = r.subset(CONTROL_FORMS, r.int(2, 4));
  for (const form of picks) lines.push(...form(r));
  return { lines, features: ['control'] };
}

const CONTROL_FORMS: ((r: Rng) => string[])[] = [
  (r) => [`if (x ${r.pick(['<', '>', '==', '!=', '<=', '>='])} ${r.int(-5, 5)}) print "yes\\n" else print "no\\n"`],
  (r) => [`if (x > 0) {`, `  print "positive"`, `} else if (x < 0) {`, `  print "negative"`, `} else {`, `  print "zero"`, `}`, `print "\\n"`, `${r.chance(0.5) ? 'x' : 'y'}`],
  (r) => [`i = 0; while (i < ${r.int(0, 8)}) { i; i += ${r.int(1, 3)} }`],
  (r) => [`for (i = ${r.int(0, 3)}; i < ${r.int(3, 9)}; i++) { if (i % 2 == 0) continue; i }`],
  (r) => [`for (i = 0; ; i++) { if (i * i > ${r.int(5, 200)}) break; }`, 'i'],
  (r) => [`i = ${r.int(0, 5)}; for (; i < 7;) i += 2`, 'i'],
  () => ['i = 0; for (;;) { if (++i >= 4) break; print i, "," }', 'print "\\n"'],
  (r) => [`for (i = 1; i <= ${r.int(2, 4)}; i++) {`, `  for (j = 1; j <= ${r.int(2, 4)}; j++) print i * j, " "`, '  print "\\n"', '}'],
  (r) => [`while (y > 1) {`, `  if (y % 2) y = 3 * y + 1 else y /= 2`, `  c += 1`, `}`, 'c', `scale = ${r.int(0, 3)}`],
  (r) => [`if (${r.int(0, 1)}) halt`, 'print "after halt test\\n"', `${literal(r)}`],
  () => ['if (0 == 1) quit', 'print "never printed: quit is read before this line runs\\n"'],
  (r) => [`${literal(r)}; ${r.pick(['halt', 'quit'])}; print "not reached\\n"`],
  (r) => [`print "before\\n"`, r.pick(['quit', 'halt']), 'print "after\\n"'],
  (r) => [`n = ${r.int(2, 30)}; p = 1; while (n > 1) { if (n % 2 == 0) { p *= 2; n /= 2; continue; }; break }; p; n`, 'scale = 0'],
  (r) => [`{ a = ${r.int(1, 9)}`, `  b = a * 2`, `  a + b }`],
  (r) => [`for (i = 0; i < 3; i++) for (j = 0; j < 3; j++) if (i == j) { print i; if (i == ${r.int(0, 2)}) break }`, 'print "\\n"'],
  (r) => [`z = ${expr(r, scopeOf(['x', 'y']))}`, 'if (z) print "nonzero\\n" else print "zero\\n"', 'if (!z) z = -1; z'],
  () => ['while (0) print "never\\n"; for (i = 9; i < 3; i++) print "never\\n"; i'],
];

// Strings and print: lists of strings and expressions, every escape bc knows and an unknown
// one, bare strings with newlines inside, long strings past the line length.
export function printing(r: Rng): BcScript {
  const lines: string[] = [`v = ${literal(r)}`];
  const picks = r.subset(PRINT_FORMS, r.int(2, 4));
  for (const form of picks) lines.push(...form(r));
  return { lines, features: ['print'] };
}

const PRINT_FORMS: ((r: Rng) => string[])[] = [
  () => ['print "tab\\there, quote \\q, backslash \\\\, newline\\n"'],
  () => ['print "bell\\a back\\b feed\\f return\\r end\\n"'],
  (r) => [`print "unknown \\${r.pick(['z', 'x', 'e', '0', 'N'])} escape\\n"`],
  (r) => [`print "v = ", v, ", twice = ", v * 2, "\\n"`, `print ${r.int(1, 9)}, ${r.int(1, 9)}, "\\n"`],
  () => ['"a bare string, printed as is\\n"', '"then a number: "; v'],
  () => ['"multi', 'line string', '"'],
  (r) => [`print "${'long text '.repeat(r.int(8, 20))}\\n"`],
  (r) => [`obase = ${r.pick([2, 16, 8])}; print "in base: ", v, "\\n"; obase = 10`],
  () => ['print v; print "\\n"; last', 'print "empty:", "", "\\n"'],
  () => ['print "no newline at the end"'],
  (r) => [`for (i = 0; i < ${r.int(2, 5)}; i++) print "row ", i, "\\n"`],
  () => ['"";""', 'print ""'],
];
