import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

// Who a process is, across pid reuse: "host:pid:start", start being the kernel's start time of
// the process (clock ticks since boot). Leases in the store are held under this name.

// The kernel's start time of a process (clock ticks since boot), or null when it is gone.
export function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

let self: string | undefined;

// This process's owner name.
export function processOwner(): string {
  self ??= `${hostname()}:${process.pid}:${startTime(process.pid) ?? '0'}`;
  return self;
}

// True when `owner` names a process of this machine that no longer runs; a process of another
// machine is never known to be gone (its lease runs out instead).
export function ownerGone(owner: string): boolean {
  const [host, pid, start] = owner.split(':');
  if (host !== hostname() || !pid) return false;
  return startTime(Number(pid)) !== start;
}

// "pid P" for an owner of this machine, "pid P on HOST" otherwise.
export function describeOwner(owner: string): string {
  const [host, pid] = owner.split(':');
  return host === hostname() ? `pid ${pid}` : `pid ${pid} on ${host}`;
}
