import { createServer, type Server } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveToSandbox } from '../../src/sandbox/identity.js';
import { runSandboxed, type SandboxResult } from '../../src/sandbox/run.js';
import { caseLimitDefaults, type SandboxSpec } from '../../src/sandbox/spec.js';
import { tempDir } from '../support/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await giveToSandbox(dir);
});
afterAll(() => cleanup());

function sh(script: string, extra: Partial<SandboxSpec> = {}): Promise<SandboxResult> {
  return runSandboxed({
    command: ['/bin/sh', '-c', script],
    cwd: dir,
    cwdInside: '/work',
    network: 'cleanroom',
    ...extra,
    limits: { ...caseLimitDefaults, timeoutMs: 5000, graceMs: 300, ...extra.limits },
  });
}

// Host processes whose command line contains `marker`.
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch {
      // Gone.
    }
  }
  return found;
}

describe('sandbox', () => {
  it('runs as a non-root user with a pinned environment in its own working directory', async () => {
    const r = await sh('id -u; echo "$HOME|$TZ|$LANG|$PATH"; pwd; env | wc -l', { env: { EXTRA: 'yes' } });
    const [uid, env, cwd] = r.stdout.toString().split('\n');
    expect(r.outcome).toMatchObject({ endedBy: 'exit', exitCode: 0 });
    expect(uid).not.toBe('0');
    expect(env).toMatch(/^\/home\/sandbox\|UTC\|C\.UTF-8\|.*\/usr\/bin/);
    expect(cwd).toBe('/work');
  });

  it('scrubs the environment of the caller', async () => {
    process.env.SHIPBENCH_TEST_SECRET = 'hunter2';
    const r = await sh('env');
    delete process.env.SHIPBENCH_TEST_SECRET;
    expect(r.stdout.toString()).not.toContain('hunter2');
  });

  it('keeps the host read-only and gives a fresh /tmp each time', async () => {
    const first = await sh('echo mine > /tmp/left-behind; touch /usr/shipbench-x /etc/shipbench-x /shipbench-x 2>&1; echo done');
    expect(first.stdout.toString()).toMatch(/Read-only file system[\s\S]*Read-only file system[\s\S]*Read-only file system[\s\S]*done/);
    expect(existsSync('/usr/shipbench-x') || existsSync('/etc/shipbench-x')).toBe(false);
    const second = await sh('cat /tmp/left-behind 2>&1 || echo fresh');
    expect(second.stdout.toString()).toContain('fresh');
  });

  it('sees no home folders, no /root and no /work of the host', async () => {
    const r = await sh('ls /root /home/sandbox 2>&1; ls / ');
    expect(r.stdout.toString()).toMatch(/cannot access '\/root'/);
  });

  it('masks hidden paths: files read empty and cannot run, folders are empty', async () => {
    const r = await sh('wc -c < /usr/bin/tac; /usr/bin/tac </dev/null && echo RAN; ls /usr/share/doc | wc -l', { hide: ['/usr/bin/tac', '/usr/share/doc'] });
    const lines = r.stdout.toString().trim().split('\n');
    expect(lines).not.toContain('RAN');
    expect(lines.at(-1)).toBe('0');
  });

  it('has loopback only: a server on the host loopback is unreachable', async () => {
    let connections = 0;
    const server: Server = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const r = await sh(`cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '; bash -c 'exec 3<>/dev/tcp/127.0.0.1/${port}' 2>/dev/null && echo CONNECTED || echo REFUSED`);
    server.close();
    const out = r.stdout.toString().trim().split('\n');
    expect(out).toEqual(['lo', 'REFUSED']);
    expect(connections).toBe(0);
  });

  it('stops a program at its time limit, SIGTERM first, and names what hung', async () => {
    const polite = await sh('trap "echo bye; exit 0" TERM; sleep 30 & wait', { limits: { ...caseLimitDefaults, timeoutMs: 300, graceMs: 2000 } });
    expect(polite.outcome).toMatchObject({ endedBy: 'timeout', timedOut: true, exitCode: null });
    expect(polite.stdout.toString()).toContain('bye');
    const stubborn = await sh('trap "" TERM; sleep 7301', { limits: { ...caseLimitDefaults, timeoutMs: 300, graceMs: 300 } });
    expect(stubborn.outcome).toMatchObject({ endedBy: 'timeout', signal: 'SIGKILL' });
    expect(stubborn.outcome.hung).toContain('sleep');
    expect(processesWith('7301')).toEqual([]);
  });

  it('kills processes left behind when the program exits, daemons included', async () => {
    const r = await sh('(setsid sh -c "sleep 7302 &" &); sleep 0.2; echo parent-done');
    expect(r.outcome).toMatchObject({ endedBy: 'exit', exitCode: 0 });
    expect(r.stdout.toString()).toContain('parent-done');
    expect(processesWith('7302')).toEqual([]);
  });

  it('cuts output at the cap and says so', async () => {
    const r = await sh('yes', { limits: { ...caseLimitDefaults, outputBytes: 100_000 } });
    expect(r.outcome).toMatchObject({ endedBy: 'output-limit', outputCut: 'stdout' });
    expect(r.stdout.length).toBe(100_000);
  });

  it('reports CPU time of the whole tree and the exit status as a shell would', async () => {
    const busy = await sh('i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; exit 3');
    expect(busy.outcome.exitCode).toBe(3);
    expect(busy.outcome.cpuMs).toBeGreaterThan(50);
    const crash = await sh('kill -SEGV $$');
    expect(crash.outcome.exitCode).toBe(139);
    expect(crash.stderr.toString()).toBe('');
  });

  it('passes stdin through and keeps binary output intact', async () => {
    const input = Buffer.from([0, 1, 2, 250, 255, 10]);
    const r = await runSandboxed({ command: ['cat'], cwd: dir, cwdInside: '/work', network: 'cleanroom', stdin: input, limits: caseLimitDefaults });
    expect(r.stdout.equals(input)).toBe(true);
  });

  it('sets argv[0] to the name asked for', async () => {
    const r = await runSandboxed({ command: ['/bin/bash', '-c', 'echo $0'], argv0: 'renamed', cwd: dir, network: 'cleanroom', limits: caseLimitDefaults });
    expect(r.stdout.toString()).toBe('renamed\n');
    const ls = await runSandboxed({ command: ['/usr/bin/wc', '--bad-option'], argv0: 'wc', cwd: dir, network: 'cleanroom', limits: caseLimitDefaults });
    expect(ls.stderr.toString()).toMatch(/^wc: unrecognized option/);
  });

  it('stops a program that fills the disk of its working directory', async () => {
    const r = await sh('i=0; while :; do head -c 1048576 /dev/zero > f$i || exit 9; i=$((i+1)); done', { limits: { ...caseLimitDefaults, diskMb: 8, timeoutMs: 20_000 } });
    expect(r.outcome.endedBy).toBe('disk-limit');
  });
});
