import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTime } from './owner.js';
import { removeTree } from './tree.js';

// Temporary folders. Every folder a process makes (episodes, grades, recordings) lives under one
// folder of its own, $TMPDIR/shipbench-<uid>/p-<pid>-<start>; the first process to need one after
// a crash removes the folders of processes that are gone, so a killed run leaves nothing behind
// for long (not an agent's workspace, not a candidate's build).

// A folder of the temp directory that belongs to this user and that sandboxes may traverse; null
// when it exists but belongs to someone else.
export function privateTempDir(): string | null {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = join(tmpdir(), `shipbench-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid) return null;
  chmodSync(dir, 0o755);
  return dir;
}

let root: Promise<string> | undefined;

async function processRoot(): Promise<string> {
  const base = privateTempDir();
  if (!base) throw new Error(`${join(tmpdir(), 'shipbench-*')} belongs to another user; set TMPDIR to a folder of your own`);
  const mine = `p-${process.pid}-${startTime(process.pid) ?? '0'}`;
  for (const name of readdirSync(base)) {
    const m = /^p-(\d+)-(\d+)$/.exec(name);
    if (!m || name === mine || startTime(Number(m[1])) === m[2]) continue;
    await removeTree(join(base, name));
  }
  const dir = join(base, mine);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

// A new empty folder for temporary work, traversable by sandboxes (0755); the caller removes it.
export async function scratchDir(purpose: string): Promise<string> {
  root ??= processRoot();
  const dir = await mkdtemp(join(await root, `${purpose}-`));
  await chmod(dir, 0o755);
  return dir;
}
