import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../src/contracts/grade.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import { cgroupSupport } from '../../src/sandbox/kernel/cgroup.js';
import type { Task } from '../../src/tasks/load-task.js';
import { loadSuite, serialiseSuite } from '../../src/tasks/suite-io.js';
import { makeDeepTree, makeTask, scriptSubmission, tempDir, writeTree } from '../support/fixtures.js';

// Attacks on grading that once got through (issue: hardening): links out of a submission, state
// carried from one case or sandbox to the next, memory outside the address-space limit, trees
// that crashed the grader, and a near-copy of the reference.
const asRoot = process.geteuid?.() === 0;
let root: string;
let cleanup: () => Promise<void>;
let task: Task;
let secretDir: string;
const SECRET = `root-only-secret-${process.pid}`;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  task = await makeTask(root, {
    reference: ['/usr/bin/tac'],
    hide: ['/usr/bin/tac'],
    limits: { caseTimeoutMs: 5000, memoryMb: 256, processes: 64, diskMb: 64, outputMb: 1 },
    cases: [
      { id: 'a-leave', run: { argv: ['leave'] } },
      { id: 'b-find', run: { argv: ['find'] } },
    ],
  });
  // A folder only root may read, as the operator's private files are.
  secretDir = join(root, 'root-only');
  mkdirSync(secretDir, { mode: 0o700 });
  writeFileSync(join(secretDir, 'secret.txt'), `${SECRET}\n`, { mode: 0o600 });
  chmodSync(secretDir, 0o700);
});
afterAll(async () => {
  await cleanup();
});

async function grade(dir: string, isolation: 'warm' | 'per-case' = 'warm', which: Task = task): Promise<GradeResult> {
  return gradeSubmission({ task: which, submission: dir, version: 'test', isolation, concurrency: 1 });
}

// A C program that leaves state behind in one case (`leave`) and looks for it in the next (`find`):
// folders it cannot open any more in /tmp, its cwd and HOME, a file in /dev, a POSIX message queue,
// a key in its session keyring, an extended attribute and a mode on /tmp.
const STATE_PROGRAM = String.raw`
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>
static char path[4096];
static const char *at(const char *dir, const char *name) { snprintf(path, sizeof path, "%s/%s", dir, name); return path; }
int main(int argc, char **argv) {
  const char *home = getenv("HOME");
  if (argc > 1 && !strcmp(argv[1], "leave")) {
    mkdir("/tmp/gone", 0); mkdir("gone", 0); mkdir(at(home, "gone"), 0);
    int fd = open("/dev/leak", O_CREAT | O_WRONLY, 0644);
    printf("dev-file:%s\n", fd >= 0 ? "made" : strerror(errno));
    mqd_t q = mq_open("/leak", O_CREAT | O_RDWR, 0600, NULL);
    printf("mqueue:%s\n", q != (mqd_t)-1 ? "made" : strerror(errno));
    long key = syscall(SYS_add_key, "user", "leak", "payload", 7, -3);
    printf("add_key:%s\n", key >= 0 ? "made" : strerror(errno));
    setxattr("/tmp", "user.leak", "x", 1, 0);
    chmod("/tmp", 0);
    return 0;
  }
  int found = 0;
  struct stat st;
  if (stat("/tmp/gone", &st) == 0) { printf("found /tmp/gone\n"); found++; }
  if (stat("gone", &st) == 0) { printf("found cwd/gone\n"); found++; }
  if (stat(at(home, "gone"), &st) == 0) { printf("found home/gone\n"); found++; }
  if (stat("/dev/leak", &st) == 0) { printf("found /dev/leak\n"); found++; }
  if (mq_open("/leak", O_RDWR) != (mqd_t)-1) { printf("found mqueue\n"); found++; }
  if (syscall(SYS_request_key, "user", "leak", NULL, -3) >= 0) { printf("found key\n"); found++; }
  char v[8];
  if (getxattr("/tmp", "user.leak", v, sizeof v) >= 0) { printf("found xattr\n"); found++; }
  if (stat("/tmp", &st) == 0 && (st.st_mode & 0777) == 0) { printf("found /tmp mode 000\n"); found++; }
  printf("found %d\n", found);
  return 0;
}
`;

async function stateSubmission(name: string): Promise<string> {
  const dir = join(root, name);
  await writeTree(dir, {
    'state.c': STATE_PROGRAM,
    'compile.sh': '#!/bin/sh\nset -e\ncc -O1 -o executable state.c -lrt\n',
  });
  return dir;
}

