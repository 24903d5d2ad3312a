import type { Rng } from '../../../util/rng.js';
import { expr, scopeOf } from './expressions.js';
import { literal } from './numbers.js';
import type { BcScript } from './script.js';

// Arrays: elements set by loops and by hand, indices up to the limit (BC_DIM_MAX; the storage
// tree grows levels), ++ and -- on elements, compound assignment, several arrays, unset elements
// reading as zero, fractional indices truncated.
export function arrays(r: Rng): BcScript {
  const n = r.int(3, 10);
  const lines = [`for (i = 0; i < ${n}; i++) a[i] = ${r.pick(['i * i', 'i + 1', '2 ^ i', '-i', 'i / 3', '(i % 3) * 10'])}`];
  const scope = { ...scopeOf(['i']), arrays: [{ name: 'a', size: n }] };
  const picks = r.subset(ARRAY_FORMS, r.int(2, 4));
  for (const form of picks) lines.push(form(r, n));
  if (r.chance(0.5)) lines.push(`a[${r.int(0, n - 1)}] = ${expr(r, scope)}; a[${r.int(0, n - 1)}]`);
  return { lines, features: ['arrays'] };
}

const ARRAY_FORMS: ((r: Rng, n: number) => string)[] = [
  (r, n) => `a[${r.int(0, n - 1)}]++; a[${r.int(0, n - 1)}]--; ++a[0]; --a[1]; a[0]; a[1]`,
  (r, n) => `a[${r.int(0, n - 1)}] ${r.pick(['+=', '-=', '*=', '^='])} ${r.int(2, 5)}; a[${r.int(0, n - 1)}]`,
  (r) => `b[${r.pick([64, 100, 1000, 4095, 4096, 4097, 65535, 262144, 16777215])}] = ${literal(r)}; b[${r.pick([63, 64, 65535, 100])}]; b[0]`,
  (r) => `c[${r.int(200, 65535)}] = 1; c[${r.int(1, 199)}] = 2; c[${r.int(200, 65535)}] + c[${r.int(1, 199)}]`,
  (r) => `z[2.7] = 5; z[2]; z[${r.int(1, 3)}.${r.int(1, 9)}]`,
  () => 's = 0; for (i = 0; i < 5; i++) s += a[i]; s',
  () => 'for (i = 0; i < 3; i++) { t[i] = a[i] * 2; print t[i], " " }; print "\\n"',
  () => 'a[(a[1] ^ 2) % 3]; a[0] = a[1] = a[2] = 7; a[0] + a[1] + a[2]',
  () => 'nothere[5]; nothere[5]++; nothere[5]',
  (r) => `k = ${r.int(0, 2)}; a[k++] = 9; k; a[--k]`,
  () => 'x = a[1]; a[1] = 0; x; a[1]',
  () => 'for (i = 1000; i < 1003; i++) big[i * 20] = i; big[20040] + big[20000]',
];
