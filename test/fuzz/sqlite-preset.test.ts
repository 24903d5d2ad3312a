import { describe, expect, it } from 'vitest';
import { GeneratorConfigSchema } from '../../src/contracts/generator.js';
import { planSqlite } from '../../src/fuzz/presets/sqlite.js';

const config = GeneratorConfigSchema.parse({ preset: 'sqlite', seed: 1 });

describe('sqlite preset', () => {
  it('plans the same candidates for the same seed and other ones for another seed', () => {
    const first = planSqlite(config, 300);
    expect(planSqlite(config, 300)).toEqual(first);
    expect(planSqlite({ ...config, seed: 2 }, 300)).not.toEqual(first);
    // Candidate i does not depend on how many are planned.
    expect(planSqlite(config, 40)).toEqual(first.slice(0, 40));
  });

  it('reaches every family of cases', () => {
    const features = new Set(planSqlite(config, 1500).flatMap((c) => c.features));
    for (const tag of ['datetime', 'json', 'window', 'select', 'dml', 'alter-table', 'fts5', 'fts4', 'rtree', 'journal_mode wal', 'output-mode', '.import', '.parameter', '.session', '.archive', '.expert', '.open --hexdb', 'command-line', 'generated-column', 'strict', 'without-rowid', 'foreign-keys', 'upsert', 'returning', 'recursive-cte', 'savepoint', 'explain-query-plan', 'decimal', 'regexp']) {
      expect(features, tag).toContain(tag);
    }
  });

  it('keeps cases free of wall-clock time and randomness, and files inside the case folder', () => {
    for (const c of planSqlite(config, 1500)) {
      const text = `${String(c.run.stdin)}\n${(c.run.argv ?? []).join('\n')}`;
      expect(text).not.toMatch(/'now'|random\(|randomblob|localtime|\.timer on|\.stats on|\b(date|time|datetime|julianday|unixepoch|strftime)\(\s*\)/i);
      for (const path of Object.keys(c.run.files ?? {})) expect(path).not.toMatch(/^\/|\.\./);
    }
  });
});
