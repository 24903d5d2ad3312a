import { describe, expect, it } from 'vitest';
import { CaseSchema, type CaseInput } from '../../src/contracts/case.js';
import type { Observation } from '../../src/contracts/grade.js';
import type { ProcessOutcome } from '../../src/contracts/process.js';
import { compareObservation } from '../../src/runner/compare.js';
import { lineDiff } from '../../src/runner/diff.js';
import { normalise } from '../../src/runner/normalise.js';

const exited: ProcessOutcome = { endedBy: 'exit', exitCode: 0, signal: null, timedOut: false, outputCut: null, wallMs: 1, cpuMs: 0, hung: [], error: null };

function testCase(input: Partial<CaseInput>) {
  return CaseSchema.parse({ id: 'c1', run: {}, expect: { exit: 0, stdout: 'a\nb\n', stderr: '' }, ...input });
}

function observed(o: Partial<Observation>): Observation {
  return { exit: 0, stdout: 'a\nb\n', stderr: '', ...o };
}

describe('compareObservation', () => {
  it('is strict by default: exit, stdout and stderr must match to the byte', () => {
    const c = testCase({});
    expect(compareObservation(c, observed({}), exited).passed).toBe(true);
    expect(compareObservation(c, observed({ stdout: 'a\nb' }), exited).failures).toEqual(['stdout']);
    expect(compareObservation(c, observed({ stderr: 'warning\n' }), exited).failures).toEqual(['stderr']);
    expect(compareObservation(c, observed({ exit: 1 }), { ...exited, exitCode: 1 }).failures).toEqual(['exit']);
  });

  it('applies the loosening recorded in the case, and only that', () => {
    const c = testCase({ compare: { stdout: { normalize: ['line-order', 'trailing-whitespace'] }, stderr: 'nonempty', exit: 'zero-or-not' }, expect: { exit: 1, stdout: 'b\na\n', stderr: 'oops\n' } });
    expect(compareObservation(c, observed({ exit: 2, stdout: 'a  \nb\n', stderr: 'other words\n' }), exited).passed).toBe(true);
    expect(compareObservation(c, observed({ exit: 2, stdout: 'a\nb\n', stderr: '' }), exited).failures).toEqual(['stderr']);
    expect(compareObservation(c, observed({ exit: 0, stdout: 'a\nb\n', stderr: 'x' }), exited).failures).toEqual(['exit']);
    expect(compareObservation(c, observed({ exit: 2, stdout: 'a\nc\n', stderr: 'x' }), exited).failures).toEqual(['stdout']);
  });

  it('compares binary output as bytes', () => {
    const c = testCase({ expect: { exit: 0, stdout: { base64: Buffer.from([0xff, 0x00]).toString('base64') } } });
    expect(compareObservation(c, observed({ stdout: { base64: Buffer.from([0xff, 0x00]).toString('base64') } }), exited).passed).toBe(true);
    expect(compareObservation(c, observed({ stdout: { base64: Buffer.from([0xff, 0x01]).toString('base64') } }), exited).passed).toBe(false);
  });

  it('checks expected files, including ones that must be absent', () => {
    const c = testCase({ expect: { exit: 0, stdout: 'a\nb\n', files: { 'out.txt': 'x\n', 'gone.txt': null } } });
    expect(compareObservation(c, observed({ files: { 'out.txt': 'x\n', 'gone.txt': null } }), exited).passed).toBe(true);
    const wrong = compareObservation(c, observed({ files: { 'out.txt': 'y\n', 'gone.txt': 'still here' } }), exited);
    expect(wrong.failures).toEqual(['files']);
    expect(wrong.diff).toContain('file gone.txt: expected absent, got present');
  });

  it('turns a time-out or a cut output into that failure, whatever was printed', () => {
    const c = testCase({});
    expect(compareObservation(c, observed({}), { ...exited, endedBy: 'timeout', timedOut: true, exitCode: null }).failures).toEqual(['timeout']);
    expect(compareObservation(c, observed({}), { ...exited, endedBy: 'output-limit', outputCut: 'stdout', exitCode: null }).failures).toEqual(['output-limit']);
    expect(compareObservation(c, observed({}), { ...exited, endedBy: 'disk-limit', exitCode: null }).failures).toEqual(['disk-limit']);
  });
});

describe('lineDiff', () => {
  it('shows the differing lines with one line of context on each side', () => {
    const diff = lineDiff('stdout', 'same\nold\nend\n', 'same\nnew\nend\n');
    expect(diff.split('\n')).toEqual(['--- expected stdout', '+++ got stdout', '@@ line 2 @@', '  same', '- old', '+ new', '  end']);
  });

  it('makes a missing final newline and invisible characters visible', () => {
    expect(lineDiff('stdout', 'a\n', 'a')).toContain('+ a ⟨no newline at end⟩');
    expect(lineDiff('stdout', 'a\tb\n', 'a b\n')).toContain('- a\\tb');
    expect(lineDiff('stdout', 'x\n', '')).toContain('+ (nothing)');
  });

  it('cuts long sides', () => {
    const many = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    expect(lineDiff('stdout', '', many, 5)).toContain('+ … 45 more lines');
  });
});

describe('normalise', () => {
  it('masks, collapses and sorts', () => {
    expect(normalise('took 15ms\n', [{ mask: '\\d+ms', replace: '<t>' }])).toBe('took <t>\n');
    expect(normalise('  a   b  \n', ['collapse-whitespace'])).toBe('a b\n');
    expect(normalise('b\na\n', ['line-order'])).toBe('a\nb\n');
    expect(normalise('x\n\n\n', ['final-newline'])).toBe('x');
  });
});
