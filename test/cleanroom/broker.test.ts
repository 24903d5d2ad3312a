import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentSandbox } from '../../src/cleanroom/agent-sandbox.js';
import type { BrokerCall } from '../../src/cleanroom/broker.js';
import { caseLimitDefaults } from '../../src/sandbox/spec.js';
import { tempDir } from '../support/fixtures.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// An agent sandbox whose reference is a real program, reachable only through the broker.
async function sandboxFor(root: string, program: string, brokerTimeoutMs = 10_000, calls: BrokerCall[] = []): Promise<AgentSandbox> {
  return AgentSandbox.create({
    root,
    programName: program,
    reference: { role: 'reference', command: [`/usr/bin/${program}`], argv0: program, binds: [], hide: [] },
    hide: [`/usr/bin/${program}`],
    brokerHide: [],
    policy: 'cleanroom',
    stepLimits: { ...caseLimitDefaults, timeoutMs: 30_000 },
    brokerLimits: { ...caseLimitDefaults, timeoutMs: brokerTimeoutMs },
    onBrokerCall: (call) => calls.push(call),
  });
}

describe('the reference stub and broker', () => {
  let cleanup: () => Promise<void>;
  let sort: AgentSandbox;
  let env: AgentSandbox;
  const calls: BrokerCall[] = [];
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    await mkdir(`${t.dir}/sort`);
    await mkdir(`${t.dir}/env`);
    sort = await sandboxFor(`${t.dir}/sort`, 'sort', 2_000, calls);
    env = await sandboxFor(`${t.dir}/env`, 'env');
  });
  afterAll(async () => {
    await sort.close();
    await env.close();
    await cleanup();
  });

  const run = async (sb: AgentSandbox, command: string) => {
    const r = await sb.exec(command);
    return { code: r.outcome.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
  };

  it('behaves like the program in pipes, with stdin from files, file arguments and output files', async () => {
    expect(await run(sort, "printf 'b\\na\\nc\\n' | sort")).toMatchObject({ code: 0, out: 'a\nb\nc\n' });
    expect(await run(sort, "printf '3\\n1\\n2\\n' > in.txt && sort -n < in.txt | head -1")).toMatchObject({ code: 0, out: '1\n' });
    expect(await run(sort, 'sort -r -o out.txt in.txt && cat out.txt')).toMatchObject({ code: 0, out: '3\n2\n1\n' });
    // A subfolder, /tmp and HOME are the same paths on both sides.
    expect(await run(sort, 'mkdir -p sub && cd sub && sort ../in.txt | tr "\\n" " "')).toMatchObject({ out: '1 2 3 ' });
    expect(await run(sort, "printf 'z\\ny\\n' > /tmp/t && sort /tmp/t -o ~/sorted && cat ~/sorted")).toMatchObject({ out: 'y\nz\n' });
    // A working directory in the read-only host system is the same on the broker's side.
    const system = await run(sort, 'cd /etc && sort passwd | wc -l; wc -l < /etc/passwd');
    const [sorted, direct] = system.out.trim().split('\n');
    expect(Number(sorted)).toBeGreaterThan(0);
    expect(sorted).toBe(direct);
    // Called by its absolute path it is the stub too.
    expect(await run(sort, "printf 'b\\na\\n' | /usr/bin/sort")).toMatchObject({ out: 'a\nb\n' });
  });

  it('streams large inputs and outputs both ways, and stops when the reader goes away', async () => {
    const big = await run(sort, 'seq 1 300000 | sort -n | tail -1; seq 1 300000 | sort -rn | wc -c');
    expect(big).toMatchObject({ code: 0, out: '300000\n1988895\n' });
    // head closes the pipe after one line: the stub dies of SIGPIPE and the broker stops sort.
    const early = await run(sort, 'seq 1 2000000 | sort -n | head -2');
    expect(early.out).toBe('1\n2\n');
  });

  it('passes exit codes and stderr through, runs concurrent calls, and stops calls at the time limit', async () => {
    const bad = await run(sort, 'sort --no-such-option; echo "status $?"');
    expect(bad.out).toBe('status 2\n');
    expect(bad.err).toMatch(/^sort: unrecognized option '--no-such-option'/);
    const parallel = await run(sort, 'for i in 1 2 3 4 5 6 7 8; do echo $i | sort > n$i & done; wait; cat n*');
    expect(parallel.out.split('\n').filter(Boolean).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // sort waits for stdin that never ends: the broker stops it after its 2 s limit.
    const hung = await run(sort, '(sleep 4; echo late) | sort; echo "status $?"');
    expect(hung.out).toBe('status 124\n');
    expect(hung.err).toMatch(/shipbench broker: sort was stopped after 2 s/);
  });

  it('logs every call with its argv, working directory and status', () => {
    const withOut = calls.find((c) => c.argv.join(' ') === 'sort -r -o out.txt in.txt');
    expect(withOut).toMatchObject({ cwd: '/workspace', status: 0, endedBy: 'exit' });
    expect(calls.find((c) => c.argv.includes('--no-such-option'))).toMatchObject({ status: 2 });
    expect(calls.some((c) => c.status === 124)).toBe(true);
    expect(calls.find((c) => c.cwd === '/workspace/sub')).toBeDefined();
  });

  it('forwards the environment but not loader variables, and pins PATH and HOME', async () => {
    const r = await run(env, 'FOO=bar LD_PRELOAD=/tmp/x.so GCONV_PATH=/tmp env');
    expect(r.out).toContain('FOO=bar\n');
    expect(r.out).not.toMatch(/LD_PRELOAD|GCONV_PATH/);
    expect(r.out).toMatch(/^PATH=\/usr\/local\/bin:/m);
    expect(r.out).toContain('HOME=/home/sandbox\n');
    expect(r.out).toContain('PWD=/workspace\n');
  });

  it('keeps the reference execute-only: neither its path, /proc/self/exe nor the stub give its bytes away', async () => {
    const reference = sha(readFileSync('/usr/bin/sort'));
    const direct = await run(sort, 'sort /usr/bin/sort > /dev/null; echo "status $?"');
    expect(direct.err).toMatch(/\/usr\/bin\/sort: Permission denied/);
    expect(direct.out).toBe('status 2\n');
    const self = await run(sort, 'sort /proc/self/exe > /dev/null; echo "status $?"');
    expect(self.err).toMatch(/Permission denied/);
    // A program the reference starts (sort's --compress-program) cannot read its memory either:
    // an execute-only binary leaves the process undumpable.
    const child = await run(sort, "printf '#!/bin/sh\\n{ head -1 /proc/$PPID/maps; head -c 16 /proc/$PPID/mem; } >> /workspace/leak.txt 2>&1\\nexec cat\\n' > dump.sh && chmod +x dump.sh && seq 1 20000 | sort -S 64K --compress-program=/workspace/dump.sh | tail -1 && cat leak.txt");
    expect(child.out).toMatch(/^9999\n/);
    expect(child.out).toMatch(/cannot open '\/proc\/\d+\/maps' for reading: Permission denied/);
    expect(child.out).toMatch(/cannot open '\/proc\/\d+\/mem' for reading: Permission denied/);
    expect(child.out.split('\n').filter((l) => l && !l.includes('Permission denied') && l !== '9999' && !/^head: /.test(l))).toEqual([]);
    // What the agent finds at the reference's path is the stub.
    const seen = await sort.exec('cat /usr/bin/sort');
    expect(seen.stdout.length).toBeGreaterThan(0);
    expect(sha(seen.stdout)).not.toBe(reference);
  });
});
