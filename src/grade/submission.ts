import { cp, lstat, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BuildFailure } from '../contracts/grade.js';
import { userError } from '../errors.js';
import { giveToSandbox } from '../sandbox/identity.js';
import { runSandboxed } from '../sandbox/run.js';
import { caseLimitDefaults } from '../sandbox/spec.js';
import { sha256, sha256File } from '../util/hash.js';
import { removeTree } from '../util/fs.js';

export interface PreparedSubmission {
  kind: 'directory' | 'tarball';
  /** The path the user gave, absolute. */
  source: string;
  /** A private working copy; builds run here and may change it. */
  dir: string;
  /** sha256 of the tarball, or of the directory listing with every file's hash. */
  sha256: string;
  removedFiles: { path: string; reason: string }[];
}

export type PreparationFailure = { failure: BuildFailure; message: string };

const TARBALL = /\.(tar\.gz|tgz|tar)$/;

// Copies or unpacks a submission into `workDir` and removes any file whose bytes equal the
// reference's (a rebuild may not ship the reference itself). A path that does not exist is the
// user's error; an archive that does not unpack is the submission's failure.
export async function prepareSubmission(
  source: string,
  workDir: string,
  referenceFiles: readonly string[],
): Promise<PreparedSubmission | PreparationFailure> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw userError('submission.missing', `submission ${source} does not exist`, 'give a folder with compile.sh or a .tar.gz of one');
  }
  const dir = join(workDir, 'submission');
  let kind: PreparedSubmission['kind'];
  let digest: string;
  if (info.isDirectory()) {
    kind = 'directory';
    await cp(source, dir, { recursive: true, verbatimSymlinks: true, errorOnExist: false });
    digest = await hashTree(dir);
  } else if (TARBALL.test(source)) {
    kind = 'tarball';
    digest = await sha256File(source);
    const failure = await unpackInSandbox(source, dir, workDir);
    if (failure) return failure;
  } else {
    throw userError('submission.kind', `submission ${source} is neither a folder nor a .tar.gz`, 'give a folder with compile.sh or a .tar.gz of one');
  }
  const removedFiles = await removeReferenceCopies(dir, referenceFiles);
  return { kind, source, dir, sha256: digest, removedFiles };
}

// Unpacks a tarball with tar running inside a sandbox, so a hostile archive can only write into
// its own folder. A single top-level folder without compile.sh beside it is taken as the root.
async function unpackInSandbox(tarball: string, dir: string, workDir: string): Promise<PreparationFailure | null> {
  const unpackDir = join(workDir, 'unpack');
  await mkdir(unpackDir, { recursive: true });
  await giveToSandbox(unpackDir);
  const gzip = !tarball.endsWith('.tar');
  const result = await runSandboxed({
    command: ['tar', gzip ? '-xzf' : '-xf', '-', '--no-same-owner', '--no-same-permissions'],
    cwd: unpackDir,
    stdin: await readFile(tarball),
    limits: { ...caseLimitDefaults, timeoutMs: 120_000, diskMb: 4096, fileSizeMb: 1024, tmpMb: 64 },
    network: 'cleanroom',
  });
  if (result.outcome.endedBy !== 'exit' || result.outcome.exitCode !== 0) {
    const why = result.stderr.toString('utf8').trim().split('\n')[0] || result.outcome.error || result.outcome.endedBy;
    return { failure: 'unreadable-submission', message: `the submission archive does not unpack: ${why}` };
  }
  const entries = await readdir(unpackDir);
  const only = entries.length === 1 ? join(unpackDir, entries[0] as string) : null;
  const root = only && (await lstat(only)).isDirectory() ? only : unpackDir;
  await rename(root, dir);
  if (root !== unpackDir) await removeTree(unpackDir);
  return null;
}

// Removes files whose content equals one of the reference files; reports each by path.
async function removeReferenceCopies(dir: string, referenceFiles: readonly string[]): Promise<{ path: string; reason: string }[]> {
  if (referenceFiles.length === 0) return [];
  const bySize = new Map<number, Set<string>>();
  for (const file of referenceFiles) {
    const size = (await stat(file)).size;
    const hashes = bySize.get(size) ?? new Set<string>();
    hashes.add(await sha256File(file));
    bySize.set(size, hashes);
  }
  const removed: { path: string; reason: string }[] = [];
  for await (const file of walkFiles(dir)) {
    const st = await lstat(file);
    const hashes = bySize.get(st.size);
    if (!st.isFile() || !hashes) continue;
    if (hashes.has(await sha256File(file))) {
      await removeTree(file);
      removed.push({ path: relative(dir, file), reason: 'identical to the reference program' });
    }
  }
  return removed;
}

async function* walkFiles(dir: string): AsyncGenerator<string> {
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const st = await lstat(path);
    if (st.isDirectory()) yield* walkFiles(path);
    else yield path;
  }
}

// A content hash of a folder: every path with its file hash (or link target), sorted.
async function hashTree(dir: string): Promise<string> {
  const lines: string[] = [];
  for await (const file of walkFiles(dir)) {
    const st = await lstat(file);
    const what = st.isSymbolicLink() ? `link` : st.isFile() ? await sha256File(file) : 'other';
    lines.push(`${relative(dir, file)}\0${what}\0${st.mode & 0o111 ? 'x' : '-'}`);
  }
  return sha256(lines.join('\n'));
}
