import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../util/hash.js';
import { privateTempDir } from '../util/scratch.js';

// Where the executor appears inside a warm sandbox.
export const EXECUTOR_INSIDE = '/run/shipbench/executor';

const compiled = new Map<string, string | null>();

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
