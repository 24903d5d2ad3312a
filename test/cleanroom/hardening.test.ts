import { mkdir } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentSandbox } from '../../src/cleanroom/agent-sandbox.js';
import { encodeStubFrame, MAX_REQUEST_FRAME, StubFrameReader } from '../../src/cleanroom/stub-protocol.js';
import { cgroupSupport } from '../../src/sandbox/kernel/cgroup.js';
import { caseLimitDefaults } from '../../src/sandbox/spec.js';
import { tempDir } from '../support/fixtures.js';

// The agent's sandbox and its broker under attack (issue: hardening): writing to the host through
// /tmp and HOME past the disk cap, pinning memory outside RLIMIT_AS, and flooding the broker.
let root: string;
let cleanup: () => Promise<void>;
let box: AgentSandbox;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await mkdir(join(root, 'episode'));
  box = await AgentSandbox.create({
    root: join(root, 'episode'),
    programName: 'tac',
    reference: { role: 'reference', command: ['/usr/bin/tac'], argv0: 'tac', binds: [], hide: [] },
    hide: ['/usr/bin/tac'],
    brokerHide: [],
    policy: 'cleanroom',
    stepLimits: { ...caseLimitDefaults, timeoutMs: 30_000, diskMb: 16, fileSizeMb: 64, memoryMb: 256 },
    brokerLimits: { ...caseLimitDefaults, timeoutMs: 10_000 },
  });
});
afterAll(async () => {
  await box.close();
  await cleanup();
});

describe('one cap over everything an agent step can write', () => {
  it('writing past the cap through /tmp and HOME stops the step, as through the workspace', async () => {
    for (const where of ['/tmp', '$HOME', '/workspace']) {
      const r = await box.exec(`for i in $(seq 64); do head -c 1048576 /dev/zero > ${where}/fill-$i || exit 1; sleep 0.02; done; echo wrote-all`);
      expect(r.outcome.endedBy, where).toBe('disk-limit');
      expect(r.stdout.toString()).not.toContain('wrote-all');
      await box.exec(`rm -f ${where}/fill-*`);
    }
  });

  it('the three folders count together', async () => {
    const r = await box.exec('for d in /tmp $HOME /workspace; do for i in $(seq 8); do head -c 1048576 /dev/zero > $d/part-$i; done; sleep 0.5; done; echo wrote-all');
    expect(r.outcome.endedBy).toBe('disk-limit');
    await box.exec('rm -f /tmp/part-* $HOME/part-* /workspace/part-*');
  });
});

describe("an agent step's memory", () => {
  it.skipIf(cgroupSupport().kind === 'none')('memfds beyond the memory limit are stopped', async () => {
    const r = await box.exec(`python3 -c "
import os
chunk = b'a' * (1 << 20)
fds = [os.memfd_create('m') for k in range(8)]
for fd in fds:
    for i in range(60):
        os.write(fd, chunk)
print('held 480 MiB')
"`);
    expect(r.stdout.toString()).not.toContain('held');
    expect(r.outcome.endedBy).toBe('memory-limit');
  });
});

// Opens a raw connection to the episode's broker, as a hostile program in the sandbox could.
function brokerConnection(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(join(root, 'episode', 'run', 'broker.sock'));
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}

describe('the broker holds a bounded amount for each connection, and a bounded number of them', () => {
  it('stdin frames before any request: the connection is dropped at the first one', async () => {
    const socket = await brokerConnection();
    socket.on('error', () => {});
    const frame = encodeStubFrame('I', Buffer.alloc(60 * 1024, 1));
    let sent = 0;
    const done = closed(socket);
    // Up to 1 GiB, stopping as soon as the broker hangs up.
    while (!socket.destroyed && sent < 1024 ** 3) {
      if (!socket.write(frame)) await Promise.race([new Promise((r) => socket.once('drain', r)), done]);
      sent += frame.length;
    }
    await done;
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('a request frame larger than the limit is refused from its header', async () => {
    const socket = await brokerConnection();
    socket.on('error', () => {});
    const header = Buffer.alloc(5);
    header.write('Q', 0, 'latin1');
    header.writeUInt32BE(MAX_REQUEST_FRAME + 1, 1);
    socket.write(header);
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it('connections past the limit are closed at once; the broker still serves afterwards', async () => {
    const sockets = await Promise.all(Array.from({ length: 48 }, () => brokerConnection().catch(() => null)));
    const open = sockets.filter((s): s is Socket => s !== null);
    for (const s of open) s.on('error', () => {});
    await new Promise((r) => setTimeout(r, 300));
    const alive = open.filter((s) => !s.destroyed && !s.readableEnded);
    expect(alive.length).toBeLessThanOrEqual(32);
    for (const s of open) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const r = await box.exec("printf 'a\\nb\\n' | tac");
    expect(r.stdout.toString()).toBe('b\na\n');
  });

  it('frames arriving a byte at a time are read whole and in order', () => {
    const reader = new StubFrameReader();
    const body = Buffer.alloc(200_000, 7);
    const bytes = Buffer.concat([encodeStubFrame('I', Buffer.from('head')), encodeStubFrame('I', body.subarray(0, 65_536)), encodeStubFrame('E')]);
    const frames = [];
    for (let i = 0; i < bytes.length; i++) frames.push(...reader.push(bytes.subarray(i, i + 1)));
    expect(frames.map((f) => [f.type, f.body.length])).toEqual([
      ['I', 4],
      ['I', 65_536],
      ['E', 0],
    ]);
    expect(reader.buffered).toBe(0);
  });
});
