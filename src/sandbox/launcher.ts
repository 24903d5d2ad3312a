import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../util/hash.js';

// The per-case launcher of warm sandboxes: sets the rlimits of one case, then execs the program
// with the argv[0] asked for. In C because it runs once per case and must cost no more than the
// exec a bare run pays anyway; without a C compiler, bash does the same job a little slower.
const LAUNCHER_C = String.raw`#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void cap(int resource, const char *value, unsigned long long unit) {
  unsigned long long n = strtoull(value, 0, 10);
  struct rlimit r;
  if (n == 0) return;
  r.rlim_cur = r.rlim_max = (rlim_t)(n * unit);
  setrlimit(resource, &r);
}

/* launch AS_MB CPU_S NPROC FSIZE_MB NOFILE ARGV0 FILE [ARG...]; a limit of 0 is left as it is. */
int main(int argc, char **argv) {
  struct rlimit none = {0, 0};
  if (argc < 8) { fputs("launch: usage: AS_MB CPU_S NPROC FSIZE_MB NOFILE ARGV0 FILE [ARG...]\n", stderr); return 125; }
  cap(RLIMIT_AS, argv[1], 1024ULL * 1024ULL);
  cap(RLIMIT_CPU, argv[2], 1ULL);
  cap(RLIMIT_NPROC, argv[3], 1ULL);
  cap(RLIMIT_FSIZE, argv[4], 1024ULL * 1024ULL);
  cap(RLIMIT_NOFILE, argv[5], 1ULL);
  setrlimit(RLIMIT_CORE, &none);
  {
    char *file = argv[7];
    argv[7] = argv[6];
    execvp(file, argv + 7);
    fprintf(stderr, "%s: %s\n", file, strerror(errno));
  }
  return errno == ENOENT ? 127 : 126;
}
`;

let cached: string | null | undefined;

// The compiled launcher (built once per machine and cached in the temp folder), or null when no
// C compiler is available.
export function nativeLauncher(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = join(tmpdir(), `shipbench-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid) return null;
    chmodSync(dir, 0o755);
    const binary = join(dir, `launch-${sha256(LAUNCHER_C).slice(0, 12)}`);
    if (!existsSync(binary)) {
      const source = `${binary}.c`;
      writeFileSync(source, LAUNCHER_C);
      const partial = `${binary}.${process.pid}.tmp`;
      const cc = spawnSync('cc', ['-O2', '-o', partial, source], { stdio: 'ignore', timeout: 60_000 });
      if (cc.status !== 0) return null;
      chmodSync(partial, 0o755);
      renameSync(partial, binary);
    }
    cached = binary;
  } catch {
    cached = null;
  }
  return cached;
}

export interface LaunchLimits {
  memoryMb: number;
  cpuSeconds: number;
  processes: number;
  fileSizeMb: number;
  openFiles: number;
}

// Where the launcher appears inside a warm sandbox.
export const LAUNCHER_INSIDE = '/run/shipbench/launch';

// The command that starts `file` with `argv0` under `limits` inside a warm sandbox.
export function launchCommand(native: boolean, limits: LaunchLimits, argv0: string, file: string, args: readonly string[]): string[] {
  const numbers = [limits.memoryMb, limits.cpuSeconds, limits.processes, limits.fileSizeMb, limits.openFiles].map(String);
  if (native) return [LAUNCHER_INSIDE, ...numbers, argv0, file, ...args];
  const [as, cpu, nproc, fsize, nofile] = numbers;
  const script = `ulimit -c 0 -v ${Number(as) * 1024} -t ${cpu} -u ${nproc} -f ${Number(fsize) * 1024} -n ${nofile} || exit 125; exec -a "$0" "$@"`;
  return ['/bin/bash', '-c', script, argv0, file, ...args];
}
