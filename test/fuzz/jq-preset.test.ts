import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../src/contracts/case.js';
import { GeneratorConfigSchema } from '../../src/contracts/generator.js';
import { planJq } from '../../src/fuzz/presets/jq.js';
import { BUILTINS } from '../../src/fuzz/presets/jq/tags.js';

const config = (seed: number) => GeneratorConfigSchema.parse({ preset: 'jq', seed });

// Candidates with their defaults filled in, as the generator runs them.
const plan = (seed: number, count: number): Case[] => planJq(config(seed), count).map((c) => CaseSchema.parse({ ...c, expect: { exit: 0 } }));

// The program text of a candidate: its argv and the files it lays out (-f programs, modules).
function text(c: Case): string {
  return [...c.run.argv, ...Object.values(c.run.files).map((f) => (typeof f === 'string' ? f : ''))].join(' ');
}

describe('jq preset', () => {
  const planned = plan(1, 1500);

  it('plans the same candidates for the same seed, and other random ones for another seed', () => {
    expect(plan(1, 1500)).toEqual(planned);
    const other = plan(2, 1500);
    const random = (list: typeof planned) => list.filter((c) => c.features.includes('random')).map((c) => c.run);
    expect(random(other)).not.toEqual(random(planned));
    expect(new Set(planned.map((c) => c.id)).size).toBe(planned.length);
  });

  it('names every builtin of jq 1.6 in some candidate', () => {
    const all = planned.map(text).join('\n');
    const missing = [...BUILTINS].filter((name) => !new RegExp(`(?<![\\w.$])${name}(?![\\w])`).test(all));
    expect(missing).toEqual([]);
  });

  it('passes every command-line option and lays out modules, program files and data files', () => {
    const argv = new Set(planned.flatMap((c) => c.run.argv));
    for (const option of ['--stream', '--seq', '-f', '-L', '--rawfile', '--slurpfile', '--argfile', '--jsonargs', '--args', '--arg', '--argjson', '-e', '-C', '-M', '-a', '-S', '--tab', '--indent', '-j', '-r', '-s', '-R', '-n', '--unbuffered', '--run-tests', '--version', '--help']) expect(argv, option).toContain(option);
    const files = planned.flatMap((c) => Object.keys(c.run.files));
    expect(files).toContain('lib/m.jq');
    expect(files).toContain('lib/data.json');
    expect(files).toContain('.jq');
    expect(planned.some((c) => c.run.env.JQ_COLORS !== undefined)).toBe(true);
  });

  it('reaches the grammar forms of destructuring, alternatives, labels, reduce and foreach', () => {
    const all = planned.map(text).join('\n');
    for (const form of ['?//', '. as {', 'label $', 'break $', 'reduce ', 'foreach ', '$__loc__', 'import "', 'include "', '@base64d', 'def ']) expect(all, form).toContain(form);
  });

  it('types its random programs so that they are tagged and carry an input', () => {
    const random = planned.filter((c) => c.features.includes('random'));
    expect(random.length).toBeGreaterThan(400);
    for (const c of random) expect(c.run.stdin !== '' || Object.keys(c.run.files).length > 0).toBe(true);
  });
});
