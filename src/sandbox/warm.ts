import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ProcessOutcome } from '../contracts/process.js';
import { ShipbenchError } from '../errors.js';
import { sandboxArgs } from './bwrap-args.js';
import { diskUsage } from './disk.js';
import { hiddenPaths, hostLayout, maskedHarnessRoots } from './host.js';
import { giveToSandbox } from './identity.js';
import { SandboxCgroup } from './kernel/cgroup.js';
import { launcherPrefix, SECCOMP_FD } from './kernel/launcher.js';
import { hostSeccompProgram } from './kernel/seccomp.js';
import { EXECUTOR_INSIDE } from './native.js';
import { signalQuietly } from './namespace.js';
import { decodeResponse, encodeAbort, encodeRun, FrameReader, isReady, type RunResponse } from './protocol.js';
import { requireBubblewrap } from './requirements.js';
import { cgroupCaps, type Bind, type NetworkPolicy, type SandboxLimits } from './spec.js';

export interface WarmSandboxOptions {
  binds: Bind[];
  hide: string[];
  /** Sizes of the private mounts; per-case limits come with each run. */
  limits: SandboxLimits;
  network: NetworkPolicy;
  /** A host folder for this sandbox's working directory. */
  scratchDir: string;
  /** Where the working directory appears inside. */
  cwdInside: string;
  /** The compiled native executor (see nativeExecutor). */
  executor: string;
}

export interface WarmRun {
  /** Program and arguments (command[0] is a path or a name on the sandbox PATH). */
  command: string[];
  argv0: string;
  stdin: Uint8Array;
  files: Record<string, Uint8Array>;
  /** Files of the working directory to read back after the run. */
  readFiles: string[];
  env: Record<string, string>;
  limits: SandboxLimits;
}

export interface WarmResult {
  outcome: ProcessOutcome;
  stdout: Buffer;
  stderr: Buffer;
  files: Record<string, Buffer | null>;
}

const DISK_POLL_MS = 200;
// How long past a case's own time limit and grace the executor may take to answer.
const ANSWER_SLACK_MS = 10_000;
let sandboxCounter = 0;

