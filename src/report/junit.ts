import type { GradeResult } from '../contracts/grade.js';

function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
}

// A JUnit XML document for one grade: one testcase per case, failures with their diff. Pure.
export function gradeToJunit(grade: GradeResult): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shipbench" tests="${grade.total}" failures="${grade.failed}" time="${(grade.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${escapeXml(grade.task)}" tests="${grade.total}" failures="${grade.failed}" timestamp="${grade.startedAt}">`,
  ];
  if (grade.build.status === 'failed') {
    lines.push(`    <system-err>${escapeXml(`build failed: ${grade.build.message ?? ''}\n${grade.build.logTail}`)}</system-err>`);
  }
  for (const c of grade.cases) {
    const time = (c.outcome.wallMs / 1000).toFixed(3);
    const open = `    <testcase classname="${escapeXml(grade.task)}" name="${escapeXml(c.id)}" time="${time}"`;
    if (c.passed) {
      lines.push(`${open}/>`);
      continue;
    }
    const message = escapeXml(c.failures.join(', '));
    lines.push(`${open}>`, `      <failure message="${message}">${escapeXml(c.diff ?? c.outcome.error ?? '')}</failure>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
