import type { Bytes } from '../contracts/bytes.js';
import { CaseSchema, type Case, type StreamRule } from '../contracts/case.js';
import { normalise } from '../runner/normalise.js';
import type { Observation } from '../contracts/grade.js';
import { digestOf, fromBytesValue } from '../util/bytes.js';
import type { PlannedCase } from './record.js';

// Expected output above this size is kept as a digest (sha256, size, both ends).
export const LARGE_OUTPUT = 64 * 1024;

// A planned invocation as a case still to be run: the files it may write are read back afterwards.
export function draftOf({ outputs, ...planned }: PlannedCase): Case {
  return CaseSchema.parse({ ...planned, expect: { exit: 0, ...(outputs?.length ? { files: Object.fromEntries(outputs.map((o) => [o, null])) } : {}) } });
}

// A case expecting what the reference did.
export function expectFrom(draft: Case, observed: Observation): Case {
  const { exit, stdout, stderr, files } = observed;
  return normalisedExpectation(CaseSchema.parse({ ...draft, expect: { exit: exit ?? 0, stdout, stderr, ...(files ? { files } : {}) } }));
}

// A case's expected text as its own comparison rules see it (lines compared as a set are stored
// sorted): grading compares the same, and a reference whose order changes from run to run records
// the same suite every time.
export function normalisedExpectation(c: Case): Case {
  return { ...c, expect: { ...c.expect, stdout: asRuleSees(c.compare.stdout, c.expect.stdout), stderr: asRuleSees(c.compare.stderr, c.expect.stderr) } };
}

// What a case's selection sees of a run: the observation as the case's comparison rules see it. A
// case that compares its lines as a set is one behaviour whatever order the reference printed them in.
export function observedAsCompared(c: Case, observed: Observation): Observation {
  return { ...observed, stdout: asRuleSees(c.compare.stdout, observed.stdout), stderr: asRuleSees(c.compare.stderr, observed.stderr) };
}

// One stream's text through its rule's normalisers; anything else as it is.
function asRuleSees<T>(rule: StreamRule, value: T): T | string {
  return typeof rule === 'object' && typeof value === 'string' ? normalise(value, rule.normalize) : value;
}

// A case with its large expected outputs kept as digests; null when one of them is large and only
// matches under a normaliser, which a digest cannot hold.
export function withDigests(c: Case): Case | null {
  const expect = { ...c.expect };
  for (const stream of ['stdout', 'stderr'] as const) {
    const bytes = fromBytesValue(expect[stream] as Bytes);
    if (bytes.length <= LARGE_OUTPUT) continue;
    if (c.compare[stream] !== 'exact') return null;
    expect[stream] = digestOf(bytes);
  }
  if (expect.files) {
    expect.files = { ...expect.files };
    for (const [path, value] of Object.entries(expect.files)) {
      if (value === null) continue;
      const bytes = fromBytesValue(value as Bytes);
      if (bytes.length <= LARGE_OUTPUT) continue;
      if (c.compare.files !== 'exact') return null;
      expect.files[path] = digestOf(bytes);
    }
  }
  return { ...c, expect };
}
