import { dirname, isAbsolute } from 'node:path';
import type { SuiteManifest } from '../contracts/suite.js';
import { userError } from '../errors.js';
import type { Program } from '../sandbox/program.js';
import type { Task } from './load-task.js';
import { fingerprintReference, type ResolvedReference } from './reference.js';

// The task's reference as a program to run in a sandbox: its files are bound at their own paths.
export function referenceProgram(task: Task): Program {
  return programOf(task.reference, task.program);
}

// A resolved reference command as a program to run in a sandbox, called by `argv0`.
export function programOf(reference: ResolvedReference, argv0: string): Program {
  const binds = reference.files.filter(isAbsolute).map((file) => ({ host: dirname(file) }));
  return { role: 'reference', command: reference.command, argv0, binds: dedupe(binds), hide: [] };
}

// Paths a candidate must never reach: the task's hide list, the reference's files and the task
// folder itself (it holds the hidden suite).
export function protectedPaths(task: Task): string[] {
  return [...new Set([...task.spec.hide, ...task.reference.files, task.dir])];
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