// A sandbox that stays up and runs many cases one after another through its executor
// (native/executor.c): the cost
// of building namespaces and mounts is paid once per worker instead of once per case. Each case
// still gets an empty working directory, /tmp, HOME and /dev/shm, its own rlimits, and no
// process of an earlier case.
export class WarmSandbox {
  private readonly pending = new Map<number, (response: RunResponse | Error) => void>();
  private nextId = 0;
  private stderrTail = '';
  private exited = false;
  private busy = false;
  private onReady: ((error: Error | null) => void) | null = null;
  casesRun = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly workHost: string,
    private readonly cgroup: SandboxCgroup | null,
  ) {
    const reader = new FrameReader();
    (child.stdout as Readable).on('data', (chunk: Buffer) => {
      for (const payload of reader.push(chunk)) {
        if (isReady(payload)) {
          this.onReady?.(null);
          continue;
        }
        const response = decodeResponse(payload);
        const resolve = this.pending.get(response.id);
        this.pending.delete(response.id);
        resolve?.(response);
      }
    });
    (child.stderr as Readable).on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    (child.stdin as Writable).on('error', () => {});
    const lost = () => {
      if (this.exited) return;
      this.exited = true;
      this.onReady?.(new Error(this.stderrTail.trim() || 'the sandbox executor exited before it was ready'));
      for (const resolve of this.pending.values()) resolve(new Error(`the sandbox executor stopped${this.stderrTail ? `: ${this.stderrTail.trim().split('\n').at(-1)}` : ''}`));
      this.pending.clear();
    };
    child.on('close', lost);
    // A descendant may hold the pipes open after bubblewrap is gone; do not wait for them.
    child.on('exit', () => setTimeout(lost, 1000).unref());
  }

  /** Starts a warm sandbox; it accepts runs at once. */
  static async start(options: WarmSandboxOptions): Promise<WarmSandbox> {
    const bwrap = requireBubblewrap();
    const layout = hostLayout();
    const workHost = join(options.scratchDir, `warm-${process.pid}-${++sandboxCounter}`);
    await mkdir(workHost, { recursive: true });
    await giveToSandbox(workHost);
    const binds = [...options.binds, { host: options.executor, inside: EXECUTOR_INSIDE }];
    const spec = { cwd: workHost, cwdInside: options.cwdInside, binds, hide: options.hide, limits: options.limits, network: options.network };
    const seccomp = hostSeccompProgram();
    const args = [...sandboxArgs(spec, layout, hiddenPaths(options.hide, binds, layout), { harnessRoots: maskedHarnessRoots(layout), seccomp: seccomp !== null }), '--', EXECUTOR_INSIDE, options.cwdInside];
    // One cgroup for the sandbox: cases run one at a time and leave nothing behind, so its caps
    // are each case's.
    const cgroup = SandboxCgroup.create(cgroupCaps(options.limits));
    const [first = bwrap, ...rest] = [...launcherPrefix({ cgroup }), bwrap, ...args];
    const child = spawn(first, rest, { stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'ignore', 'pipe'], detached: true, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });
    (child.stdio[3] as Readable).resume();
    const seccompPipe = (child.stdio as unknown as Writable[])[SECCOMP_FD] as Writable;
    seccompPipe.on('error', () => {});
    seccompPipe.end(seccomp ?? undefined);
    child.once('error', () => {});
    const box = new WarmSandbox(child, workHost, cgroup);
    const ready = await new Promise<Error | null>((resolve) => (box.onReady = resolve));
    box.onReady = null;
    if (ready) {
      box.kill();
      await cgroup?.remove();
      throw new ShipbenchError('sandbox.setup', `a sandbox could not start: ${ready.message.split('\n').at(-1)}`, { kind: 'internal', cause: ready });
    }
    return box;
  }

  get usable(): boolean {
    return !this.exited;
  }

  /** Runs one case; never throws for what the program does. One run at a time. */
  async run(r: WarmRun): Promise<WarmResult> {
    if (this.busy) throw new Error('WarmSandbox.run called while a run is in progress');
    this.busy = true;
    const id = ++this.nextId;
    const [file = '', ...args] = r.command;
    const request = encodeRun({
      id,
      timeoutMs: r.limits.timeoutMs,
      graceMs: r.limits.graceMs,
      outputBytes: r.limits.outputBytes,
      memoryMb: r.limits.memoryMb,
      cpuSeconds: Math.ceil((r.limits.timeoutMs * 2) / 1000) + 1,
      processes: r.limits.processes,
      fileSizeMb: r.limits.fileSizeMb,
      openFiles: 1024,
      argv0: r.argv0,
      file,
      args,
      env: r.env,
      stdin: r.stdin,
      files: r.files,
      readFiles: r.readFiles,
    });
    const started = performance.now();
    const oomBefore = this.cgroup?.oomKills() ?? 0;
    const answer = new Promise<RunResponse | Error>((resolve) => this.pending.set(id, resolve));
    const diskCap = r.limits.diskMb * 1024 * 1024;
    let diskBusy = false;
    let diskAborted = false;
    const diskTimer = setInterval(() => {
      if (diskBusy || diskAborted) return;
      diskBusy = true;
      void diskUsage(this.workHost, diskCap)
        .then((used) => {
          if (used > diskCap && !diskAborted) {
            diskAborted = true;
            this.send(encodeAbort(id, 'disk-limit'));
          }
        })
        .finally(() => (diskBusy = false));
    }, DISK_POLL_MS);
    let watchdogFired = false;
    const watchdog = setTimeout(() => {
      watchdogFired = true;
      this.kill();
    }, r.limits.timeoutMs + r.limits.graceMs + ANSWER_SLACK_MS);
    if (this.exited) this.pending.get(id)?.(new Error('the sandbox executor is not running'));
    else this.send(request);
    const response = await answer;
    clearInterval(diskTimer);
    clearTimeout(watchdog);
    this.busy = false;
    this.casesRun++;
    if (response instanceof Error) {
      const wallMs = performance.now() - started;
      const outcome: ProcessOutcome = watchdogFired
        ? { endedBy: 'timeout', exitCode: null, signal: 'SIGKILL', timedOut: true, outputCut: null, wallMs, cpuMs: null, hung: [], error: 'the sandbox did not answer in time and was killed' }
        : { endedBy: 'not-run', exitCode: null, signal: null, timedOut: false, outputCut: null, wallMs, cpuMs: null, hung: [], error: `${response.message} (a program that kills every process it can ends its own sandbox)` };
      return { outcome, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), files: {} };
    }
    // The kernel killed the program for passing the cgroup's memory cap.
    const overMemory = response.endedBy === 'exit' && response.exitCode === 128 + 9 && (this.cgroup?.oomKills() ?? 0) > oomBefore;
    return {
      outcome: {
        endedBy: overMemory ? 'memory-limit' : response.endedBy,
        exitCode: overMemory ? null : response.exitCode,
        signal: overMemory ? 'SIGKILL' : response.signal,
        timedOut: response.endedBy === 'timeout',
        outputCut: response.outputCut,
        wallMs: response.wallMs,
        cpuMs: response.cpuMs,
        hung: response.hung,
        error: response.error,
      },
      stdout: response.stdout,
      stderr: response.stderr,
      files: response.files,
    };
  }

  /** Stops the executor and everything in the sandbox. */
  async close(): Promise<void> {
    if (!this.exited) {
      const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
      (this.child.stdin as Writable).end();
      const timer = setTimeout(() => this.kill(), 2000);
      await closed;
      clearTimeout(timer);
    }
    await this.cgroup?.remove();
  }

  private kill(): void {
    if (this.child.pid !== undefined) signalQuietly(-this.child.pid, 'SIGKILL');
    void this.cgroup?.killAll();
  }

  private send(frame: Buffer): void {
    (this.child.stdin as Writable).write(frame);
  }
}
