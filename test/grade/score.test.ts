import { describe, expect, it } from 'vitest';
import type { CaseVerdict } from '../../src/contracts/grade.js';
import { scoreVerdicts } from '../../src/grade/score.js';

function verdicts(passed: number, failed: number): CaseVerdict[] {
  const outcome = { endedBy: 'exit' as const, exitCode: 0, signal: null, timedOut: false, outputCut: null, wallMs: 1, cpuMs: 0, hung: [], error: null };
  return [
    ...Array.from({ length: passed }, (_, i) => ({ id: `p${i}`, passed: true, failures: [], diff: null, features: ['a'], outcome, observed: null })),
    ...Array.from({ length: failed }, (_, i) => ({ id: `f${i}`, passed: false, failures: ['stdout' as const], diff: 'x', features: ['a', 'b'], outcome, observed: null })),
  ];
}

describe('scoreVerdicts', () => {
  it('resolved means every case; almost resolved means at least 95%', () => {
    expect(scoreVerdicts(verdicts(20, 0))).toMatchObject({ score: 1, resolved: true, almostResolved: true });
    expect(scoreVerdicts(verdicts(19, 1))).toMatchObject({ score: 0.95, resolved: false, almostResolved: true });
    expect(scoreVerdicts(verdicts(18, 1))).toMatchObject({ resolved: false, almostResolved: false });
    expect(scoreVerdicts(verdicts(93, 7))).toMatchObject({ score: 0.93, resolved: false, almostResolved: false });
  });

  it('an empty suite resolves nothing', () => {
    expect(scoreVerdicts([])).toMatchObject({ total: 0, score: 0, resolved: false, almostResolved: false });
  });

  it('tallies features', () => {
    expect(scoreVerdicts(verdicts(2, 1)).features).toEqual({ a: { passed: 2, total: 3 }, b: { passed: 0, total: 1 } });
  });

  it('with diagnostics aside, a case failed on stderr alone counts as passed; the strict score is unchanged', () => {
    const base = verdicts(2, 0);
    const onStderr = { ...(base[0] as CaseVerdict), id: 'e1', passed: false, failures: ['stderr' as const] };
    const onBoth = { ...(base[0] as CaseVerdict), id: 'e2', passed: false, failures: ['stdout' as const, 'stderr' as const] };
    const onExit = { ...(base[0] as CaseVerdict), id: 'e3', passed: false, failures: ['exit' as const] };
    const s = scoreVerdicts([...base, onStderr, onBoth, onExit]);
    expect(s.score).toBeCloseTo(2 / 5);
    expect(s.scoreDiagnosticsAside).toBeCloseTo(3 / 5);
  });
});
