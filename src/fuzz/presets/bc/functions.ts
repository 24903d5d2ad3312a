import type { Rng } from '../../../util/rng.js';
import { type FunctionDef, renderDef } from './define.js';
import { digits } from './numbers.js';
import type { BcScript } from './script.js';

// User functions: parameters, auto locals (simple and arrays), recursion, every return form,
// void functions, arrays by value and by reference (*v[]), dynamic scoping of autos, constants
// read in the ibase of the call, redefinition.

interface Library {
  defs: FunctionDef[];
  calls: (r: Rng) => string[];
  tags: string[];
}

const LIBRARIES: Library[] = [
  {
    defs: [{ name: 'fact', params: 'n', body: ['if (n <= 1) return (1)', 'return (n * fact(n - 1))'] }],
    calls: (r) => [`fact(${r.int(0, 12)})`, `fact(${r.int(20, 70)})`],
    tags: ['recursion'],
  },
  {
    defs: [{ name: 'fib', params: 'n', autos: 'a, b, t, i', body: ['a = 0; b = 1', 'for (i = 0; i < n; i++) { t = a + b; a = b; b = t; }', 'return a'] }],
    calls: (r) => [`fib(${r.int(0, 20)})`, `fib(${r.int(80, 300)})`],
    tags: ['auto'],
  },
  {
    defs: [{ name: 'gcd', params: 'm, n', body: ['if (n == 0) return (m)', 'return (gcd(n, m % n))'] }],
    calls: (r) => ['scale = 0', `gcd(${r.int(1, 5000)}, ${r.int(1, 5000)})`, `gcd(${digits(r, 30)}, ${digits(r, 25)})`],
    tags: ['recursion'],
  },
  {
    defs: [{ name: 'pow', params: 'b, e', autos: 'r', body: ['r = 1', 'while (e > 0) { if (e % 2 == 1) r *= b; b *= b; e /= 2; }', 'return (r)'] }],
    calls: (r) => ['scale = 0', `pow(${r.int(2, 9)}, ${r.int(0, 100)})`, `pow(-${r.int(2, 5)}, ${r.int(1, 9)})`],
    tags: ['auto', 'while'],
  },
  {
    defs: [{ name: 'show', params: 'k, v', void: true, body: ['print "item ", k, " = ", v, "\\n"'] }],
    calls: (r) => [`show(${r.int(1, 9)}, ${r.int(-50, 50)})`, `x = ${r.int(1, 99)}; show(x, x * x)`, 'show(0, 1/3)'],
    tags: ['void'],
  },
  {
    defs: [{ name: 'total', params: 'v[], n', autos: 'i, t', body: ['for (i = 0; i < n; i++) t += v[i]', 'return (t)'] }],
    calls: (r) => [`for (i = 0; i < ${r.int(3, 12)}; i++) d[i] = i * ${r.int(2, 9)}`, `total(d[], ${r.int(1, 12)})`, 'd[0] = 1000; total(d[], 3)'],
    tags: ['array-param'],
  },
  {
    defs: [{ name: 'fill', params: '*v[], n, k', void: true, autos: 'i', body: ['for (i = 0; i < n; i++) v[i] = k * i'] }],
    calls: (r) => [`fill(q[], ${r.int(2, 8)}, ${r.int(1, 9)})`, 'q[0]; q[1]; q[2]', `fill(q[], 2, -1); q[1]`],
    tags: ['array-ref'],
  },
  {
    defs: [{ name: 'bump', params: 'v[]', body: ['v[0] += 100', 'return (v[0])'] }],
    calls: (r) => [`w[0] = ${r.int(1, 9)}`, 'bump(w[])', 'w[0]', 'bump(w[]); w[0]'],
    tags: ['array-param'],
  },
  {
    defs: [{ name: 'deep', params: 'n', autos: 'w[], k', body: ['w[0] = n; k = n * 2', 'if (n > 0) return (deep(n - 1) + w[0] + k)', 'return (w[0])'] }],
    calls: (r) => [`deep(${r.int(0, 30)})`, 'k = 5; deep(3); k'],
    tags: ['auto', 'auto-array', 'recursion'],
  },
  {
    defs: [
      { name: 'r0', params: 'x', body: ['if (x > 0) return', 'return (x)'] },
      { name: 'r1', params: 'x', body: ['return x * 2'] },
      { name: 'r2', params: 'x', body: ['x = x + 1'] },
      { name: 'r3', params: '', body: [] },
    ],
    calls: (r) => [`r0(${r.int(-5, 5)}); r1(${r.int(-5, 5)}); r2(${r.int(0, 9)}); r3()`],
    tags: ['return'],
  },
  {
    defs: [
      { name: 'getg', params: '', body: ['return (g)'] },
      { name: 'setg', params: 'v', autos: 'g', body: ['g = v', 'return (getg())'] },
    ],
    calls: (r) => [`g = ${r.int(1, 9)}`, `setg(${r.int(10, 99)})`, 'getg()', 'g'],
    tags: ['auto', 'scoping'],
  },
  {
    defs: [{ name: 'ten', params: '', body: ['return (10 + A)'] }],
    calls: (r) => ['ten()', `ibase = ${r.pick([2, 8, 16, 12])}`, 'ten()', 'ibase = A', 'ten()'],
    tags: ['ibase'],
  },
  {
    defs: [
      { name: 'sq', params: 'x', body: ['return (x * x)'] },
      { name: 'hyp', params: 'a, b', body: ['return (sqrt(sq(a) + sq(b)))'] },
      { name: 'lerp', params: 'a, b, t', body: ['return (a + (b - a) * t)'] },
    ],
    calls: (r) => [`scale = ${r.int(0, 10)}`, `hyp(${r.int(1, 20)}, ${r.int(1, 20)})`, `lerp(${r.int(0, 9)}, ${r.int(10, 99)}, .${r.int(1, 9)})`],
    tags: ['nested-call'],
  },
  {
    defs: [{ name: 'steps', params: 'n', autos: 'c', body: ['while (1) { if (n == 1) break; if (n % 2) n = 3 * n + 1 else n /= 2; c++; }', 'return (c)'] }],
    calls: (r) => ['scale = 0', `steps(${r.int(1, 200)})`, `steps(${r.int(1000, 99999)})`],
    tags: ['while', 'break'],
  },
  {
    defs: [{ name: 'ds', params: 'n', autos: 's, t', body: ['t = scale; scale = 0', 'while (n > 0) { s += n % 10; n /= 10; }', 'scale = t', 'return (s)'] }],
    calls: (r) => [`scale = ${r.int(0, 5)}`, `ds(${digits(r, r.int(1, 40))})`, 'scale'],
    tags: ['auto'],
  },
  {
    defs: [{ name: 'sign', params: 'n', void: true, body: ['if (n < 0) { print "negative\\n"; return; }', 'if (n == 0) print "zero\\n" else print "positive ", n, "\\n"'] }],
    calls: (r) => [`sign(${r.int(-9, -1)}); sign(0); sign(${r.int(1, 9)})`],
    tags: ['void', 'return'],
  },
  {
    defs: [{ name: 'sort', params: '*v[], n', void: true, autos: 'i, j, t', body: ['for (i = 0; i < n; i++) for (j = 0; j < n - 1 - i; j++) if (v[j] > v[j + 1]) { t = v[j]; v[j] = v[j + 1]; v[j + 1] = t; }'] }],
    calls: (r) => {
      const n = r.int(3, 9);
      const fills = Array.from({ length: n }, (_, k) => `u[${k}] = ${r.int(-99, 99)}`).join('; ');
      return [fills, `sort(u[], ${n})`, `for (i = 0; i < ${n}; i++) print u[i], " "`, 'print "\\n"'];
    },
    tags: ['array-ref', 'for'],
  },
  {
    defs: [
      { name: 'inner', params: 'v[]', body: ['return (v[1] * 3)'] },
      { name: 'outer', params: 'v[], *o[]', body: ['o[0] = inner(v[])', 'return (o[0] + 1)'] },
    ],
    calls: (r) => [`m[1] = ${r.int(1, 50)}`, 'outer(m[], res[])', 'res[0]'],
    tags: ['array-param', 'array-ref'],
  },
  {
    defs: [{ name: 'at', params: 'k, v[], *o[]', body: ['o[k] = v[k] * 2', 'return (v[k])'] }],
    calls: (r) => [`p[2] = ${r.int(1, 99)}`, 'at(2, p[], p[])', 'p[2]', 'at(1, p[], res[]); res[1]'],
    tags: ['array-param', 'array-ref'],
  },
  {
    defs: [{ name: 'ack', params: 'm, n', body: ['if (m == 0) return (n + 1)', 'if (n == 0) return (ack(m - 1, 1))', 'return (ack(m - 1, ack(m, n - 1)))'] }],
    calls: (r) => [`ack(${r.int(0, 2)}, ${r.int(0, 4)})`, 'ack(2, 3)'],
    tags: ['recursion'],
  },
  {
    defs: [{ name: 'f', params: 'x', body: ['return (x + 1)'] }],
    calls: (r) => [`f(${r.int(1, 9)})`, 'define f(x) { auto t; t = x * 100; return (t); }', `f(${r.int(1, 9)})`, 'define f(x) { return (-x); }', `f(${r.int(1, 9)})`],
    tags: ['redefine'],
  },
  {
    defs: [{ name: 'harmonic', params: 'n', autos: 'i, h', body: ['for (i = 1; i <= n; i++) h += 1 / i', 'return h'] }],
    calls: (r) => [`scale = ${r.int(5, 30)}`, `harmonic(${r.int(1, 40)})`, 'last * 2'],
    tags: ['auto', 'for'],
  },
];

// A program defining one to three function families and calling them.
export function functions(r: Rng): BcScript {
  const libs = r.subset(LIBRARIES, r.int(1, 3));
  const lines: string[] = [];
  const calls: string[] = [];
  const features = new Set(['functions']);
  for (const lib of libs) {
    for (const def of lib.defs) lines.push(...renderDef(r, def));
    calls.push(...lib.calls(r));
    for (const t of lib.tags) features.add(t);
  }
  lines.push(...calls);
  return { lines, features: [...features] };
}
