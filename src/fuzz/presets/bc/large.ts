import { digits } from './numbers.js';
import { type BcScript, type Scenario, times } from './script.js';

// Programs past bc's first storage blocks and buffers, one of each in turn: more than 128
// variables, arrays and functions (their numbers then take two bytes in the bytecode), more
// than 64 labels in one body, a long function body, a number longer than the scanner's 16 KiB
// buffer, a comment across a buffer boundary, parentheses nested past the parser's stack (and
// past its limit), BC_ENV_ARGS with runs of spaces, -v.
const LARGE: Scenario[] = [
  () => {
    const n = 140;
    return { lines: [times(n, (k) => `v${k} = ${k}`).join('; '), times(n, (k) => `v${k}`).join(' + '), `v${n - 1}++; ++v${n - 1}; v${n - 1}--; v${n - 1}`], features: ['many-vars'] };
  },
  () => {
    const n = 140;
    const last = `r${n - 1}[${n - 1}]`;
    return { lines: [times(n, (k) => `r${k}[${k}] = ${k}`).join('; '), `${last}++; --${last}; ${last} + r1[1]`, `define sum(v[]) { return (v[${n - 1}]); }`, `sum(r${n - 1}[])`], features: ['many-arrays'] };
  },
  (r) => {
    const n = 140;
    return { lines: [...times(n, (k) => `define f${k}(x) { return (x + ${k}); }`), `f${n - 1}(1) + f0(1) + f${r.int(1, n - 2)}(2)`], features: ['many-functions'] };
  },
  (r) => {
    const n = 100;
    const ifs = times(n, (k) => `if (x == ${k}) y += ${k}`).join('; ');
    return { lines: [`define big(x) { auto y; ${ifs}; return (y); }`, `big(${r.int(0, n - 1)}) + big(${r.int(0, n - 1)})`, `x = ${r.int(0, n - 1)}; ${ifs}; y`], features: ['many-labels'] };
  },
  (r) => {
    const body = times(r.int(150, 300), (k) => `s = s + ${k} * x`).join('; ');
    return { lines: [`define long(x) { auto s; ${body}; return (s); }`, `long(${r.int(1, 9)})`], features: ['long-body'] };
  },
  (r) => ({ lines: [`x = ${digits(r, r.int(17000, 20000))}`, 'length(x); x % 1000'], features: ['huge-token'] }),
  (r) => ({ lines: [`/* ${'comment text '.repeat(r.int(700, 1400))} */ 1 + 1`, `x = ${digits(r, 9000)}`, 'length(x)'], features: ['long-comment'] }),
  (r) => nested(r.pick([250, 600])),
  () => nested(12000),
  (r) => ({ lines: [`x = ${r.int(1, 99)}; x * 2`, 's(1)'], features: ['env-args'], env: { BC_ENV_ARGS: r.pick(['  -l   -q  ', '-l -w ', ' --mathlib']) } }),
  (r) => ({ lines: ['1 + 1'], features: ['version'], options: [r.pick(['-v', '--version'])] }),
];

function nested(depth: number): BcScript {
  return { lines: [`${'('.repeat(depth)}1${')'.repeat(depth)} + 1`, `-${'('.repeat(depth)}2${')'.repeat(depth)}`], features: ['deep-nesting'] };
}

// The k-th of these programs.
export function largeAt(k: number): Scenario {
  return LARGE[k % LARGE.length] as Scenario;
}

