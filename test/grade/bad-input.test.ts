import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShipbenchError } from '../../src/errors.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import { loadTaskDir, type Task } from '../../src/tasks/load-task.js';
import { loadSuite } from '../../src/tasks/suite-io.js';
import { makeTask, scriptSubmission, tempDir, writeTree } from '../support/fixtures.js';

let root: string;
let cleanup: () => Promise<void>;
let task: Task;
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  task = await makeTask(root, { reference: ['/usr/bin/tac'], hide: ['/usr/bin/tac'], cases: [{ id: 'one', run: { stdin: 'x\ny\n' } }, { id: 'two', run: { stdin: '' } }] });
});
afterAll(() => cleanup());

// The one-line message of the user error `fn` throws.
function userErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isShipbenchError(error) && error.kind === 'user') return error.oneLine();
    throw error;
  }
  throw new Error('expected a user error');
}

describe('bad task input is a one-line error naming the place', () => {
  it('task.yaml with a wrong field type names the file, the line and the field', async () => {
    await writeTree(root, { 'broken/task.yaml': 'id: broken\nreference:\n  command: /usr/bin/tac\n' });
    expect(userErrorOf(() => loadTaskDir(join(root, 'broken')))).toMatch(/broken\/task\.yaml:3: reference\.command: .*expected array/);
  });

  it('task.yaml that is not YAML names the line', async () => {
    await writeTree(root, { 'notyaml/task.yaml': 'id: x\nreference: [unclosed\n' });
    expect(userErrorOf(() => loadTaskDir(join(root, 'notyaml')))).toMatch(/notyaml\/task\.yaml:\d+: not valid YAML/);
  });

  it('a reference that is not installed says so', async () => {
    await writeTree(root, { 'noref/task.yaml': 'id: noref\nreference:\n  command: [no-such-program-xyz]\n' });
    expect(userErrorOf(() => loadTaskDir(join(root, 'noref')))).toContain('"no-such-program-xyz" is not on PATH');
  });

  it('a suite with a malformed line names the file and line', async () => {
    const suite = join(root, 'bad-suite.jsonl');
    writeFileSync(suite, '{"id":"a","run":{},"expect":{"exit":0}}\n{"id":"b","run":{},"expect":{"exit":"zero"}}\n');
    const manifest = join(root, 'bad-suite.manifest.json');
    const good = loadSuite(task.suitePath, task.manifestPath, task.id);
    const { createHash } = await import('node:crypto');
    writeFileSync(manifest, JSON.stringify({ ...good.manifest, suiteSha256: createHash('sha256').update(await import('node:fs').then((f) => f.readFileSync(suite))).digest('hex') }));
    expect(userErrorOf(() => loadSuite(suite, manifest, 'x'))).toMatch(/bad-suite\.jsonl:2: expect\.exit: /);
    writeFileSync(suite, 'not json\n');
    expect(userErrorOf(() => loadSuite(suite, manifest, 'x'))).toMatch(/does not match its manifest.*shipbench tasks build x/);
  });

  it('a suite recorded from another build of the reference is refused with the rebuild command', async () => {
    const dir = join(root, 'other-build');
    await writeTree(dir, { 'task.yaml': 'id: other\nreference:\n  command: [/usr/bin/tac]\n' });
    copyFileSync(task.suitePath, join(dir, 'suite.jsonl'));
    const manifest = JSON.parse(await import('node:fs').then((f) => f.readFileSync(task.manifestPath, 'utf8'))) as Record<string, unknown>;
    writeFileSync(join(dir, 'suite.manifest.json'), JSON.stringify({ ...manifest, reference: { fingerprint: `sha256:${'0'.repeat(64)}` } }));
    const other = loadTaskDir(dir);
    await expect(gradeSubmission({ task: other, submission: 'reference', version: 'test' })).rejects.toMatchObject({
      kind: 'user',
      message: expect.stringMatching(/another build of \/usr\/bin\/tac/),
      hint: 'rebuild it for this machine with: shipbench tasks build other',
    });
  });
});

describe('bad submissions get a clear build verdict', () => {
  it('no compile.sh', async () => {
    await writeTree(root, { 'no-compile/README': 'nothing here\n' });
    const g = await gradeSubmission({ task, submission: join(root, 'no-compile'), version: 'test' });
    expect(g.build).toMatchObject({ status: 'failed', failure: 'no-compile-sh' });
    expect(g).toMatchObject({ passed: 0, total: 2, score: 0 });
    expect(g.cases.every((c) => c.failures[0] === 'not-run')).toBe(true);
  });

  it('a failing compile.sh, with its log tail', async () => {
    await writeTree(root, { 'fails/compile.sh': '#!/bin/sh\necho compiling main.c\necho "main.c:3: error: expected ;" >&2\nexit 3\n' });
    const g = await gradeSubmission({ task, submission: join(root, 'fails'), version: 'test' });
    expect(g.build).toMatchObject({ status: 'failed', failure: 'compile-failed', message: 'compile.sh exited with 3' });
    expect(g.build.logTail).toContain('main.c:3: error: expected ;');
  });

  it('a compile.sh that leaves no ./executable', async () => {
    await writeTree(root, { 'no-exe/compile.sh': '#!/bin/sh\necho built\n' });
    const g = await gradeSubmission({ task, submission: join(root, 'no-exe'), version: 'test' });
    expect(g.build).toMatchObject({ status: 'failed', failure: 'no-executable' });
  });

  it('an unreadable tarball', async () => {
    const tarball = join(root, 'broken.tar.gz');
    writeFileSync(tarball, 'this is not gzip');
    const g = await gradeSubmission({ task, submission: tarball, version: 'test' });
    expect(g.build).toMatchObject({ status: 'failed', failure: 'unreadable-submission' });
    expect(g.build.message).toMatch(/does not unpack/);
  });

  it('a good tarball with one top folder builds and passes', async () => {
    const dir = await scriptSubmission(root, 'packed/inner', '#!/bin/sh\nexec awk \'{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }\'\n');
    const tarball = join(root, 'good.tar.gz');
    expect(spawnSync('tar', ['-czf', tarball, '-C', join(dir, '..'), 'inner']).status).toBe(0);
    const g = await gradeSubmission({ task, submission: tarball, version: 'test' });
    expect(g).toMatchObject({ resolved: true, submission: { kind: 'tarball' } });
  });

  it('a copy of the reference inside the submission is removed and reported', async () => {
    const dir = join(root, 'smuggler');
    await writeTree(dir, { 'compile.sh': '#!/bin/sh\ntest -x bin/stale && cp bin/stale executable\n' });
    await writeTree(dir, { 'bin/.keep': '' });
    copyFileSync('/usr/bin/tac', join(dir, 'bin', 'stale'));
    const g = await gradeSubmission({ task, submission: dir, version: 'test' });
    expect(g.build.removedFiles).toEqual([{ path: 'bin/stale', reason: 'identical to the reference program' }]);
    expect(g.build.status).toBe('failed');
    expect(g.passed).toBe(0);
  });

  it('a submission path that does not exist is a user error', async () => {
    await expect(gradeSubmission({ task, submission: join(root, 'nowhere'), version: 'test' })).rejects.toThrow(/does not exist/);
  });
});
