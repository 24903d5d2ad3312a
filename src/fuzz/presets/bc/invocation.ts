import type { Rng } from '../../../util/rng.js';
import { digits, literal } from './numbers.js';
import type { BcScript } from './script.js';

// How bc is started: programs in files given as operands (several, then standard input), halt
// in a file, missing files, options short and long, bad options, the environment variables.

// Programs in one to three files, then more statements on standard input.
export function fileOperands(r: Rng): BcScript {
  const count = r.int(1, 3);
  const files: [string, string][] = [];
  const defs = r.chance(0.5);
  const features = ['files', count > 1 ? 'files-many' : 'file'];
  for (let k = 0; k < count; k++) {
    const name = r.pick(['prog.bc', 'lib.bc', 'defs.b', 'main.bc', 'x.bc']) + (k === 0 ? '' : String(k));
    const body = k === 0 && defs ? `define twice(n) { return (2 * n); }\nbase = ${literal(r)}\n` : `v${k} = ${literal(r)}; v${k} * ${r.int(2, 9)}\n`;
    files.push([name, body + (r.chance(0.15) ? r.pick(['halt\n', 'quit\n']) : '')]);
  }
  // A comment left open at the end of a file goes on in the next input.
  if (r.chance(0.15)) {
    const last = files.at(-1) as [string, string];
    last[1] += '/* this comment ends in the next input';
    return { lines: [], features: [...features, 'comment-across'], files, input: ' and ends here */ 1 + 2\n', stdinOnly: true };
  }
  const tail = r.pick(['', `${defs ? 'twice(base)' : `${literal(r)} + 1`}\n`, 'v0 + 1\n', '/* only a comment */\n']);
  if (r.chance(0.12)) files.push(['missing.bc', '']);
  const out: BcScript = { lines: [], features, files, input: tail, stdinOnly: true };
  // A missing operand is a file named on the command line that is not in the case directory.
  if (files.at(-1)?.[0] === 'missing.bc') {
    files.pop();
    out.operands = [...files.map(([name]) => name).slice(0, 1), 'missing.bc', ...files.map(([name]) => name).slice(1)];
    features.push('missing-file');
  }
  if (r.chance(0.25)) out.options = r.subset(['-q', '-l', '-w', '-s'], 1);
  return out;
}

// read(): the program in a file, the numbers on standard input (in the current ibase, negative,
// fractional, several a line); read() waits forever at end of input, so input always suffices.
export function readInput(r: Rng): BcScript {
  const n = r.int(1, 4);
  const data = Array.from({ length: n }, () => r.pick([String(r.int(0, 99)), `-${r.int(1, 50)}`, `${r.int(0, 9)}.${r.int(0, 99)}`, digits(r, r.int(10, 40)), '0', '.5', `  ${r.int(1, 99)}`, `+${r.int(1, 9)}`, `${r.int(10, 99)}\\\n${r.int(10, 99)}`, 'ff', `${r.int(1, 9)}~`]));
  const ibase = r.chance(0.25) ? r.pick([2, 8, 16]) : 10;
  const values = ibase === 10 ? data : data.map(() => r.pick(ibase === 16 ? ['FF', 'A0', '1F.8', '-10'] : ibase === 8 ? ['17', '777', '-7'] : ['101', '1111', '-1']));
  const body = [
    ...(ibase === 10 ? [] : [`ibase = ${ibase}`]),
    r.pick([
      Array.from({ length: n }, (_, k) => `v${k} = read()`).join('; ') + `\n${Array.from({ length: n }, (_, k) => `v${k}`).join(' + ')}`,
      `for (i = 0; i < ${n}; i++) { x = read(); print "got ", x, "\\n"; t += x }\nt`,
      `s = 0; i = ${n}; while (i--) s += read() * ${r.int(2, 5)}; s`,
    ]),
  ];
  const data2 = values.join(r.chance(0.8) ? '\n' : ' ');
  return { lines: [], files: [['prog.bc', `${body.join('\n')}\n`]], input: `${data2}\n`, features: ['read-input'], stdinOnly: true, options: r.chance(0.5) ? ['-q'] : [] };
}

// Options and environment around a small program: every short and long option, combined
// short options, -h and -v, unknown options, BC_ENV_ARGS (split at spaces, read first),
// POSIXLY_CORRECT.
export function options(r: Rng): BcScript {
  const lines = [r.pick(['1 + 2', `x = ${literal(r)}; x * 3`, 'scale = 3; 10 / 7', `${literal(r)} / 4`, 'print "hi\\n"'])];
  const opts = r.subset(['-l', '-q', '-w', '-s', '--mathlib', '--quiet', '--warn', '--standard', '-lw', '-qs'], r.int(0, 2));
  const env: Record<string, string> = {};
  const features = ['options'];
  const roll = r.float();
  if (roll < 0.12) opts.push(r.pick(['-h', '--help', '-v', '--version', '-V', '-x', '--bogus', '--mathlib=1', '-']));
  else if (roll < 0.35) {
    env.BC_ENV_ARGS = r.pick(['-l', '-q -l', '  -l   -w ', '--mathlib', '-s', 'env.bc', '-l env.bc', '-z']);
    features.push('env-args');
  } else if (roll < 0.45) {
    env.POSIXLY_CORRECT = r.pick(['1', '']);
    features.push('env-posix');
  }
  const files: [string, string][] = env.BC_ENV_ARGS?.includes('env.bc') ? [['env.bc', 'define fromenv(x) { return (x + 1000) }\n']] : [];
  if (files.length > 0) lines.push('fromenv(1)');
  // Options after a file operand are still options (GNU getopt permutes).
  const operands = r.chance(0.1) ? [r.pick(['--', '-q']), 'prog.bc'] : [];
  if (operands.length > 0) files.push(['prog.bc', '5 * 5\n']);
  return { lines, features, options: opts, operands, env, files, stdinOnly: files.length > 0 };
}

// -i forces interactive mode (the welcome banner unless -q); the history variable exists there.
export function interactive(r: Rng): BcScript {
  const lines = [r.pick(['1 + 2', 'x = 4; x ^ 2', 'history', 'history = 5; history', 'history = -3; history', 'define f(x) { return (x * 2) }\nf(21)', 'warranty', 'history = 0; history--; history', 'history = -1; history++; history', 'history = 2; ++history; --history'])];
  if (r.chance(0.3)) lines.push('quit');
  const opts = r.pick([['-i'], ['-i', '-q'], ['--interactive'], ['-iq'], ['-i', '-l']]);
  return { lines, features: ['interactive'], options: opts };
}
