import { describe, expect, it } from 'vitest';
import { GeneratorConfigSchema } from '../../src/contracts/generator.js';
import { planBc } from '../../src/fuzz/presets/bc.js';

const config = GeneratorConfigSchema.parse({ preset: 'bc', seed: 7 });

// A planned case with its optional parts filled in, and its program text (stdin and files).
function view(c: ReturnType<typeof planBc>[number]) {
  const files = Object.fromEntries(Object.entries(c.run.files ?? {}).map(([k, v]) => [k, String(v)]));
  const stdin = String(c.run.stdin ?? '');
  return { features: c.features ?? [], argv: c.run.argv ?? [], env: c.run.env ?? {}, files, stdin, program: [stdin, ...Object.values(files)].join('\n') };
}

describe('bc preset', () => {
  const planned = planBc(config, 800);
  const cases = planned.map(view);
  const some = (test: (c: (typeof cases)[number]) => boolean) => cases.some(test);

  it('plans the same candidates for the same seed, others for another', () => {
    expect(planBc(config, 800)).toEqual(planned);
    expect(planBc({ ...config, seed: 8 }, 50)).not.toEqual(planned.slice(0, 50));
    expect(planBc(config, 20)).toEqual(planned.slice(0, 20));
  });

  it('reaches functions with array parameters by value and by reference, void functions and autos', () => {
    expect(some((c) => /define \w+\([^)]*\b\w+\[\]/.test(c.program))).toBe(true);
    expect(some((c) => /\*\w+\[\]/.test(c.program))).toBe(true);
    expect(some((c) => /define void /.test(c.program))).toBe(true);
    expect(some((c) => /auto \w+\[\]/.test(c.program))).toBe(true);
  });

  it('covers bases, line length, the math library, read() and the options', () => {
    expect(some((c) => /obase = \d{3,}/.test(c.program))).toBe(true);
    expect(some((c) => c.env.BC_LINE_LENGTH !== undefined)).toBe(true);
    expect(some((c) => c.env.BC_ENV_ARGS !== undefined)).toBe(true);
    expect(some((c) => c.argv.includes('-l') && /\bj\(/.test(c.program))).toBe(true);
    for (const option of ['-i', '-s', '-w', '-q']) expect(some((c) => c.argv.includes(option))).toBe(true);
  });

  it('gives read() its program in a file and numbers on standard input', () => {
    const reading = cases.filter((c) => c.features.includes('read-input'));
    expect(reading.length).toBeGreaterThan(0);
    for (const c of reading) {
      expect(Object.keys(c.files)).toContain('prog.bc');
      expect(c.stdin.trim()).not.toBe('');
    }
  });

  it('keeps mistakes to a small share, each kind once', () => {
    const mistakes = cases.filter((c) => c.features.includes('mistake'));
    expect(mistakes.length).toBeGreaterThan(30);
    expect(mistakes.length / cases.length).toBeLessThan(0.1);
    expect(new Set(mistakes.map((c) => c.features.find((f) => f.startsWith('mistake-')))).size).toBe(mistakes.length);
  });
});
