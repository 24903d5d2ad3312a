import { lstat, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildFailure } from '../contracts/grade.js';
import { userError } from '../errors.js';
import { giveToSandbox } from '../sandbox/identity.js';
import { runSandboxed } from '../sandbox/run.js';
import { caseLimitDefaults } from '../sandbox/spec.js';
import { sha256, sha256File } from '../util/hash.js';
import { copyTree, hashFileInside, inspectTree, removeTree, type InspectedTree, type TreeLimits } from '../util/tree.js';
import { identicalCopies } from './reference-copy.js';

export interface PreparedSubmission {
  kind: 'directory' | 'tarball';
  /** The path the user gave, absolute. */
  source: string;
  /** A private working copy, owned by the sandbox user; builds run here and may change it. */
  dir: string;
  /** sha256 of the tarball, or of the directory listing with every file's hash. */
  sha256: string;
  removedFiles: { path: string; reason: string }[];
}

export type PreparationFailure = { failure: BuildFailure; message: string };

const TARBALL = /\.(tar\.gz|tgz|tar)$/;
const MiB = 1024 * 1024;

// What a submission may hold: folders nested this deep, paths this long, this many entries and
// bytes (apparent sizes, so a sparse file counts at its full size). Past any of them, or with a
// fifo, socket or device in it, a submission is unreadable — a verdict, never a crash.
export const SUBMISSION_LIMITS: TreeLimits = { maxDepth: 64, maxPathBytes: 2048, maxEntries: 100_000, maxBytes: 4096 * MiB };

// Copies or unpacks a submission into `workDir` and removes any file whose bytes equal the
// reference's (a rebuild may not ship the reference itself). A path that does not exist is the
// user's error; a submission that cannot be read within the limits is the submission's failure.
// Nothing in it is ever followed out of it: links are copied as links, and archives are unpacked
// by tar in a sandbox as the sandbox user.
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
  let digest: string | null = null;
  let tree: InspectedTree;
  if (info.isDirectory()) {
    kind = 'directory';
    tree = await inspectTree(source, SUBMISSION_LIMITS);
    if (tree.problems.length > 0) return unreadable(tree);
    await copyTree(source, dir, tree.entries);
    await giveToSandbox(dir);
  } else if (TARBALL.test(source)) {
    kind = 'tarball';
    digest = await sha256File(source);
    const failure = await unpackInSandbox(source, dir, workDir);
    if (failure) return failure;
    tree = await inspectTree(dir, SUBMISSION_LIMITS);
    if (tree.problems.length > 0) return unreadable(tree);
  } else {
    throw userError('submission.kind', `submission ${source} is neither a folder nor a .tar.gz`, 'give a folder with compile.sh or a .tar.gz of one');
  }
  digest ??= await hashTree(dir, tree);
  const removedFiles = [];
  for (const path of await identicalCopies(dir, tree.entries, referenceFiles)) {
    await removeTree(join(dir, path));
    removedFiles.push({ path, reason: 'identical to the reference program' });
  }
  return { kind, source, dir, sha256: digest, removedFiles };
}

function unreadable(tree: InspectedTree): PreparationFailure {
  const first = tree.problems[0];
  return { failure: 'unreadable-submission', message: `the submission cannot be graded: ${first?.message ?? 'it cannot be read'}` };
}

// Unpacks a tarball with tar running inside a sandbox, so a hostile archive can only write into
// its own folder. A single top-level folder without compile.sh beside it is taken as the root.
async function unpackInSandbox(tarball: string, dir: string, workDir: string): Promise<PreparationFailure | null> {
  const unpackDir = join(workDir, 'unpack');
  await mkdirOwned(unpackDir);
  const gzip = !tarball.endsWith('.tar');
  const result = await runSandboxed({
    command: ['tar', gzip ? '-xzf' : '-xf', '-', '--no-same-owner', '--no-same-permissions'],
    cwd: unpackDir,
    stdin: await readFile(tarball),
    limits: { ...caseLimitDefaults, timeoutMs: 120_000, diskMb: SUBMISSION_LIMITS.maxBytes / MiB, fileSizeMb: 1024, tmpMb: 64 },
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

async function mkdirOwned(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  await giveToSandbox(path);
}

// A content hash of a folder: every path with its file hash (or link target), sorted.
async function hashTree(dir: string, tree: InspectedTree): Promise<string> {
  const lines: string[] = [];
  for (const entry of tree.entries) {
    if (entry.kind === 'dir') continue;
    const what = entry.kind === 'symlink' ? 'link' : ((await hashFileInside(dir, entry.path)) ?? 'unreadable');
    lines.push(`${entry.path}\0${what}\0${entry.mode & 0o111 ? 'x' : '-'}`);
  }
  return sha256(lines.join('\n'));
}
