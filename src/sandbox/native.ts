import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../util/hash.js';

// Where the executor appears inside a warm sandbox.
export const EXECUTOR_INSIDE = '/run/shipbench/executor';

const compiled = new Map<string, string | null>();

// A folder of the temp directory that belongs to this user and that sandboxes may traverse.
export function privateTempDir(): string | null {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = join(tmpdir(), `shipbench-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid) return null;
  chmodSync(dir, 0o755);
  return dir;
}

// native/<name>.c of the package compiled with the machine's C compiler on first use and cached
// by content hash; null when no C compiler works here.
export function nativeProgram(name: 'executor' | 'broker-stub' | 'launcher'): string | null {
  if (compiled.has(name)) return compiled.get(name) ?? null;
  let binary: string | null = null;
  try {
    const sourcePath = fileURLToPath(new URL(`../../native/${name}.c`, import.meta.url));
    const dir = privateTempDir();
    if (dir) {
      const target = join(dir, `${name}-${sha256(readFileSync(sourcePath)).slice(0, 16)}`);
      if (!existsSync(target)) {
        const partial = `${target}.${process.pid}.tmp`;
        const cc = spawnSync('cc', ['-O2', '-o', partial, sourcePath], { encoding: 'utf8', timeout: 120_000 });
        if (cc.status === 0) {
          chmodSync(partial, 0o755);
          renameSync(partial, target);
        } else {
          rmSync(partial, { force: true });
        }
      }
      if (existsSync(target)) binary = target;
    }
  } catch {
    binary = null;
  }
  compiled.set(name, binary);
  return binary;
}

// The compiled case executor of warm sandboxes, or null without a C compiler.
export function nativeExecutor(): string | null {
  return nativeProgram('executor');
}
