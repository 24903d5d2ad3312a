import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Memory and process caps for a sandbox through the kernel's control groups. Unlike RLIMIT_AS they
// count everything a process tree can pin — pages of memfds, tmpfs files and shared memory
// included — and the cap on processes holds for the whole tree whatever its uids. Used where the
// host allows: as root with cgroup v2 (memory and pids controllers) or v1 (memory and pids
// hierarchies), or in a delegated v2 cgroup named by SHIPBENCH_CGROUP. Elsewhere sandboxes keep
// their rlimits and tmpfs sizes alone (the README says what holds then).

export type CgroupSupport =
  | { kind: 'v2'; parent: string }
  | { kind: 'v1'; memory: string; pids: string }
  | { kind: 'none'; why: string };

export interface CgroupCaps {
  memoryBytes: number;
  pids: number;
}

const V2_ROOT = '/sys/fs/cgroup';
const V1_MEMORY = '/sys/fs/cgroup/memory';
const V1_PIDS = '/sys/fs/cgroup/pids';
const PARENT_NAME = 'shipbench';

let support: CgroupSupport | undefined;
let leafCounter = 0;

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isRoot(): boolean {
  return typeof process.geteuid === 'function' && process.geteuid() === 0;
}

// A v2 cgroup usable as the parent of sandbox cgroups: it has the memory and pids controllers and
// hands them to its children.
function prepareV2Parent(parent: string): void {
  mkdirSync(parent, { recursive: true });
  const available = read(join(parent, 'cgroup.controllers')).split(/\s+/);
  if (!available.includes('memory') || !available.includes('pids')) throw new Error(`${parent} lacks the memory or pids controller`);
  const enabled = read(join(parent, 'cgroup.subtree_control')).split(/\s+/);
  if (!enabled.includes('memory') || !enabled.includes('pids')) writeFileSync(join(parent, 'cgroup.subtree_control'), '+memory +pids');
}

function detect(): CgroupSupport {
  const setting = process.env.SHIPBENCH_CGROUP;
  if (setting === 'off') return { kind: 'none', why: 'SHIPBENCH_CGROUP=off' };
  if (setting) {
    prepareV2Parent(setting);
    return { kind: 'v2', parent: setting };
  }
  if (!isRoot()) return { kind: 'none', why: 'not root, and no delegated cgroup named in SHIPBENCH_CGROUP' };
  if (existsSync(join(V2_ROOT, 'cgroup.controllers'))) {
    const available = read(join(V2_ROOT, 'cgroup.controllers')).split(/\s+/);
    if (available.includes('memory') && available.includes('pids')) {
      const enabled = read(join(V2_ROOT, 'cgroup.subtree_control')).split(/\s+/);
      if (!enabled.includes('memory') || !enabled.includes('pids')) writeFileSync(join(V2_ROOT, 'cgroup.subtree_control'), '+memory +pids');
      const parent = join(V2_ROOT, PARENT_NAME);
      prepareV2Parent(parent);
      return { kind: 'v2', parent };
    }
  }
  if (existsSync(join(V1_MEMORY, 'cgroup.procs')) && existsSync(join(V1_PIDS, 'cgroup.procs'))) {
    const memory = join(V1_MEMORY, PARENT_NAME);
    const pids = join(V1_PIDS, PARENT_NAME);
    mkdirSync(memory, { recursive: true });
    mkdirSync(pids, { recursive: true });
    return { kind: 'v1', memory, pids };
  }
  return { kind: 'none', why: 'no cgroup v2 memory and pids controllers and no v1 memory and pids hierarchies' };
}

// What this host allows, found once; stale cgroups of dead shipbench processes are removed then.
export function cgroupSupport(): CgroupSupport {
  if (support) return support;
  try {
    support = detect();
  } catch (error) {
    support = { kind: 'none', why: (error as Error).message };
  }
  if (support.kind !== 'none') for (const parent of parentsOf(support)) sweepStale(parent);
  return support;
}

function parentsOf(s: CgroupSupport): string[] {
  return s.kind === 'v2' ? [s.parent] : s.kind === 'v1' ? [s.memory, s.pids] : [];
}

// Leaves are named sb-<pid>-<n> after the process that made them.
function sweepStale(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^sb-(\d+)-\d+$/.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    const dir = join(parent, name);
    killMembers(dir);
    try {
      rmdirSync(dir);
    } catch {
      // Still busy; the next sweep takes it.
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function members(dir: string): number[] {
  return read(join(dir, 'cgroup.procs'))
    .split('\n')
    .filter(Boolean)
    .map(Number);
}

function killMembers(dir: string): number {
  const pids = members(dir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
  return pids.length;
}

// The cgroup(s) of one sandbox: the launcher joins them before it drops privileges, so every
// process of the sandbox is counted against the caps.
export class SandboxCgroup {
  private constructor(
    /** Directories whose cgroup.procs the launcher joins. */
    readonly dirs: string[],
    private readonly kind: 'v1' | 'v2',
  ) {}

  /** Makes the cgroups of a new sandbox; null when the host has no usable cgroups. */
  static create(caps: CgroupCaps): SandboxCgroup | null {
    const s = cgroupSupport();
    if (s.kind === 'none') return null;
    const name = `sb-${process.pid}-${++leafCounter}`;
    const bytes = String(Math.max(caps.memoryBytes, 16 * 1024 * 1024));
    const pids = String(Math.max(caps.pids, 8));
    if (s.kind === 'v2') {
      const dir = join(s.parent, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'memory.max'), bytes);
      if (existsSync(join(dir, 'memory.swap.max'))) writeFileSync(join(dir, 'memory.swap.max'), '0');
      writeFileSync(join(dir, 'pids.max'), pids);
      return new SandboxCgroup([dir], 'v2');
    }
    const memory = join(s.memory, name);
    const pidsDir = join(s.pids, name);
    mkdirSync(memory);
    mkdirSync(pidsDir);
    writeFileSync(join(memory, 'memory.limit_in_bytes'), bytes);
    // Without swap accounting the limit already covers all; with it, swap may not add to it.
    if (existsSync(join(memory, 'memory.memsw.limit_in_bytes'))) {
      try {
        writeFileSync(join(memory, 'memory.memsw.limit_in_bytes'), bytes);
      } catch {
        // Swap accounting switched off at boot: the file is there but refuses writes.
      }
    }
    writeFileSync(join(pidsDir, 'pids.max'), pids);
    return new SandboxCgroup([memory, pidsDir], 'v1');
  }

  /** How many processes the kernel has killed in this cgroup for going over its memory cap. */
  oomKills(): number {
    const file = this.kind === 'v2' ? 'memory.events' : 'memory.oom_control';
    const m = /^oom_kill (\d+)$/m.exec(read(join(this.dirs[0] as string, file)));
    return m ? Number(m[1]) : 0;
  }

  /** Kills every process in the cgroup. */
  async killAll(): Promise<void> {
    const dir = this.dirs[0] as string;
    if (this.kind === 'v2' && existsSync(join(dir, 'cgroup.kill'))) {
      try {
        writeFileSync(join(dir, 'cgroup.kill'), '1');
      } catch {
        // Removed already.
      }
    }
    for (let round = 0; round < 100; round++) {
      if (this.dirs.reduce((n, d) => n + killMembers(d), 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Kills what is left and removes the cgroups. */
  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) {
      for (let round = 0; round < 100; round++) {
        try {
          rmdirSync(dir);
          break;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') break;
          killMembers(dir);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    }
  }
}
