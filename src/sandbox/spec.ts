import type { Readable, Writable } from 'node:stream';

// What one sandboxed process gets: its command, files, environment, limits and network.

export type NetworkPolicy = 'cleanroom' | 'open';

// The standard streams of a sandboxed process, for callers that stream instead of capturing.
export interface SandboxStreams {
  stdin: Writable;
  stdout: Readable;
  stderr: Readable;
}

export interface Bind {
  host: string;
  /** Path inside the sandbox; defaults to the host path. */
  inside?: string;
  writable?: boolean;
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
  processes: number;
  fileSizeMb: number;
  /** Size cap of the writable working directory, watched while the process runs. */
  diskMb: number;
  /** Per stream; past it the output is cut and the sandbox killed. */
  outputBytes: number;
  /** Size of the private /tmp, /dev/shm and HOME tmpfs mounts. */
  tmpMb: number;
  /** Time between SIGTERM and SIGKILL when the sandbox is stopped. */
  graceMs: number;
}

export interface SandboxSpec {
  /** command[0] is a path or a name on the sandbox PATH. */
  command: string[];
  /** argv[0] the program sees; defaults to command[0]. */
  argv0?: string;
  /** Host directory bound read-write as the working directory. */
  cwd: string;
  /** Where cwd appears inside; defaults to its host path. */
  cwdInside?: string;
  /** The directory the command starts in, inside; defaults to cwdInside. */
  chdir?: string;
  binds?: Bind[];
  /** Host paths made unreachable inside (files read empty, folders are empty). */
  hide?: string[];
  env?: Record<string, string>;
  stdin?: Uint8Array;
  limits: SandboxLimits;
  network: NetworkPolicy;
  signal?: AbortSignal;
  /**
   * Streams the process's stdio through the caller instead of capturing it: called once with the
   * streams when the process starts; `stdin` and the output cap are then the caller's business.
   */
  attach?: (streams: SandboxStreams) => void;
}

export const SANDBOX_HOME = '/home/sandbox';
export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';

// Default limits for running one test case.
export const caseLimitDefaults: SandboxLimits = {
  timeoutMs: 10_000,
  memoryMb: 4096,
  processes: 256,
  fileSizeMb: 256,
  diskMb: 512,
  outputBytes: 16 * 1024 * 1024,
  tmpMb: 256,
  graceMs: 500,
};

// Memory and processes the harness's own part of a sandbox needs besides the program (bubblewrap's
// init, the supervisor or the warm executor), added to the task's limits in the sandbox's cgroup.
const HARNESS_MEMORY_MB = 32;
const HARNESS_PROCESSES = 8;

// The cgroup caps of a sandbox with these limits: all memory its processes can pin (memfds, tmpfs
// and shared memory included) within the task's memory limit, and its processes within the task's
// process limit.
export function cgroupCaps(limits: SandboxLimits): { memoryBytes: number; pids: number } {
  return { memoryBytes: (limits.memoryMb + HARNESS_MEMORY_MB) * 1024 * 1024, pids: limits.processes + HARNESS_PROCESSES };
}

// The host folders a sandbox can write to: its working directory and its writable binds. One disk
// cap covers them together.
export function writableRoots(spec: Pick<SandboxSpec, 'cwd' | 'binds'>): string[] {
  return [spec.cwd, ...(spec.binds ?? []).filter((b) => b.writable).map((b) => b.host)];
}
