import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../../src/contracts/case.js';
import { GeneratorConfigSchema } from '../../src/contracts/generator.js';
import { expectFrom } from '../../src/fuzz/expectation.js';
import { planGron } from '../../src/fuzz/presets/gron.js';

const config = (seed: number) => GeneratorConfigSchema.parse({ preset: 'gron', seed });

// Candidates with their defaults filled in, as the generator runs them.
const plan = (seed: number, count: number): Case[] => planGron(config(seed), count).map((c) => CaseSchema.parse({ ...c, expect: { exit: 0 } }));

const stdinOf = (c: Case): string => (typeof c.run.stdin === 'string' ? c.run.stdin : '');

describe('gron preset', () => {
  const planned = plan(1, 1200);

  it('plans the same candidates for the same seed and others for another seed', () => {
    expect(plan(1, 1200)).toEqual(planned);
    expect(plan(2, 1200).map((c) => c.run)).not.toEqual(planned.map((c) => c.run));
    expect(new Set(planned.map((c) => c.id)).size).toBe(planned.length);
  });

  it('feeds well-formed JSON documents with nesting, unicode and escapes to the plain modes', () => {
    const plain = planned.filter((c) => c.features.includes('plain'));
    expect(plain.length).toBeGreaterThan(100);
    const docs = plain.map((c) => JSON.parse(stdinOf(c)) as unknown);
    const text = plain.map(stdinOf).join('\n');
    expect(docs.some((d) => JSON.stringify(d).includes('[{') || JSON.stringify(d).includes('{"'))).toBe(true);
    expect(text).toMatch(/\\u[0-9a-fA-F]{4}/);
    expect(text).toContain('日本');
    expect(text).toMatch(/1e400|1\.50/);
  });

  it('passes every mode: --ungron, --values, --stream, --json, --no-sort, --monochrome, files and broken input', () => {
    const argv = new Set(planned.flatMap((c) => c.run.argv));
    for (const option of ['-u', '--ungron', '-v', '--values', '-s', '--stream', '-j', '--json', '--no-sort', '-m', '--monochrome', 'in.json', 'missing.json', '-', '--help', '--version']) expect(argv, option).toContain(option);
    for (const tag of ['truncated', 'malformed', 'bad-statements', 'large', 'stream-error', 'subset', 'shuffled']) expect(planned.some((c) => c.features.includes(tag)), tag).toBe(true);
  });

  it('gives --ungron statements written as gron writes them, one a line ending in ";"', () => {
    const ungron = planned.filter((c) => c.features.includes('ungron'));
    expect(ungron.length).toBeGreaterThan(50);
    for (const c of ungron) for (const line of stdinOf(c).trimEnd().split('\n')) expect(line).toMatch(/^json(\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])* = .*;$/);
  });

  it('compares --no-sort output as a set of lines, since gron prints members in map order there', () => {
    const unsorted = planned.filter((c) => c.run.argv.includes('--no-sort') && !c.run.argv.some((a) => ['-u', '--ungron', '-v', '--values'].includes(a)));
    expect(unsorted.length).toBeGreaterThan(20);
    for (const c of unsorted) expect(c.compare.stdout).toEqual({ normalize: ['line-order'] });
    for (const c of planned.filter((p) => !p.run.argv.includes('--no-sort'))) expect(c.compare.stdout).toBe('exact');
  });

  it('records such a case as it is compared (lines sorted), and selects it on that view, so map order never changes the suite', () => {
    const draft = planned.find((c) => c.run.argv.includes('--no-sort') && typeof c.compare.stdout === 'object')!;
    const printed = (order: string[]) => ({ exit: 0, stdout: `${order.join('\n')}\n`, stderr: '' });
    const one = expectFrom(draft, printed(['json.b = 2;', 'json = {};', 'json.a = 1;']));
    const other = expectFrom(draft, printed(['json.a = 1;', 'json.b = 2;', 'json = {};']));
    expect(one.expect.stdout).toBe('json = {};\njson.a = 1;\njson.b = 2;\n');
    expect(other).toEqual(one);
    const exact = planned.find((c) => c.compare.stdout === 'exact')!;
    expect(expectFrom(exact, printed(['b', 'a'])).expect.stdout).toBe('b\na\n');
  });
});
