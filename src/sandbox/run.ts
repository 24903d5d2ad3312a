import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { EndReason, ProcessOutcome } from '../contracts/process.js';
import { bwrapArgs } from './bwrap-args.js';
import { CappedCapture } from './capture.js';
import { diskUsage } from './disk.js';
import { hiddenPaths, hostLayout } from './host.js';
import { dropPrivilegesPrefix } from './identity.js';
import { processesInNamespace, signalQuietly } from './namespace.js';
import { requireBubblewrap } from './requirements.js';
import type { SandboxSpec } from './spec.js';

export interface SandboxResult {
  outcome: ProcessOutcome;
  stdout: Buffer;
  stderr: Buffer;
}

const DISK_POLL_MS = 200;

// The outer shell runs outside the sandbox: it starts bubblewrap with fd 4 closed, then reports
// the CPU time of the whole reaped tree on fd 4 (`times`), which nothing inside can reach.
const OUTER_SCRIPT = 'bwrap=$1; shift; "$bwrap" "$@" 4>&-; s=$?; times >&4; exit $s';

// Runs one command in a fresh bubblewrap sandbox and says how it ended. Never throws for
// anything the sandboxed program does; throws only when the sandbox cannot be set up.
export async function runSandboxed(spec: SandboxSpec): Promise<SandboxResult> {
  const bwrap = requireBubblewrap();
  const layout = hostLayout();
  const args = bwrapArgs(spec, layout, hiddenPaths(spec.hide ?? [], spec.binds ?? [], layout));
  const [launcher = '/bin/sh', ...launcherArgs] = [...dropPrivilegesPrefix(), '/bin/sh'];
  const started = performance.now();
  const child = spawn(launcher, [...launcherArgs, '-c', OUTER_SCRIPT, 'shipbench-sandbox', bwrap, ...args], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
  });

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
  const times = child.stdio[4] as Readable;
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
  const diskCap = spec.limits.diskMb * 1024 * 1024;
  let diskBusy = false;
  const diskTimer = setInterval(() => {
    if (diskBusy || stopping) return;
    diskBusy = true;
    void diskUsage(spec.cwd, diskCap)
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
  const killed = endedBy !== 'exit';
  return {
    outcome: {
      endedBy,
      exitCode: killed ? null : closed.code,
      signal: killed ? killSignal : null,
      timedOut: endedBy === 'timeout',
      outputCut,
      wallMs,
      cpuMs: parseChildCpuMs(timesText),
      hung,
      error: null,
    },
    stdout: stdoutBytes,
    stderr: stderrBytes,
  };
}

// CPU milliseconds of the reaped children from the second line of `times` output.
export function parseChildCpuMs(text: string): number | null {
  const line = text.split('\n')[1];
  if (!line) return null;
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) return null;
  return parts.reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
