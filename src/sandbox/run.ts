import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { EndReason, ProcessOutcome } from '../contracts/process.js';
import { bwrapArgs } from './bwrap-args.js';
import { CappedCapture } from './capture.js';
import { diskUsageOf } from './disk.js';
import { hiddenPaths, hostLayout, maskedHarnessRoots } from './host.js';
import { SandboxCgroup } from './kernel/cgroup.js';
import { launcherPrefix, SECCOMP_FD } from './kernel/launcher.js';
import { hostSeccompProgram } from './kernel/seccomp.js';
import { processesInNamespace, signalQuietly } from './namespace.js';
import { requireBubblewrap } from './requirements.js';
import { cgroupCaps, writableRoots, type SandboxSpec } from './spec.js';

export interface SandboxResult {
  outcome: ProcessOutcome;
  stdout: Buffer;
  stderr: Buffer;
}

const DISK_POLL_MS = 200;
// The launcher reports the CPU time of the reaped tree on this descriptor (see native/launcher.c).
const TIMES_FD = 4;

// Runs one command in a fresh bubblewrap sandbox and says how it ended. Never throws for
// anything the sandboxed program does; throws only when the sandbox cannot be set up.
export async function runSandboxed(spec: SandboxSpec): Promise<SandboxResult> {
  const bwrap = requireBubblewrap();
  const layout = hostLayout();
  const seccomp = hostSeccompProgram();
  const args = bwrapArgs(spec, layout, hiddenPaths(spec.hide ?? [], spec.binds ?? [], layout), { harnessRoots: maskedHarnessRoots(layout), seccomp: seccomp !== null });
  const cgroup = SandboxCgroup.create(cgroupCaps(spec.limits));
  const [launcher = '', ...launcherArgs] = [...launcherPrefix({ cgroup, timesFd: TIMES_FD }), bwrap, ...args];
  const started = performance.now();
  const child = spawn(launcher, launcherArgs, {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
  });
  const seccompPipe = (child.stdio as unknown as Writable[])[SECCOMP_FD] as Writable;
  seccompPipe.on('error', () => {});
  seccompPipe.end(seccomp ?? undefined);

  let endedBy = 'exit' as EndReason;
  let killSignal: NodeJS.Signals | null = null;
  let hung: string[] = [];
  let stopping: Promise<void> | null = null;
  let nsInode: number | null = null;
  let initPid: number | null = null;

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = (reason: EndReason): Promise<void> => {
    if (stopping) return stopping;
    endedBy = reason;
    stopping = (async () => {
      killSignal = 'SIGTERM';
      const inside = nsInode === null ? [] : await processesInNamespace(nsInode);
      for (const p of inside) if (p.pid !== initPid) signalQuietly(p.pid, 'SIGTERM');
      await Promise.race([delay(spec.limits.graceMs), exited]);
      const survivors = nsInode === null ? [] : await processesInNamespace(nsInode);
      const stillThere = survivors.filter((p) => p.pid !== initPid);
      if (reason === 'timeout') hung = stillThere.map((p) => p.name);
      if (survivors.length > 0 || child.exitCode === null) killSignal = 'SIGKILL';
      // Killing pid 1 of the namespace kills every process in it; the group kill covers the
      // launcher and bubblewrap when the namespace was never set up.
      if (initPid !== null) signalQuietly(initPid, 'SIGKILL');
      if (child.pid !== undefined) signalQuietly(-child.pid, 'SIGKILL');
      await cgroup?.killAll();
    })();
    return stopping;
  };

  const status = child.stdio[3] as Readable;
  let statusText = '';
  status.setEncoding('utf8');
  status.on('data', (text: string) => {
    statusText += text;
    if (initPid === null) {
      const pid = /"child-pid":\s*(\d+)/.exec(statusText);
      const ns = /"pid-namespace":\s*(\d+)/.exec(statusText);
      if (pid && ns) {
        initPid = Number(pid[1]);
        nsInode = Number(ns[1]);
      }
    }
  });
  status.on('error', () => {});
  let timesText = '';
  const times = child.stdio[TIMES_FD] as Readable;
  times.setEncoding('utf8');
  times.on('data', (text: string) => (timesText += text));
  times.on('error', () => {});

  const outputCap = spec.limits.outputBytes;
  let outputCut: 'stdout' | 'stderr' | null = null;
  const onCut = (stream: 'stdout' | 'stderr') => () => {
    outputCut ??= stream;
    void stop('output-limit');
  };
  // Streamed output belongs to the caller: nothing is captured or capped here then.
  const stdout = spec.attach ? null : new CappedCapture(child.stdout as Readable, outputCap, onCut('stdout'));
  const stderr = spec.attach ? null : new CappedCapture(child.stderr as Readable, outputCap, onCut('stderr'));

  const stdin = child.stdin as Writable;
  stdin.on('error', () => {});
  if (spec.attach) spec.attach({ stdin, stdout: child.stdout as Readable, stderr: child.stderr as Readable });
  else stdin.end(spec.stdin && spec.stdin.length > 0 ? Buffer.from(spec.stdin) : undefined);

  const timer = setTimeout(() => void stop('timeout'), spec.limits.timeoutMs);
  // One cap over every host folder the sandbox can write (its tmpfs mounts have sizes of their own).
  const diskCap = spec.limits.diskMb * 1024 * 1024;
  const diskRoots = writableRoots(spec);
  let diskBusy = false;
  const diskTimer = setInterval(() => {
    if (diskBusy || stopping) return;
    diskBusy = true;
    void diskUsageOf(diskRoots, diskCap)
      .then((used) => {
        if (used > diskCap) void stop('disk-limit');
      })
      .finally(() => (diskBusy = false));
  }, DISK_POLL_MS);
  const onAbort = () => void stop('timeout');
  spec.signal?.addEventListener('abort', onAbort, { once: true });

  const closed = await new Promise<{ code: number | null; error: Error | null }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code, error: null }));
  });
  clearTimeout(timer);
  clearInterval(diskTimer);
  spec.signal?.removeEventListener('abort', onAbort);
  if (stopping) await stopping;
  const wallMs = performance.now() - started;
  const oomKilled = (cgroup?.oomKills() ?? 0) > 0;
  await cgroup?.remove();

  const stderrBytes = stderr?.bytes() ?? Buffer.alloc(0);
  const stdoutBytes = stdout?.bytes() ?? Buffer.alloc(0);
  const setupFailed = initPid === null || (closed.code === 1 && stderrBytes.subarray(0, 7).toString() === 'bwrap: ');
  if (closed.error || (setupFailed && endedBy === 'exit')) {
    return {
      outcome: {
        endedBy: 'spawn-failed',
        exitCode: null,
        signal: null,
        timedOut: false,
        outputCut: null,
        wallMs,
        cpuMs: null,
        hung: [],
        error: closed.error?.message ?? (stderrBytes.toString('utf8').trim().split('\n')[0] || 'sandbox setup failed'),
      },
      stdout: stdoutBytes,
      stderr: stderrBytes,
    };
  }
  // The kernel killed the program for passing the cgroup's memory cap (an RLIMIT_AS failure is the
  // program's own exit instead).
  if (endedBy === 'exit' && oomKilled && closed.code === 128 + 9) {
    endedBy = 'memory-limit';
    killSignal = 'SIGKILL';
  }
  const killed = endedBy !== 'exit';
  return {
    outcome: {
      endedBy,
      exitCode: killed ? null : closed.code,
      signal: killed ? killSignal : null,
      timedOut: endedBy === 'timeout',
      outputCut,
      wallMs,
      cpuMs: parseCpuMs(timesText),
      hung,
      error: null,
    },
    stdout: stdoutBytes,
    stderr: stderrBytes,
  };
}

// CPU milliseconds of the reaped tree from the launcher's report (microseconds on one line).
export function parseCpuMs(text: string): number | null {
  const m = /^(\d+)\n/.exec(text);
  return m ? Number(m[1]) / 1000 : null;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
