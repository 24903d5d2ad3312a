import type { GradeResult } from '../contracts/grade.js';

export function percent(score: number): string {
  return `${(score * 100).toFixed(1)}%`;
}

export function verdictWord(g: Pick<GradeResult, 'resolved' | 'almostResolved'>): string {
  return g.resolved ? 'resolved' : g.almostResolved ? 'almost resolved' : 'not resolved';
}

// A table with left-aligned text columns and right-aligned number columns.
export function table(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

// The human summary of a grade: score line, build problems, and the first failing cases with diffs.
export function formatGrade(g: GradeResult, showFailures: number): string {
  const lines: string[] = [];
  const what = g.submission.kind === 'reference' ? 'the reference' : g.submission.path;
  lines.push(`${g.task}: ${what}`);
  if (g.build.removedFiles.length > 0) {
    for (const f of g.build.removedFiles) lines.push(`  removed ${f.path}: ${f.reason}`);
  }
  if (g.build.status === 'failed') {
    lines.push(`  build failed (${g.build.failure}): ${g.build.message}`);
    const tail = g.build.logTail.trim().split('\n').slice(-10);
    if (tail.length > 0 && tail[0] !== '') lines.push(...tail.map((l) => `  | ${l}`));
  } else {
    lines.push(`  build ${g.build.status}`);
  }
  const aside = g.scoreDiagnosticsAside !== undefined && g.scoreDiagnosticsAside !== g.score ? `; ${percent(g.scoreDiagnosticsAside)} with diagnostics aside (stdout, exit code and files alone)` : '';
  lines.push(`  ${g.passed}/${g.total} cases passed (${percent(g.score)}), ${verdictWord(g)}${aside}`);
  const failing = g.cases.filter((c) => !c.passed);
  if (g.build.status !== 'failed') {
    for (const c of failing.slice(0, showFailures)) {
      lines.push(`  ✗ ${c.id} [${c.failures.join(', ')}] ${c.features.join(' ')}`);
      for (const l of (c.diff ?? '').split('\n').slice(0, 16)) lines.push(`      ${l}`);
    }
    if (failing.length > showFailures) lines.push(`  … ${failing.length - showFailures} more failing cases (--show-failures N, or --json)`);
  }
  return lines.join('\n');
}
