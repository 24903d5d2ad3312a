import type { z } from 'zod';

// The first zod issue as "field.path: message", for one-line errors.
export function describeIssue(error: z.ZodError): { path: (string | number)[]; text: string } {
  const issue = error.issues[0];
  if (!issue) return { path: [], text: 'invalid' };
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = path.length > 0 ? path.join('.') : '(top level)';
  return { path, text: `${field}: ${issue.message}` };
}
