import type { CaseVerdict } from '../contracts/grade.js';

export interface Score {
  passed: number;
  failed: number;
  total: number;
  score: number;
  scoreDiagnosticsAside: number;
  resolved: boolean;
  almostResolved: boolean;
  features: Record<string, { passed: number; total: number }>;
}

// The ProgramBench thresholds: fully resolved is every case, almost resolved is at least 95%.
export const ALMOST_RESOLVED = 0.95;

// Scores verdicts: pass rate, resolved flags and a tally per feature tag, and the pass rate with
// diagnostics aside (a case failed on stderr alone counts as passed there). Pure.
export function scoreVerdicts(verdicts: readonly CaseVerdict[]): Score {
  const total = verdicts.length;
  const passed = verdicts.filter((v) => v.passed).length;
  const score = total === 0 ? 0 : passed / total;
  const asideDiagnostics = verdicts.filter((v) => v.passed || (v.failures.length > 0 && v.failures.every((f) => f === 'stderr'))).length;
  const features: Record<string, { passed: number; total: number }> = {};
  for (const v of verdicts) {
    for (const f of v.features) {
      const tally = (features[f] ??= { passed: 0, total: 0 });
      tally.total++;
      if (v.passed) tally.passed++;
    }
  }
  const sorted = Object.fromEntries(Object.entries(features).sort(([a], [b]) => a.localeCompare(b)));
  return { passed, failed: total - passed, total, score, scoreDiagnosticsAside: total === 0 ? 0 : asideDiagnostics / total, resolved: total > 0 && passed === total, almostResolved: total > 0 && score >= ALMOST_RESOLVED, features: sorted };
}
