import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, realpathSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { basename, join } from 'node:path';
import type { EndReason } from '../contracts/process.js';
import { sha256File } from '../util/hash.js';
import { hostLayout } from '../sandbox/host.js';
import { privateTempDir } from '../util/scratch.js';
import type { Program } from '../sandbox/program.js';
import { runSandboxed } from '../sandbox/run.js';
import type { Bind, SandboxLimits } from '../sandbox/spec.js';
import { decodeStubRequest, encodeExit, encodeStubFrame, StubFrameReader, type StubRequest } from './stub-protocol.js';

// One call of the reference through the broker, as the trajectory records it.
export interface BrokerCall {
  seq: number;
  argv: string[];
  cwd: string;
  startedAt: string;
  wallMs: number;
  /** The exit status the stub got (124 when stopped at the time limit, 126 when it could not run). */
  status: number;
  endedBy: EndReason | 'caller-gone';
  stdinBytes: number;
  stdoutBytes: number;
  stderrBytes: number;
}

export interface BrokerOptions {
  /** Unix socket to listen on (bound into the agent sandbox). */
  socketPath: string;
  /** The reference, as graded. */
  reference: Program;
  /** The agent's writable folders, mounted at the same paths so file arguments and outputs work; the first is the fallback working directory. */
  mounts: { host: string; inside: string }[];
  /** Host paths the reference's sandbox must not reach (the hidden suite, the store). */
  hide: string[];
  /** Limits per call; timeoutMs is the broker's time limit per call. */
  limits: SandboxLimits;
  /** Calls running at once; more wait. */
  maxConcurrent?: number;
  onCall?: (call: BrokerCall) => void;
}

// Connections open at once (calls running, waiting for a slot, or not yet sent); more are refused.
const MAX_CONNECTIONS = 32;
// Stdin bytes held for a call that has not started yet; past them the caller waits (backpressure).
const MAX_PENDING_STDIN = 1024 * 1024;
// Time a connection has to send its request.
const REQUEST_TIMEOUT_MS = 30_000;

// Variables the dynamic loader and libc act on that would let an agent run its own code inside
// the reference's process (and read the reference from its own memory), plus what the broker pins.
const DROPPED_ENV = /^(LD_.*|GCONV_PATH|GETCONF_DIR|HOSTALIASES|LOCALDOMAIN|LOCPATH|MALLOC_TRACE|NIS_PATH|NLSPATH|RESOLV_HOST_CONF|RES_OPTIONS|TZDIR|PATH|HOME|PWD|OLDPWD|SHLVL|_)$/;

// Runs the reference for the agent without the agent ever holding its bytes: the stub on the
// agent's PATH forwards each call here, and the reference runs in a sandbox of its own with the
// agent's folders mounted at the same paths, its binaries execute-only (so neither reading the
// file nor /proc/self/exe gives them away) and the hidden paths masked.
export class Broker {
  readonly calls: BrokerCall[] = [];
  private readonly server: Server;
  private readonly running = new Set<AbortController>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private seq = 0;

  private constructor(
    private readonly options: BrokerOptions,
    private readonly shadowBinds: Bind[],
  ) {
    this.server = createServer((socket) => void this.serve(socket));
    this.server.maxConnections = MAX_CONNECTIONS;
  }

