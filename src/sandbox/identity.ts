import { lchown, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// The host uid/gid sandboxes run as. When shipbench runs as root, bubblewrap itself is started
// as this unprivileged user, so nothing in a sandbox maps to root outside it.
export const SANDBOX_HOST_UID = Number(process.env.SHIPBENCH_SANDBOX_UID ?? 65534);
export const SANDBOX_HOST_GID = Number(process.env.SHIPBENCH_SANDBOX_GID ?? 65534);

export function runningAsRoot(): boolean {
  return typeof process.geteuid === 'function' && process.geteuid() === 0;
}

// Makes a tree that shipbench itself has just made (a case folder, an empty workspace, the docs)
// owned by the sandbox user, so a sandbox can write in it. A no-op unless running as root. It
// changes links, never what they point to, and never descends through one, so even a tree with
// links in it cannot hand a host file to the sandbox; trees a candidate or an agent made are
// never given this way (they are made by the sandbox user in the first place).
export async function giveToSandbox(path: string): Promise<void> {
  if (!runningAsRoot()) return;
  const pending = [path];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const st = await lstat(current);
    await lchown(current, SANDBOX_HOST_UID, SANDBOX_HOST_GID);
    if (st.isDirectory()) for (const name of await readdir(current)) pending.push(join(current, name));
  }
}
