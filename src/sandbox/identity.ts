import { existsSync } from 'node:fs';
import { chown, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// The host uid/gid sandboxes run as. When shipbench runs as root, bubblewrap itself is started
// as this unprivileged user, so nothing in a sandbox maps to root outside it.
export const SANDBOX_HOST_UID = Number(process.env.SHIPBENCH_SANDBOX_UID ?? 65534);
export const SANDBOX_HOST_GID = Number(process.env.SHIPBENCH_SANDBOX_GID ?? 65534);

export function runningAsRoot(): boolean {
  return typeof process.geteuid === 'function' && process.geteuid() === 0;
}

// Makes `path` (recursively) owned by the sandbox user so a sandbox can write in it. A no-op
// unless running as root, where files we create would otherwise belong to root.
export async function giveToSandbox(path: string): Promise<void> {
  if (!runningAsRoot()) return;
  const st = await lstat(path);
  await chown(path, SANDBOX_HOST_UID, SANDBOX_HOST_GID);
  if (!st.isDirectory()) return;
  for (const name of await readdir(path)) await giveToSandbox(join(path, name));
}

let setprivFound: boolean | undefined;

// The command prefix bubblewrap's launcher starts with: it dies with shipbench (a parent-death
// signal, so a killed harness takes its sandboxes along: bubblewrap follows its launcher with
// --die-with-parent) and, when shipbench runs as root, it drops to the sandbox user first.
export function dropPrivilegesPrefix(): string[] {
  setprivFound ??= existsSync('/usr/bin/setpriv') || existsSync('/bin/setpriv');
  // As root setpriv is required (dropping root is not optional); otherwise it is a nicety.
  if (!setprivFound && !runningAsRoot()) return [];
  const drop = runningAsRoot() ? [`--reuid=${SANDBOX_HOST_UID}`, `--regid=${SANDBOX_HOST_GID}`, '--clear-groups', '--inh-caps=-all'] : [];
  return ['setpriv', ...drop, '--pdeathsig', 'KILL', '--'];
}
