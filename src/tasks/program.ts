import { dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteManifest } from '../contracts/suite.js';
import { userError } from '../errors.js';
import { CASE_CWD_INSIDE, SUBMISSION_INSIDE, type Program } from '../sandbox/program.js';
import type { Task } from './load-task.js';
import { fingerprintReference, ownFiles, type ResolvedReference } from './reference.js';

// The task's reference as a program to run in a sandbox: its files are bound at their own paths.
export function referenceProgram(task: Task): Program {
  return asService(task, programOf(task.reference, task.program));
}

// A built submission (at `dir` on the host) as the program to run: ./executable, called by the
// task's program name, unable to reach `hide`.
export function candidateProgram(task: Task, dir: string, hide: string[]): Program {
  return asService(task, { role: 'candidate', command: [`${SUBMISSION_INSIDE}/executable`], argv0: task.program, binds: [{ host: dir, inside: SUBMISSION_INSIDE }], hide });
}

// The service driver (native/service-driver.mjs): runs one HTTP session against a service.
export function serviceDriverPath(): string {
  return fileURLToPath(new URL('../../native/service-driver.mjs', import.meta.url));
}

// A service task's program runs under the driver, which starts it with $PORT set, sends the case's
// requests (its stdin) and prints the transcript; other tasks' programs run as they are.
function asService(task: Task, program: Program): Program {
  if (!task.spec.service) return program;
  const driver = serviceDriverPath();
  const node = process.execPath;
  return {
    ...program,
    command: [visibleAt(node), visibleAt(driver), '--ready-ms', String(task.spec.service.readyTimeoutMs), '--', ...program.command],
    argv0: 'node',
    binds: dedupe([...program.binds, { host: dirname(driver), inside: visibleAt(dirname(driver)) }, { host: dirname(node), inside: visibleAt(dirname(node)) }]),
  };
}

// A resolved reference command as a program to run in a sandbox, called by `argv0`.
export function programOf(reference: ResolvedReference, argv0: string): Program {
  const binds = reference.files.filter(isAbsolute).map((file) => ({ host: dirname(file), inside: visibleAt(dirname(file)) }));
  return { role: 'reference', command: reference.command.map((part) => (isAbsolute(part) ? visibleAt(part) : part)), argv0, binds: dedupe(binds), hide: [] };
}

// Where a host path appears inside a case sandbox: where it is, unless the case's working
// directory (mounted at CASE_CWD_INSIDE) would shadow it — a package checked out under /work —
// then under /run/shipbench/host.
function visibleAt(host: string): string {
  return host === CASE_CWD_INSIDE || host.startsWith(`${CASE_CWD_INSIDE}/`) ? `/run/shipbench/host${host}` : host;
}

// Paths a candidate must never reach: the task's hide list, the reference's own files (an
// interpreter stays usable) and the task folder itself (it holds the hidden suite).
export function protectedPaths(task: Task): string[] {
  return [...new Set([...task.spec.hide, ...ownFiles(task.reference.files), task.dir])];
}

// Refuses a suite recorded from another build of the reference than the one on this machine.
export async function checkFingerprint(task: Task, manifest: SuiteManifest): Promise<string> {
  const local = await fingerprintReference(task.reference.files);
  if (local !== manifest.reference.fingerprint) {
    throw userError(
      'suite.fingerprint',
      `the ${task.id} suite was recorded from another build of ${task.reference.command[0]} (${manifest.reference.fingerprint.slice(0, 19)}… vs ${local.slice(0, 19)}… here)`,
      `rebuild it for this machine with: shipbench tasks build ${task.id}`,
    );
  }
  return local;
}

function dedupe<T extends { host: string }>(binds: T[]): T[] {
  const seen = new Set<string>();
  return binds.filter((b) => !seen.has(b.host) && seen.add(b.host));
}
