import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../util/hash.js';

// native/executor.c of the package, beside src/ and dist/.
const SOURCE = fileURLToPath(new URL('../../native/executor.c', import.meta.url));

// Where the executor appears inside a warm sandbox.
export const EXECUTOR_INSIDE = '/run/shipbench/executor';

let cached: string | null | undefined;

// The compiled case executor, built with the machine's C compiler on first use and cached in a
// folder of the temp directory that belongs to this user; null when no C compiler works here.
export function nativeExecutor(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = join(tmpdir(), `shipbench-${uid}`);
  try {
    const source = readFileSync(SOURCE);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid) return null;
    chmodSync(dir, 0o755);
    const binary = join(dir, `executor-${sha256(source).slice(0, 16)}`);
    if (!existsSync(binary)) {
      const partial = `${binary}.${process.pid}.tmp`;
      const cc = spawnSync('cc', ['-O2', '-o', partial, SOURCE], { encoding: 'utf8', timeout: 120_000 });
      if (cc.status !== 0) {
        rmSync(partial, { force: true });
        return null;
      }
      chmodSync(partial, 0o755);
      renameSync(partial, binary);
    }
    cached = binary;
  } catch {
    cached = null;
  }
  return cached;
}
