import type { GeneratorConfig } from '../../contracts/generator.js';
import { Rng } from '../../util/rng.js';
import type { PlannedCase } from '../record.js';

// bc: programs with arithmetic, scale, ibase/obase, the -l math library, user functions, control
// flow, arrays, strings and errors.

function num(r: Rng): string {
  return r.pick([String(r.int(0, 20)), String(r.int(-100, 100)), `${r.int(0, 99)}.${r.int(0, 999)}`, String(r.int(1, 9) * 10 ** r.int(5, 30)), '0', '.5', '-.25', `${r.int(1, 9)}^${r.int(0, 40)}`, 'A', 'FF', '1.000']);
}

function expr(r: Rng, depth: number): string {
  if (depth > 2) return r.chance(0.8) ? num(r) : r.pick(['x', 'y', 'a[1]', 'last', '.']);
  const forms: ((rr: Rng, d: number) => string)[] = [
    (rr) => num(rr),
    (rr, d) => `${expr(rr, d + 1)} ${rr.pick(['+', '-', '*', '/', '%', '^'])} ${expr(rr, d + 1)}`,
    (rr, d) => `(${expr(rr, d + 1)})`,
    (rr, d) => `-${expr(rr, d + 1)}`,
    (rr, d) => `${expr(rr, d + 1)} ${rr.pick(['<', '<=', '==', '!=', '>', '>=', '&&', '||'])} ${expr(rr, d + 1)}`,
    (rr, d) => `!${expr(rr, d + 1)}`,
    (rr, d) => `sqrt(${expr(rr, d + 1)})`,
    (rr, d) => `length(${expr(rr, d + 1)})`,
    (rr, d) => `scale(${expr(rr, d + 1)})`,
    (rr, d) => `${rr.pick(['s', 'c', 'a', 'l', 'e'])}(${expr(rr, d + 1)})`,
    (rr, d) => `j(${rr.int(0, 3)}, ${expr(rr, d + 1)})`,
    (rr) => rr.pick(['x', 'y', 'x++', '++y', 'x--', 'a[2]', 'last', 'ibase', 'obase', 'scale']),
    (rr, d) => `f(${expr(rr, d + 1)})`,
  ];
  return r.pick(forms)(r, depth);
}

function statement(r: Rng): string {
  const forms: ((rr: Rng) => string)[] = [
    (rr) => expr(rr, 0),
    (rr) => `scale = ${rr.int(0, 20)}`,
    (rr) => `obase = ${rr.pick(['2', '8', '16', '10', '3', '36', '100', '1'])}`,
    (rr) => `ibase = ${rr.pick(['2', '8', '16', '10', '3', '36', '1'])}`,
    (rr) => `x = ${expr(rr, 1)}`,
    (rr) => `y = ${expr(rr, 1)}`,
    (rr) => `a[${rr.int(0, 3)}] = ${expr(rr, 1)}`,
    (rr) => `x ${rr.pick(['+=', '-=', '*=', '/=', '^=', '%='])} ${num(rr)}`,
    (rr) => `define f(n) { ${rr.pick(['return (n * 2)', 'if (n <= 1) return (1); return (n * f(n - 1))', 'auto i; i = n; return (i + 1)', 'return n'])} }`,
    (rr) => `for (i = 0; i < ${rr.int(0, 5)}; i++) { ${rr.pick(['i', 'x = x + i', 'print i, "\\n"'])} }`,
    (rr) => `while (x < ${rr.int(1, 50)}) x = x * 2 + 1`,
    (rr) => `if (${expr(rr, 1)}) ${expr(rr, 1)} else ${expr(rr, 1)}`,
    (rr) => `print ${rr.pick(['"hello\\n"', '"x=", x, "\\n"', '1, 2, "\\t", 3', '"\\q"'])}`,
    () => `"string literal"`,
    (rr) => rr.pick(['halt', 'quit', 'limits', 'warranty', 'break', 'continue', 'return 1', 'read()']),
    (rr) => rr.pick(['1 +', '(2', 'x = ', 'f(', '3 ++ 4', 'define (', '@', 'sqrt()', '1 / 0', '2 % 0', 'a[-1] = 1', 'scale = -1', 'obase = 0']),
    (rr) => `/* comment */ ${expr(rr, 1)}`,
    (rr) => `${expr(rr, 1)}; ${expr(rr, 1)}`,
  ];
  return r.pick(forms)(r);
}

export function planBc(config: GeneratorConfig, count: number): PlannedCase[] {
  const out: PlannedCase[] = [];
  for (let i = 0; i < count; i++) {
    const r = new Rng(config.seed, `bc-${i}`);
    const argv: string[] = [];
    const features = new Set<string>();
    if (r.chance(0.35)) {
      argv.push('-l');
      features.add('mathlib');
    }
    if (r.chance(0.08)) {
      argv.push(r.pick(['-s', '-w', '-q']));
      features.add('mode');
    }
    const program = Array.from({ length: r.int(1, 5) }, () => statement(r)).join(r.chance(0.7) ? '\n' : '; ');
    for (const m of program.matchAll(/\b(scale|obase|ibase|define|for|while|if|print|sqrt|length|halt|quit|limits|read|auto|return|break)\b/g)) features.add(m[1] as string);
    if (/\b[scale]\(/.test(program)) features.add('mathlib-call');
    if (/\^/.test(program)) features.add('power');
    if (/a\[/.test(program)) features.add('array');
    if (/"/.test(program)) features.add('string');
    const files: Record<string, string> = {};
    let stdin = `${program}\n`;
    if (r.chance(0.15)) {
      files['prog.bc'] = `${program}\n`;
      argv.push('prog.bc');
      stdin = r.chance(0.5) ? `${expr(r, 0)}\n` : '';
      features.add('file');
    }
    out.push({ id: `candidate-${i}`, features: [...features].sort(), run: { argv, stdin, files, env: {} } });
  }
  return out;
}
