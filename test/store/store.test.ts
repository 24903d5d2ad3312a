import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../src/contracts/grade.js';
import { migrate, openDb } from '../../src/store/db.js';
import { caseRows, findGradeIds, getGrade, listGrades, saveGrade } from '../../src/store/grades.js';
import { migrations } from '../../src/store/migrations.js';
import { tempDir } from '../support/fixtures.js';

let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir()));
afterAll(() => cleanup());

function grade(id: string, passed: boolean[]): GradeResult {
  const outcome = { endedBy: 'exit' as const, exitCode: 0, signal: null, timedOut: false, outputCut: null, wallMs: 3, cpuMs: 1, hung: [], error: null };
  return {
    schemaVersion: 1,
    id,
    task: 'wc',
    suiteSha256: 'f'.repeat(64),
    submission: { kind: 'directory', path: '/tmp/sub', sha256: 'a'.repeat(64) },
    policy: 'cleanroom',
    build: { status: 'ok', failure: null, message: null, logTail: 'built\n', outcome: null, removedFiles: [] },
    passed: passed.filter(Boolean).length,
    failed: passed.filter((p) => !p).length,
    total: passed.length,
    score: passed.filter(Boolean).length / passed.length,
    resolved: passed.every(Boolean),
    almostResolved: false,
    features: {},
    cases: passed.map((p, i) => ({ id: `c${i}`, passed: p, failures: p ? [] : ['stdout' as const], diff: p ? null : '- a\n+ b', features: [], outcome, observed: null })),
    startedAt: `2026-01-0${id.length % 9}T00:00:00.000Z`,
    durationMs: 10,
    shipbenchVersion: 'test',
  };
}

describe('store', () => {
  it('persists a grade and every case verdict, and reads them back', () => {
    const path = join(root, 'a', 'store.db');
    const db = openDb(path);
    saveGrade(db, grade('g-1', [true, false, true]));
    db.close();
    const again = openDb(path);
    expect(getGrade(again, 'g-1')).toMatchObject({ passed: 2, total: 3 });
    expect(caseRows(again, 'g-1')).toEqual([
      { caseId: 'c0', passed: true, failures: [] },
      { caseId: 'c1', passed: false, failures: ['stdout'] },
      { caseId: 'c2', passed: true, failures: [] },
    ]);
    expect(listGrades(again).map((g) => g.id)).toEqual(['g-1']);
    expect(findGradeIds(again, 'g-')).toEqual(['g-1']);
    again.close();
  });

  it('a grade that fails half-way leaves nothing behind', () => {
    const db = openDb(join(root, 'b.db'));
    saveGrade(db, grade('dup', [true]));
    expect(() => saveGrade(db, grade('dup', [true]))).toThrow();
    expect(caseRows(db, 'dup')).toHaveLength(1);
    db.close();
  });

  it('migrations run once and record the schema version', () => {
    const db = openDb(join(root, 'c.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(migrate(db)).toBe(migrations.length);
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer shipbench/);
    db.close();
  });
});
