import { SANDBOX_HOME, SANDBOX_PATH, type SandboxSpec } from './spec.js';
import type { HostLayout } from './host.js';
import { SECCOMP_FD } from './kernel/launcher.js';

export interface HiddenPath {
  path: string;
  isDirectory: boolean;
}

// The uid and gid the sandboxed program has inside its user namespace.
export const SANDBOX_UID = 1000;
export const SANDBOX_GID = 1000;

const MiB = 1024 * 1024;

// The supervisor runs as pid 1 inside: it sets the rlimits, runs the program as its child with the
// requested argv[0] and exits with the program's status, which ends the pid namespace and every
// process left in it.
export function supervisorScript(limits: SandboxSpec['limits']): string {
  const cpuSeconds = Math.ceil((limits.timeoutMs * 2) / 1000) + 1;
  const ulimits = [
    `-c 0`,
    `-n 1024`,
    `-u ${limits.processes}`,
    `-v ${limits.memoryMb * 1024}`,
    `-f ${limits.fileSizeMb * 1024}`,
    `-t ${cpuSeconds}`,
  ].join(' ');
  // The program's stderr is kept on fd 9 so that the shell's own job reports ("Terminated",
  // "Segmentation fault") never mix into what the program wrote. The program is the one the
  // kernel kills first when the sandbox's cgroup runs out of memory.
  return `ulimit ${ulimits} || { echo "shipbench sandbox: cannot set resource limits" >&2; exit 126; }; exec 9>&2 2>/dev/null; (echo 1000 >/proc/self/oom_score_adj; exec -a "$0" "$@" 2>&9 9>&-); exit $?`;
}

// bwrap arguments for a one-shot sandbox: the supervisor is pid 1 and runs the command. Pure.
export function bwrapArgs(spec: SandboxSpec, layout: HostLayout, hidden: readonly HiddenPath[], options: Parameters<typeof sandboxArgs>[3] = {}): string[] {
  const [program, ...rest] = spec.command;
  return [
    '--as-pid-1',
    ...sandboxArgs(spec, layout, hidden, options),
    '--',
    '/bin/bash', '-c', supervisorScript(spec.limits), spec.argv0 ?? program ?? '', program ?? '', ...rest,
  ];
}

// bwrap arguments shared by every sandbox, up to (not including) "--" and the command: namespaces,
// the read-only host, private writable mounts, binds, masks, the seccomp program (read from
// SECCOMP_FD when `seccomp` is set) and the pinned environment. Pure.
export function sandboxArgs(
  spec: Omit<SandboxSpec, 'command'>,
  layout: HostLayout,
  hidden: readonly HiddenPath[],
  options: { harnessRoots?: readonly string[]; seccomp?: boolean } = {},
): string[] {
  const args: string[] = [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--die-with-parent',
    '--uid', String(SANDBOX_UID),
    '--gid', String(SANDBOX_GID),
    '--hostname', 'sandbox',
  ];
  if (spec.network === 'open') args.push('--share-net');
  if (options.seccomp) args.push('--seccomp', String(SECCOMP_FD));
  for (const path of layout.roBinds) args.push('--ro-bind', path, path);
  for (const { path, target } of layout.symlinks) args.push('--symlink', target, path);
  // /dev is read-only (nothing can be left in it) but for its own writable mounts: /dev/shm and a
  // POSIX message queue file system, which the warm executor empties between cases.
  args.push('--proc', '/proc', '--dev', '/dev', '--mqueue', '/dev/mqueue');
  const tmpBytes = String(spec.limits.tmpMb * MiB);
  args.push('--size', tmpBytes, '--tmpfs', '/tmp');
  args.push('--size', tmpBytes, '--tmpfs', '/dev/shm');
  args.push('--remount-ro', '/dev');
  args.push('--size', tmpBytes, '--perms', '0755', '--tmpfs', SANDBOX_HOME);
  // The harness's own folders (datasets, the package, the store) are empty here; binds below may
  // show parts of them again (a reference kept in its task folder), read-only at the end.
  const harnessRoots = options.harnessRoots ?? [];
  for (const root of harnessRoots) args.push('--perms', '0755', '--tmpfs', root);
  for (const bind of spec.binds ?? []) {
    const inside = bind.inside ?? bind.host;
    const alreadyVisible =
      !bind.writable &&
      inside === bind.host &&
      layout.roBinds.some((top) => inside === top || inside.startsWith(`${top}/`)) &&
      !harnessRoots.some((root) => inside === root || inside.startsWith(`${root}/`));
    if (alreadyVisible) continue;
    args.push(bind.writable ? '--bind' : '--ro-bind', bind.host, bind.inside ?? bind.host);
  }
  const cwdInside = spec.cwdInside ?? spec.cwd;
  args.push('--bind', spec.cwd, cwdInside);
  for (const { path, isDirectory } of hidden) {
    if (isDirectory) args.push('--perms', '0000', '--tmpfs', path, '--remount-ro', path);
    else args.push('--ro-bind', '/dev/null', path);
  }
  for (const root of harnessRoots) args.push('--remount-ro', root);
  args.push('--remount-ro', '/');
  const chdir = spec.chdir ?? cwdInside;
  args.push('--chdir', chdir, '--clearenv');
  for (const [key, value] of Object.entries(sandboxEnv(spec, chdir, layout.binPaths))) args.push('--setenv', key, value);
  args.push('--json-status-fd', '3');
  return args;
}

// The pinned environment inside every sandbox; the spec's env is laid over it.
export function sandboxEnv(spec: Pick<SandboxSpec, 'env'>, cwdInside: string, binPaths: readonly string[] = []): Record<string, string> {
  return {
    PATH: [...binPaths, SANDBOX_PATH].join(':'),
    HOME: SANDBOX_HOME,
    USER: 'sandbox',
    LOGNAME: 'sandbox',
    SHELL: '/bin/sh',
    TMPDIR: '/tmp',
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    PWD: cwdInside,
    ...spec.env,
  };
}