describe('no state survives from one case or sandbox to the next', () => {
  it('a warm sandbox: folders of mode 000, /dev, message queues, keys, attributes and modes are gone', async () => {
    const g = await grade(await stateSubmission('state-warm'), 'warm');
    expect(g.build.status).toBe('ok');
    const leave = g.cases.find((c) => c.id === 'a-leave')?.observed?.stdout.toString() ?? '';
    // The attempts themselves are refused where the sandbox can refuse them.
    expect(leave).toMatch(/dev-file:Read-only file system/);
    expect(leave).toMatch(/add_key:Operation not permitted/);
    expect(g.cases.find((c) => c.id === 'b-find')?.observed?.stdout).toBe('found 0\n');
  });

  it('separate sandboxes: nothing of one grade reaches the next', async () => {
    const dir = await stateSubmission('state-twice');
    await grade(dir, 'per-case');
    const g = await grade(dir, 'per-case');
    expect(g.cases.find((c) => c.id === 'b-find')?.observed?.stdout).toBe('found 0\n');
  });

  it("the operator's session keyring is out of reach: every sandbox gets a fresh one", () => {
    // A launcher of our own joins a named session keyring and adds a key, as a login session
    // would, then runs a sandbox from a Node process that inherits it.
    const helper = join(root, 'with-key');
    writeFileSync(
      `${helper}.c`,
      String.raw`
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(int argc, char **argv) {
  if (syscall(SYS_keyctl, 1, "operator-session") < 0) { perror("join"); return 1; }
  if (syscall(SYS_add_key, "user", argv[1], "secret", 6, -3) < 0) { perror("add_key"); return 1; }
  execvp(argv[2], argv + 2);
  return 127;
}
`,
    );
    execFileSync('cc', ['-o', helper, `${helper}.c`]);
    const marker = `operator-key-${process.pid}`;
    const script = `
      const { runSandboxed } = await import(${JSON.stringify(join(import.meta.dirname, '../../dist/sandbox/run.js'))});
      const { caseLimitDefaults } = await import(${JSON.stringify(join(import.meta.dirname, '../../dist/sandbox/spec.js'))});
      const r = await runSandboxed({ command: ['/bin/cat', '/proc/keys'], cwd: ${JSON.stringify(root)}, cwdInside: '/work', limits: caseLimitDefaults, network: 'cleanroom' });
      process.stdout.write(r.stdout.toString() + '\\n--\\n' + r.outcome.endedBy);
    `;
    const outside = spawnSync(helper, [marker, 'cat', '/proc/keys'], { encoding: 'utf8' });
    expect(outside.stdout).toContain(marker);
    const inside = spawnSync(helper, [marker, process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(inside.stdout).toContain('--\nexit');
    expect(inside.stdout).not.toContain(marker);
    expect(inside.stdout).not.toContain('operator-session');
  });
});

describe.each(['warm', 'per-case'] as const)('links out of a submission are never followed by the harness (%s)', (isolation) => {
  it.skipIf(!asRoot)('a folder submission linking to a root-only folder: not handed to the sandbox, not read into the log', async () => {
    const dir = await scriptSubmission(root, `link-folder-${isolation}`, '#!/bin/sh\ncat\n', {
      'compile.sh': '#!/bin/sh\ncat d/secret.txt 2>&1; ls -la d/ 2>&1; cp program.sh executable; chmod +x executable\n',
    });
    execFileSync('ln', ['-s', secretDir, join(dir, 'd')]);
    const g = await grade(dir, isolation);
    expect(g.build.logTail).not.toContain(SECRET);
    expect(statSync(secretDir).uid).toBe(0);
    expect(statSync(join(secretDir, 'secret.txt')).uid).toBe(0);
  });

  it.skipIf(!asRoot)('a tarball with such a link: the same', async () => {
    const dir = await scriptSubmission(root, `link-tar-${isolation}`, '#!/bin/sh\ncat\n', {
      'compile.sh': '#!/bin/sh\ncat d/secret.txt 2>&1; cp program.sh executable; chmod +x executable\n',
    });
    execFileSync('ln', ['-s', secretDir, join(dir, 'd')]);
    const tarball = join(root, `link-${isolation}.tar.gz`);
    execFileSync('tar', ['-czf', tarball, '-C', dir, '.']);
    const g = await grade(tarball, isolation);
    expect(g.build.logTail).not.toContain(SECRET);
    expect(statSync(secretDir).uid).toBe(0);
  });

  it.skipIf(!asRoot)('an expected output file that the program made a link: read as missing, never through the link', async () => {
    const fileTask = await makeTask(root, { id: `files-${isolation}`, reference: ['/usr/bin/tac'], cases: [{ id: 'out', run: { argv: [] } }] });
    // The case expects an output file (recorded by hand: tac writes none).
    const suite = loadSuite(fileTask.suitePath, fileTask.manifestPath, fileTask.id);
    const cases = suite.cases.map((c) => ({ ...c, expect: { ...c.expect, files: { 'out.txt': 'expected\n' } } }));
    writeFileSync(fileTask.suitePath, serialiseSuite(cases));
    const manifest = JSON.parse(readFileSync(fileTask.manifestPath, 'utf8')) as Record<string, unknown>;
    const { createHash } = await import('node:crypto');
    manifest.suiteSha256 = createHash('sha256').update(readFileSync(fileTask.suitePath)).digest('hex');
    writeFileSync(fileTask.manifestPath, JSON.stringify(manifest));
    const dir = await scriptSubmission(root, `link-out-${isolation}`, `#!/bin/sh\nln -s ${secretDir}/secret.txt out.txt\nmkdir -p sub && ln -s ${secretDir} sub/d\n`);
    let g: GradeResult;
    try {
      g = await grade(dir, isolation, fileTask);
    } catch (error) {
      // A manifest the loader no longer accepts would make this test meaningless.
      throw new Error(`the hand-made suite was refused: ${(error as Error).message}`);
    }
    const verdict = g.cases[0];
    expect(verdict?.passed).toBe(false);
    expect(JSON.stringify(verdict?.observed)).not.toContain(SECRET);
    expect(JSON.stringify(verdict?.diff ?? '')).not.toContain(SECRET);
  });
});

describe('memory a case can pin is bounded by its memory limit', () => {
  it.skipIf(cgroupSupport().kind === 'none')('1 GiB in memfds at a 256 MB limit is stopped as over memory', async () => {
    const dir = await scriptSubmission(root, 'memfd', '#!/bin/sh\nexec python3 -c "$(cat /submission/hog.py)"\n', {
      'hog.py': 'import os\nfds = []\nchunk = b"a" * (1 << 20)\nfor k in range(8):\n    fd = os.memfd_create("m")\n    fds.append(fd)\n    for i in range(128):\n        os.write(fd, chunk)\nprint("held 1 GiB")\n',
    });
    for (const isolation of ['warm', 'per-case'] as const) {
      const g = await grade(dir, isolation);
      const verdict = g.cases[0];
      expect(verdict?.observed?.stdout.toString() ?? '').not.toContain('held 1 GiB');
      expect(verdict?.outcome.endedBy).toBe('memory-limit');
      expect(verdict?.failures).toEqual(['memory-limit']);
    }
  });
});

describe('trees that crashed the grader get a verdict, and nothing is inflated on the host', () => {
  it('a fifo in a folder submission', async () => {
    const dir = await scriptSubmission(root, 'fifo', '#!/bin/sh\ncat\n');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const g = await grade(dir);
    expect(g.build).toMatchObject({ status: 'failed', failure: 'unreadable-submission' });
    expect(g.build.message).toMatch(/pipe is a fifo/);
  });

  it('a folder nested 3,000 deep, in a folder and in a tarball', async () => {
    const dir = await scriptSubmission(root, 'deep', '#!/bin/sh\ncat\n');
    makeDeepTree(join(dir, 'nest'), 3000);
    const g = await grade(dir);
    expect(g.build).toMatchObject({ status: 'failed', failure: 'unreadable-submission' });
    expect(g.build.message).toMatch(/nested more than 64 folders deep|longer than/);
    const tarball = join(root, 'deep.tar.gz');
    execFileSync('tar', ['-czf', tarball, '-C', dir, '.']);
    const t = await grade(tarball);
    expect(t.build).toMatchObject({ status: 'failed', failure: 'unreadable-submission' });
  });

  it('a 3 GB sparse file stays sparse in the copy', async () => {
    const dir = await scriptSubmission(root, 'sparse', '#!/bin/sh\ncat\n', {
      'compile.sh': '#!/bin/sh\necho "allocated-kb:$(du -k big | cut -f1)"\ncp program.sh executable; chmod +x executable\n',
    });
    execFileSync('truncate', ['-s', '3G', join(dir, 'big')]);
    const g = await grade(dir);
    expect(g.build.status).toBe('ok');
    expect(Number(/allocated-kb:(\d+)/.exec(g.build.logTail)?.[1])).toBeLessThan(1024);
  });
});

describe('a near-copy of the reference', () => {
  it('the reference with a byte appended, gzipped and unpacked by compile.sh, fails the build', async () => {
    const dir = join(root, 'near-copy');
    await writeTree(dir, {
      'blob.gz': gzipSync(Buffer.concat([readFileSync('/usr/bin/tac'), Buffer.from('x')])),
      'compile.sh': '#!/bin/sh\nset -e\ngunzip -c blob.gz > executable\nchmod +x executable\n',
    });
    const g = await grade(dir);
    expect(g.build).toMatchObject({ status: 'failed', failure: 'reference-copy' });
    expect(g.build.message).toMatch(/executable holds most of the reference program/);
  });

  it('an honest rebuild is not flagged', async () => {
    const g = await grade(await scriptSubmission(root, 'honest', "#!/bin/sh\nexec awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }'\n"));
    expect(g.build.status).toBe('ok');
  });
});
