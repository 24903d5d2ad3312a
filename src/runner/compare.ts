import type { Bytes, ExpectedBytes } from '../contracts/bytes.js';
import type { Case, StreamRule } from '../contracts/case.js';
import type { FailureKind, Observation } from '../contracts/grade.js';
import type { ProcessOutcome } from '../contracts/process.js';
import { fromBytesValue, isDigest, matchesDigest, type DigestValue } from '../util/bytes.js';
import { lineDiff } from './diff.js';
import { normalise } from './normalise.js';

export interface Comparison {
  passed: boolean;
  failures: FailureKind[];
  diff: string | null;
}

const LIMIT_FAILURES: Partial<Record<ProcessOutcome['endedBy'], FailureKind>> = {
  timeout: 'timeout',
  'output-limit': 'output-limit',
  'disk-limit': 'disk-limit',
  'memory-limit': 'memory-limit',
  'spawn-failed': 'not-run',
  'not-run': 'not-run',
};

// Compares what a program did with what the case expects, under the case's rules. Pure.
export function compareObservation(testCase: Case, observed: Observation, outcome: ProcessOutcome): Comparison {
  const limit = LIMIT_FAILURES[outcome.endedBy];
  if (limit) {
    const why = outcome.endedBy === 'timeout' ? `no exit within ${Math.round(outcome.wallMs)} ms` : outcome.error ?? outcome.endedBy;
    return { passed: false, failures: [limit], diff: `${limit}: ${why}` };
  }
  const failures: FailureKind[] = [];
  const diffs: string[] = [];
  const { compare, expect } = testCase;

  if (!exitMatches(compare.exit, expect.exit, observed.exit)) {
    failures.push('exit');
    diffs.push(`exit code: expected ${expect.exit}, got ${observed.exit ?? 'none'}`);
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    const diff = compareStream(stream, compare[stream], expect[stream], observed[stream]);
    if (diff !== null) {
      failures.push(stream);
      diffs.push(diff);
    }
  }
  for (const [path, want] of Object.entries(expect.files ?? {})) {
    const got = observed.files?.[path] ?? null;
    if (want === null || got === null) {
      if (want !== got) {
        if (!failures.includes('files')) failures.push('files');
        diffs.push(`file ${path}: expected ${want === null ? 'absent' : 'present'}, got ${got === null ? 'absent' : 'present'}`);
      }
      continue;
    }
    const diff = compareStream(`file ${path}`, compare.files, want, got);
    if (diff !== null) {
      if (!failures.includes('files')) failures.push('files');
      diffs.push(diff);
    }
  }
  return { passed: failures.length === 0, failures, diff: diffs.length > 0 ? diffs.join('\n') : null };
}

function exitMatches(rule: Case['compare']['exit'], expected: number, got: number | null): boolean {
  switch (rule) {
    case 'ignore':
      return true;
    case 'zero-or-not':
      return got !== null && (expected === 0) === (got === 0);
    case 'exact':
      return got === expected;
  }
}

// null when the stream matches; otherwise a readable diff.
function compareStream(label: string, rule: StreamRule, expected: ExpectedBytes, got: Bytes): string | null {
  const have = fromBytesValue(got);
  if (rule === 'ignore') return null;
  if (isDigest(expected)) return compareDigest(label, rule, expected, have);
  const want = fromBytesValue(expected);
  if (rule === 'nonempty') return have.length > 0 ? null : `${label}: expected output, got none`;
  if (rule === 'empty') return have.length === 0 ? null : lineDiff(label, '', have.toString('utf8'));
  if (rule === 'exact') return want.equals(have) ? null : lineDiff(label, want.toString('utf8'), have.toString('utf8'));
  const a = normalise(want.toString('utf8'), rule.normalize);
  const b = normalise(have.toString('utf8'), rule.normalize);
  return a === b ? null : lineDiff(`${label} (normalised)`, a, b);
}

// A large expectation kept as a digest: only an exact rule applies to it (generation keeps no other).
// The diff shows both ends and both sizes, which is where outputs of large inputs usually part.
function compareDigest(label: string, rule: StreamRule, expected: DigestValue, have: Buffer): string | null {
  if (rule === 'nonempty') return have.length > 0 ? null : `${label}: expected output, got none`;
  if (rule === 'empty') return have.length === 0 ? null : lineDiff(label, '', have.toString('utf8'));
  if (matchesDigest(expected, have)) return null;
  const head = fromBytesValue(expected.head);
  const tail = fromBytesValue(expected.tail);
  const same = have.subarray(0, head.length).equals(head);
  const sizes = `${label}: expected ${expected.size} bytes (sha256 ${expected.sha256.slice(0, 12)}…), got ${have.length} bytes`;
  if (!same) return `${sizes}\n${lineDiff(`${label} (first ${head.length} bytes)`, head.toString('utf8'), have.subarray(0, head.length).toString('utf8'))}`;
  return `${sizes}\n${lineDiff(`${label} (last ${tail.length} bytes)`, tail.toString('utf8'), have.subarray(Math.max(0, have.length - tail.length)).toString('utf8'))}`;
}
