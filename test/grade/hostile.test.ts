import { createServer, type Server } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../src/contracts/grade.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { Task } from '../../src/tasks/load-task.js';
import { makeTask, scriptSubmission, tempDir } from '../support/fixtures.js';

// Hostile candidates for a small task (reference: tac). Every one must end in a verdict, and
// nothing it started may still run after the grade.
let root: string;
let cleanup: () => Promise<void>;
let task: Task;
let server: Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  task = await makeTask(root, {
    reference: ['/usr/bin/tac'],
    hide: ['/usr/bin/tac', '/usr/bin/base64'],
    limits: { caseTimeoutMs: 2000, memoryMb: 256, processes: 64, diskMb: 16, outputMb: 1 },
    cases: [{ id: 'two-lines', run: { stdin: 'a\nb\n' } }],
  });
  server = createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.close();
  await cleanup();
});

let counter = 0;
function marker(): string {
  return String(830000 + process.pid * 10 + ++counter);
}

function processesWith(text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(text)) found.push(`${entry}: ${cmd.replace(/\0/g, ' ')}`);
    } catch {
      // Gone.
    }
  }
  return found;
}

describe.each(['warm', 'per-case'] as const)('hostile candidates are contained and get a verdict (%s sandboxes)', (isolation) => {
  async function grade(name: string, script: string, extra: Record<string, string> = {}): Promise<GradeResult> {
    const submission = await scriptSubmission(root, `${isolation}-${name}`, script, extra);
    return gradeSubmission({ task, submission, version: 'test', isolation });
  }

  it('the reference solution passes (the fixture is sound)', async () => {
    const g = await grade('honest', '#!/bin/sh\nexec awk \'{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }\'\n');
    expect(g).toMatchObject({ passed: 1, total: 1, resolved: true });
  });

  it('fork bomb', async () => {
    const m = marker();
    const g = await grade('fork-bomb', `#!/bin/bash\nbomb() { sleep ${m} & bomb & bomb; }\nbomb\n`);
    expect(g.build.status).toBe('ok');
    expect(g.cases[0]?.passed).toBe(false);
    expect(processesWith(m)).toEqual([]);
  });

  it('1 GB of stdout', async () => {
    const g = await grade('flood', '#!/bin/sh\nhead -c 1000000000 /dev/zero\n');
    expect(g.cases[0]?.failures).toEqual(['output-limit']);
    expect(g.cases[0]?.outcome.outputCut).toBe('stdout');
  });

  it('busy loop', async () => {
    const g = await grade('busy', '#!/bin/sh\nwhile :; do :; done\n');
    expect(g.cases[0]?.failures).toEqual(['timeout']);
    // About 2,000 ms of CPU at a 2 s limit; the bound only proves the CPU time was counted.
    expect(g.cases[0]?.outcome.cpuMs).toBeGreaterThan(200);
  });

  it('sleep that ignores SIGTERM', async () => {
    const m = marker();
    const g = await grade('stubborn', `#!/bin/sh\ntrap '' TERM\nsleep ${m}\n`);
    expect(g.cases[0]?.failures).toEqual(['timeout']);
    expect(g.cases[0]?.outcome.signal).toBe('SIGKILL');
    expect(g.cases[0]?.outcome.hung).toContain('sleep');
    expect(processesWith(m)).toEqual([]);
  });

  it('a daemon that double-forks', async () => {
    const m = marker();
    const g = await grade('daemon', `#!/bin/sh\n(setsid sh -c 'trap "" TERM HUP; sleep ${m}' </dev/null >/dev/null 2>&1 &)\nsleep 0.3\nprintf 'b\\na\\n'\n`);
    expect(g).toMatchObject({ passed: 1 });
    expect(processesWith(m)).toEqual([]);
  });

  it('memory hog', async () => {
    // One 1 GiB allocation at a 256 MB limit: it fails at once, whatever the machine's speed.
    const g = await grade('hog', '#!/bin/sh\nexec perl -e \'$x = "a" x $ARGV[0]; print length $x\' 1073741824\n');
    expect(g.cases[0]?.passed).toBe(false);
    expect(g.cases[0]?.outcome.endedBy).toBe('exit');
    expect(g.cases[0]?.outcome.exitCode).not.toBe(0);
  });

  it('disk filler', async () => {
    const g = await grade('filler', '#!/bin/sh\ni=0\nwhile :; do head -c 1048576 /dev/zero > f$i || exit 1; i=$((i+1)); done\n');
    expect(g.cases[0]?.passed).toBe(false);
    expect(g.cases[0]?.failures).toEqual(['disk-limit']);
  });

  it('TCP to the host loopback and to an outside address both fail', async () => {
    const before = connections;
    const script = `#!/bin/bash
(exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null && echo LOOPBACK-OPEN || echo LOOPBACK-CLOSED
(timeout 3 bash -c 'exec 3<>/dev/tcp/192.0.2.1/80') 2>/dev/null && echo OUTSIDE-OPEN || echo OUTSIDE-CLOSED
`;
    const g = await grade('network', script);
    expect(g.cases[0]?.observed?.stdout).toBe('LOOPBACK-CLOSED\nOUTSIDE-CLOSED\n');
    expect(connections).toBe(before);
  });

  it('reading or running a hide: path or the reference gets nothing', async () => {
    const script = `#!/bin/sh
n=$(cat /usr/bin/base64 /usr/bin/tac 2>/dev/null | wc -c)
/usr/bin/tac </dev/null >/dev/null 2>&1 && echo RAN-REFERENCE
echo "bytes:$n"
`;
    const g = await grade('reader', script);
    expect(g.cases[0]?.observed?.stdout).toBe('bytes:0\n');
  });

  it('writing outside the workspace fails and leaves the host untouched', async () => {
    const m = marker();
    const script = `#!/bin/sh
for p in /usr/local/evil-${m} /etc/evil-${m} /evil-${m} /submission/evil-${m} ${root}/evil-${m}; do
  (echo x > "$p") 2>/dev/null && echo "wrote $p"
done
echo end
`;
    const g = await grade('writer', script);
    expect(g.cases[0]?.observed?.stdout).toBe('end\n');
    for (const p of [`/usr/local/evil-${m}`, `/etc/evil-${m}`, `/evil-${m}`, `${root}/evil-${m}`]) expect(existsSync(p)).toBe(false);
  });

  it('a compile.sh that tries the network still builds offline', async () => {
    const before = connections;
    const submission = await scriptSubmission(root, `${isolation}-net-build`, '#!/bin/sh\nexec awk \'{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }\'\n', {
      'compile.sh': `#!/bin/bash\nif (exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null; then echo "network reachable"; exit 1; fi\ncp program.sh executable\nchmod +x executable\n`,
    });
    const g = await gradeSubmission({ task, submission, version: 'test', isolation });
    expect(g.build.status).toBe('ok');
    expect(g.resolved).toBe(true);
    expect(connections).toBe(before);
  });

  it('a submission that wraps the reference fails at grading', async () => {
    const g = await grade('wrapper', '#!/bin/sh\nexec /usr/bin/tac "$@"\n');
    expect(g.cases[0]?.passed).toBe(false);
  });
});
