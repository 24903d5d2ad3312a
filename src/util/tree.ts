import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, readlink, rm, symlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

// Folder trees that a candidate, an agent or a user made: read, copied and removed by the harness
// without ever following a link out of them, opening a fifo, or building a path the kernel cannot
// name. Nothing in such a tree may be running while these run (its sandbox is gone).

export interface TreeEntry {
  /** Path relative to the tree's root, '/'-separated. */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  /** Apparent size in bytes (a link's: its target's length). */
  size: number;
  /** Bytes allocated on disk. */
  allocated: number;
  mode: number;
}

export interface TreeLimits {
  /** Folder levels below the root. */
  maxDepth: number;
  /** Bytes of a path relative to the root. */
  maxPathBytes: number;
  maxEntries: number;
  /** Sum of the apparent sizes of the files. */
  maxBytes: number;
}

export interface TreeProblem {
  kind: 'special-file' | 'too-deep' | 'too-many-entries' | 'too-large' | 'bad-name' | 'unreadable';
  /** The offending path, relative to the root. */
  path: string;
  message: string;
}

export interface InspectedTree {
  entries: TreeEntry[];
  /** Apparent bytes of all files. */
  bytes: number;
  /** Empty when the whole tree was read within the limits. */
  problems: TreeProblem[];
}

// Lists a tree within limits: every folder, file and link (links are listed, never followed).
// What is past a limit or of another kind (fifo, socket, device) is a problem, named by path; the
// walk goes on elsewhere, so a caller may also use the part it could read.
export async function inspectTree(root: string, limits: TreeLimits): Promise<InspectedTree> {
  const entries: TreeEntry[] = [];
  const problems: TreeProblem[] = [];
  let bytes = 0;
  const problem = (kind: TreeProblem['kind'], path: string, message: string) => {
    if (problems.length < 20) problems.push({ kind, path, message });
  };
  const pending: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  while (pending.length > 0) {
    const { rel, depth } = pending.pop() as { rel: string; depth: number };
    let names: Buffer[];
    try {
      names = await readdir(rel ? join(root, rel) : root, { encoding: 'buffer' });
    } catch (error) {
      problem('unreadable', rel || '.', `${rel || 'the folder'} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    names.sort(Buffer.compare);
    for (const raw of names) {
      const name = raw.toString('utf8');
      const path = rel ? `${rel}/${name}` : name;
      if (!Buffer.from(name, 'utf8').equals(raw)) {
        problem('bad-name', path, `${JSON.stringify(path)} has a name that is not valid UTF-8`);
        continue;
      }
      if (Buffer.byteLength(path) > limits.maxPathBytes) {
        problem('too-deep', path, `${excerpt(path)} has a path longer than ${limits.maxPathBytes} bytes`);
        continue;
      }
      if (entries.length >= limits.maxEntries) {
        problem('too-many-entries', path, `the tree holds more than ${limits.maxEntries} files and folders`);
        return { entries, bytes, problems };
      }
      let st;
      try {
        st = await lstat(join(root, path));
      } catch (error) {
        problem('unreadable', path, `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      const base = { path, size: st.size, allocated: st.blocks * 512, mode: st.mode & 0o7777 };
      if (st.isDirectory()) {
        if (depth + 1 > limits.maxDepth) {
          problem('too-deep', path, `${excerpt(path)} is nested more than ${limits.maxDepth} folders deep`);
          continue;
        }
        entries.push({ ...base, kind: 'dir' });
        pending.push({ rel: path, depth: depth + 1 });
      } else if (st.isSymbolicLink()) {
        entries.push({ ...base, kind: 'symlink' });
      } else if (st.isFile()) {
        bytes += st.size;
        if (bytes > limits.maxBytes) {
          problem('too-large', path, `the files add up to more than ${formatBytes(limits.maxBytes)} (at ${path})`);
          return { entries, bytes, problems };
        }
        entries.push({ ...base, kind: 'file' });
      } else {
        problem('special-file', path, `${path} is a ${st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device'}, not a file or a folder`);
      }
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, bytes, problems };
}

// Copies what inspectTree listed into `target` (which must not exist): folders, files (sparse
// files stay sparse) and links as links. Entries must come from an inspection of `source`.
export async function copyTree(source: string, target: string, entries: readonly TreeEntry[]): Promise<void> {
  await mkdir(target, { mode: 0o755 });
  for (const entry of entries) {
    const from = join(source, entry.path);
    const to = join(target, entry.path);
    if (entry.kind === 'dir') await mkdir(to, { mode: 0o700 });
    else if (entry.kind === 'symlink') await symlink(await readlink(from), to);
    else await copyRegularFile(from, to, entry.mode);
  }
  // Folder modes last, so a read-only folder could still be filled; owner access always kept.
  for (const entry of entries) if (entry.kind === 'dir') await chmod(join(target, entry.path), (entry.mode & 0o777) | 0o700);
}

const CHUNK = 1024 * 1024;
const ZERO = Buffer.alloc(CHUNK);

// Copies a regular file without following a link or opening a fifo in its place; runs of zeros
// become holes, so a sparse file is not inflated.
async function copyRegularFile(from: string, to: string, mode: number): Promise<void> {
  const input = await open(from, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = await input.stat();
    if (!st.isFile()) throw Object.assign(new Error(`${from} is no longer a regular file`), { code: 'EINVAL' });
    const output = await open(to, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, (mode & 0o777) | 0o600);
    try {
      const buffer = Buffer.alloc(CHUNK);
      let position = 0;
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, CHUNK, position);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        if (!chunk.equals(ZERO.subarray(0, bytesRead))) await output.write(chunk, 0, bytesRead, position);
        position += bytesRead;
      }
      await output.truncate(position);
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

// Opens `rel` below `root` for reading when it is a regular file reached through folders only (no
// link on the way, no fifo, no device); null otherwise.
async function openInside(root: string, rel: string): Promise<FileHandle | null> {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return null;
  let path = root;
  for (const part of parts.slice(0, -1)) {
    path = join(path, part);
    try {
      if (!(await lstat(path)).isDirectory()) return null;
    } catch {
      return null;
    }
  }
  let handle: FileHandle;
  try {
    handle = await open(join(path, parts.at(-1) as string), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  if ((await handle.stat()).isFile()) return handle;
  await handle.close();
  return null;
}

// Reads `rel` below `root` (see openInside) up to `maxBytes`; null when it is not such a file.
export async function readFileInside(root: string, rel: string, maxBytes: number): Promise<Buffer | null> {
  const handle = await openInside(root, rel);
  if (!handle) return null;
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(64 * 1024);
    while (total < maxBytes) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, maxBytes - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

// sha256 of `rel` below `root` (see openInside), streamed; null when it is not such a file.
export async function hashFileInside(root: string, rel: string): Promise<string | null> {
  const handle = await openInside(root, rel);
  if (!handle) return null;
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

// Removes a tree whatever a sandboxed program left in it: folders without permissions, links, and
// nesting too deep for paths to name (rm -rf works below those with relative steps).
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
    return;
  } catch {
    // Fall through to the tools that walk by descriptor.
  }
  if ((await run('rm', ['-rf', '--one-file-system', '--', path])) === 0) return;
  await run('chmod', ['-R', 'u+rwx', '--', path]);
  await run('rm', ['-rf', '--one-file-system', '--', path]);
}

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', () => resolve(null));
    child.once('close', (code) => resolve(code));
  });
}

function excerpt(path: string): string {
  return path.length > 80 ? `${path.slice(0, 40)}…${path.slice(-30)}` : path;
}

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`;
}
