import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSchema, renderJsonSchemas, TaskSpecSchema } from '../../src/contracts/index.js';

const committed = join(import.meta.dirname, '..', '..', 'schemas');

describe('JSON Schemas', () => {
  it('the committed schemas/ folder holds exactly the schemas generated from contracts/', () => {
    const current = renderJsonSchemas();
    expect(readdirSync(committed).sort()).toEqual(Object.keys(current).sort());
    for (const [file, text] of Object.entries(current)) {
      expect(readFileSync(join(committed, file), 'utf8'), `${file} is stale: run npm run schemas`).toBe(text);
    }
  });

  it('cases default to strict comparison and reject unknown fields', () => {
    const parsed = CaseSchema.parse({ id: 'x-1', run: { argv: ['-l'] }, expect: { exit: 0 } });
    expect(parsed.compare).toEqual({ exit: 'exact', stdout: 'exact', stderr: 'exact', files: 'exact' });
    expect(CaseSchema.safeParse({ id: 'x-1', run: {}, expect: { exit: 0 }, extra: 1 }).success).toBe(false);
    expect(CaseSchema.safeParse({ id: 'x-1', run: { files: { '../escape': 'x' } }, expect: { exit: 0 } }).success).toBe(false);
  });

  it('task limits have defaults and hide paths must be absolute', () => {
    const spec = TaskSpecSchema.parse({ id: 'wc', reference: { command: ['wc'] } });
    expect(spec.limits.caseTimeoutMs).toBeGreaterThan(0);
    expect(TaskSpecSchema.safeParse({ id: 'wc', reference: { command: ['wc'] }, hide: ['relative/path'] }).success).toBe(false);
  });
});
