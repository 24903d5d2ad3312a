import { userError } from '../../errors.js';
import { runningAsRoot, SANDBOX_HOST_GID, SANDBOX_HOST_UID } from '../identity.js';
import { nativeProgram } from '../native.js';
import type { SandboxCgroup } from './cgroup.js';

// The descriptor bubblewrap reads the seccomp program from (see seccomp.ts), in every sandbox's
// stdio layout.
export const SECCOMP_FD = 5;

// The command prefix that starts bubblewrap through native/launcher.c: a fresh session keyring,
// the sandbox's cgroups, the unprivileged host user when shipbench is root, and a parent-death
// signal. With `timesFd` the launcher reports the CPU time of the reaped tree there.
export function launcherPrefix(options: { cgroup: SandboxCgroup | null; timesFd?: number }): string[] {
  const launcher = nativeProgram('launcher');
  if (!launcher) throw userError('sandbox.launcher', 'shipbench sandboxes need a C compiler (cc) to build their launcher, and none works here', 'install one: apt-get install -y gcc');
  const args = [launcher];
  if (runningAsRoot()) args.push('--uid', String(SANDBOX_HOST_UID), '--gid', String(SANDBOX_HOST_GID));
  for (const dir of options.cgroup?.dirs ?? []) args.push('--cgroup', dir);
  if (options.timesFd !== undefined) args.push('--times-fd', String(options.timesFd));
  args.push('--');
  return args;
}