  static async start(options: BrokerOptions): Promise<Broker> {
    const broker = new Broker(options, await executeOnlyBinds(options.reference));
    await rm(options.socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      broker.server.once('error', reject);
      broker.server.listen(options.socketPath, () => resolve());
    });
    // The sandboxed agent runs as another user; it may connect, nothing else.
    chmodSync(options.socketPath, 0o666);
    return broker;
  }

  /** Stops listening and stops every call still running. */
  async close(): Promise<void> {
    for (const call of this.running) call.abort();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // One call: the request first, then stdin frames, which are held (at most MAX_PENDING_STDIN,
  // then the socket pauses) until the reference starts. A connection that breaks the protocol,
  // sends an oversized frame or no request in time is dropped.
  private async serve(socket: Socket): Promise<void> {
    const reader = new StubFrameReader();
    const stdinChunks: Buffer[] = [];
    let pendingBytes = 0;
    let stdinEnded = false;
    let stdinBytes = 0;
    let feed: ((chunk: Buffer | null) => void) | null = null;
    let request: StubRequest | null = null;
    const requested = new Promise<StubRequest | null>((resolve) => {
      const drop = () => {
        socket.destroy();
        resolve(null);
      };
      const deadline = setTimeout(drop, REQUEST_TIMEOUT_MS);
      deadline.unref();
      socket.on('data', (chunk: Buffer) => {
        let frames;
        try {
          frames = reader.push(chunk);
        } catch {
          drop();
          return;
        }
        for (const frame of frames) {
          if (request === null) {
            if (frame.type !== 'Q') return drop();
            try {
              request = decodeStubRequest(frame.body);
            } catch {
              return drop();
            }
            clearTimeout(deadline);
            resolve(request);
          } else if (frame.type === 'I' && !stdinEnded) {
            stdinBytes += frame.body.length;
            if (feed) feed(Buffer.from(frame.body));
            else {
              stdinChunks.push(Buffer.from(frame.body));
              pendingBytes += frame.body.length;
              if (pendingBytes > MAX_PENDING_STDIN) socket.pause();
            }
          } else if (frame.type === 'E' && !stdinEnded) {
            stdinEnded = true;
            if (feed) feed(null);
          } else if (frame.type !== 'I' && frame.type !== 'E') {
            return drop();
          }
        }
      });
      socket.once('close', () => {
        clearTimeout(deadline);
        resolve(null);
      });
    });
    socket.on('error', () => {});
    const call = await requested;
    if (!call) return;

    await this.slot();
    // The caller hung up while the call waited for a slot: nothing to run it for.
    if (socket.destroyed) {
      this.release();
      return;
    }
    const abort = new AbortController();
    this.running.add(abort);
    const hangUp = () => abort.abort();
    socket.once('close', hangUp);
    const seq = ++this.seq;
    const startedAt = new Date();
    let stdoutBytes = 0;
    let stderrBytes = 0;
    // Forwards output to the stub; the source waits while the socket is full.
    const send = (type: 'O' | 'R', chunk: Buffer, source?: NodeJS.ReadableStream) => {
      if (type === 'O') stdoutBytes += chunk.length;
      else stderrBytes += chunk.length;
      if (socket.destroyed) return;
      if (!socket.write(encodeStubFrame(type, chunk)) && source) {
        source.pause();
        socket.once('drain', () => source.resume());
      }
    };
    try {
      const { mount, chdir } = this.placeOf(call.cwd);
      const result = await runSandboxed({
        command: [...this.options.reference.command, ...call.argv.slice(1)],
        argv0: this.options.reference.argv0,
        cwd: mount.host,
        cwdInside: mount.inside,
        chdir,
        binds: [
          ...this.options.reference.binds,
          ...this.shadowBinds,
          ...this.options.mounts.filter((m) => m !== mount).map((m) => ({ host: m.host, inside: m.inside, writable: true })),
        ],
        hide: this.options.hide,
        env: Object.fromEntries(Object.entries(call.env).filter(([key]) => !DROPPED_ENV.test(key))),
        limits: this.options.limits,
        network: 'cleanroom',
        signal: abort.signal,
        attach: ({ stdin, stdout, stderr }) => {
          stdout.on('data', (chunk: Buffer) => send('O', chunk, stdout));
          stderr.on('data', (chunk: Buffer) => send('R', chunk, stderr));
          const write = (chunk: Buffer | null) => {
            if (chunk === null) {
              stdin.end();
              return;
            }
            if (!stdin.write(chunk)) {
              socket.pause();
              stdin.once('drain', () => socket.resume());
            }
          };
          for (const chunk of stdinChunks.splice(0)) write(chunk);
          pendingBytes = 0;
          if (stdinEnded) write(null);
          else feed = write;
          if (socket.isPaused() && stdin.writableNeedDrain === false) socket.resume();
        },
      });
      const { outcome } = result;
      let status = outcome.exitCode ?? 125;
      if (outcome.endedBy === 'timeout' && !abort.signal.aborted) {
        status = 124;
        send('R', Buffer.from(`shipbench broker: ${this.options.reference.argv0} was stopped after ${this.options.limits.timeoutMs / 1000} s (time limit per call)\n`));
      } else if (outcome.endedBy === 'spawn-failed') {
        status = 126;
        send('R', Buffer.from(`shipbench broker: cannot run ${this.options.reference.argv0} in ${call.cwd}: ${outcome.error ?? 'sandbox setup failed'}\n`));
      }
      if (!socket.destroyed) socket.end(encodeExit(status));
      this.record({ seq, argv: call.argv, cwd: call.cwd, startedAt: startedAt.toISOString(), wallMs: Math.round(outcome.wallMs), status, endedBy: abort.signal.aborted ? 'caller-gone' : outcome.endedBy, stdinBytes, stdoutBytes, stderrBytes });
    } finally {
      socket.off('close', hangUp);
      this.running.delete(abort);
      this.release();
    }
  }

  // Where the call runs: the caller's working directory when it is in one of the agent's folders
  // or in the read-only host system (the same on both sides), else the first agent folder.
  private placeOf(cwd: string): { mount: { host: string; inside: string }; chdir: string } {
    const first = this.options.mounts[0] as { host: string; inside: string };
    if (cwd.split('/').includes('..')) return { mount: first, chdir: first.inside };
    for (const mount of this.options.mounts) {
      if (cwd === mount.inside || cwd.startsWith(`${mount.inside}/`)) {
        if (existsSync(join(mount.host, cwd.slice(mount.inside.length)))) return { mount, chdir: cwd };
      }
    }
    const underSystem = cwd === '/' || hostLayout().roBinds.some((root) => cwd === root || cwd.startsWith(`${root}/`));
    return { mount: first, chdir: underSystem && existsSync(cwd) ? cwd : first.inside };
  }

  private record(call: BrokerCall): void {
    this.calls.push(call);
    this.options.onCall?.(call);
  }

  private async slot(): Promise<void> {
    if (this.active < (this.options.maxConcurrent ?? 16)) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

// Execute-only copies of the reference's ELF files, bound over the originals inside the broker's
// sandbox. The kernel runs an execute-only binary but marks the process undumpable, so neither
// reading the file nor /proc/self/exe or /proc/self/mem reveals its bytes. Scripts need reading
// by their interpreter and stay as they are.
async function executeOnlyBinds(reference: Program): Promise<Bind[]> {
  const dir = privateTempDir();
  if (!dir) return [];
  const binds: Bind[] = [];
  for (const file of referenceFiles(reference)) {
    if (!isElf(file)) continue;
    const target = join(dir, 'exec-only', `${(await sha256File(file)).slice(0, 16)}-${basename(file)}`);
    if (!existsSync(target)) {
      mkdirSync(join(dir, 'exec-only'), { recursive: true, mode: 0o755 });
      const partial = `${target}.${process.pid}.tmp`;
      copyFileSync(file, partial);
      chmodSync(partial, 0o111);
      renameSync(partial, target);
    }
    binds.push({ host: target, inside: file });
  }
  return binds;
}

// Real paths of the files a reference command names (its binary, its scripts).
export function referenceFiles(reference: Program): string[] {
  return reference.command.filter((part) => part.startsWith('/') && existsSync(part)).map((part) => realpathSync(part));
}

function isElf(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head.toString('latin1') === '\x7fELF';
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
