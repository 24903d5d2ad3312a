import type { Limits } from '../contracts/task.js';
import type { SandboxLimits } from '../sandbox/spec.js';

const MiB = 1024 * 1024;

// Sandbox limits for running one case of a task.
export function caseLimits(limits: Limits): SandboxLimits {
  return {
    timeoutMs: limits.caseTimeoutMs,
    memoryMb: limits.memoryMb,
    processes: limits.processes,
    fileSizeMb: limits.fileSizeMb,
    diskMb: limits.diskMb,
    outputBytes: limits.outputMb * MiB,
    tmpMb: Math.min(limits.diskMb, 256),
    graceMs: 500,
  };
}

// Sandbox limits for running a submission's compile.sh: roomier than a case, same shape.
export function buildLimits(limits: Limits): SandboxLimits {
  return {
    timeoutMs: limits.buildTimeoutMs,
    memoryMb: Math.max(limits.memoryMb, 8192),
    processes: Math.max(limits.processes, 1024),
    fileSizeMb: Math.max(limits.fileSizeMb, 1024),
    diskMb: Math.max(limits.diskMb, 4096),
    outputBytes: 16 * MiB,
    tmpMb: 1024,
    graceMs: 2000,
  };
}
