import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CoverageRecipe } from '../contracts/coverage.js';
import { userError } from '../errors.js';
import type { Task } from '../tasks/load-task.js';
import { ownFiles } from '../tasks/reference.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { removeTree } from '../util/tree.js';

// An instrumented build of a task's reference from its source (task.yaml `coverage:`): fetched
// (a Debian source package at the installed version, through an apt configuration of its own so
// the system's is never touched, or a folder of the task), built with the recipe's commands and
// kept in a cache, keyed by the recipe and the reference's fingerprint.

export interface InstrumentedBuild {
  /** The source tree, holding the objects' .gcno files. */
  tree: string;
  /** The instrumented program. */
  binary: string;
  /** Where the source came from, for the report. */
  source: string;
}

// Where instrumented builds are kept: $XDG_CACHE_HOME/shipbench/coverage (~/.cache/…); as root
// /var/cache/shipbench/coverage, since sandboxes run as another user, who cannot enter /root.
export function coverageCacheRoot(): string {
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'shipbench', 'coverage');
  if (process.geteuid?.() === 0) return '/var/cache/shipbench/coverage';
  return join(homedir(), '.cache', 'shipbench', 'coverage');
}

interface Step {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Step> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => (output = (output + d.toString('utf8')).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => resolve({ code: null, output: error.message }));
    child.once('close', (code) => resolve({ code, output }));
  });
}

function tail(output: string): string {
  return output.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
}

// Builds (or finds in the cache) the instrumented reference of a task.
export async function instrumentedBuild(task: Task, recipe: CoverageRecipe, fingerprint: string, log: (line: string) => void, cacheRoot = coverageCacheRoot()): Promise<InstrumentedBuild> {
  // One build serves every task built from the same source the same way (18 coreutils tasks share
  // one): the key is the source and the build steps, plus the task folder for a folder source.
  const origin = 'dir' in recipe.source ? { dir: join(task.dir, recipe.source.dir), fingerprint } : { ...recipe.source };
  const key = sha256(canonicalJson({ origin, build: recipe.build })).slice(0, 12);
  const dir = join(cacheRoot, `${'dir' in recipe.source ? task.id : recipe.source.debian}-${key}`);
  const tree = join(dir, 'tree');
  const stamp = join(dir, 'built.json');
  const binary = join(tree, recipe.binary);
  if (existsSync(stamp) && existsSync(binary)) {
    const done = JSON.parse(await readFile(stamp, 'utf8')) as { source: string };
    return { tree, binary, source: done.source };
  }
  await installNeeds(recipe.needs, log);
  await removeTree(dir);
  await mkdir(dir, { recursive: true });
  let source: string;
  if ('dir' in recipe.source) {
    const from = join(task.dir, recipe.source.dir);
    if (!existsSync(from)) throw userError('coverage.source', `${task.id}: coverage.source.dir ${recipe.source.dir} does not exist in the task folder`, 'fix the path in task.yaml');
    await cp(from, tree, { recursive: true });
    source = `folder ${recipe.source.dir}`;
  } else {
    source = await fetchDebianSource(task, recipe.source, dir, tree, log);
  }
  for (const line of recipe.build) {
    log(`coverage: ${task.id}: ${line}`);
    const step = await run('/bin/sh', ['-c', line], { cwd: tree, env: { FORCE_UNSAFE_CONFIGURE: '1', LC_ALL: 'C' } });
    if (step.code !== 0) throw userError('coverage.build', `${task.id}: the coverage build step "${line}" failed (exit ${step.code}): ${tail(step.output)}`, 'fix coverage.build in task.yaml, or install what it lacks');
  }
  if (!existsSync(binary)) throw userError('coverage.build', `${task.id}: the coverage build made no ${recipe.binary}`, 'fix coverage.binary or coverage.build in task.yaml');
  await writeFile(stamp, `${JSON.stringify({ source, origin, build: recipe.build })}\n`);
  return { tree, binary, source };
}

async function installNeeds(needs: readonly string[], log: (line: string) => void): Promise<void> {
  const missing: string[] = [];
  for (const pkg of needs) {
    const status = await run('dpkg-query', ['-W', '-f=${Status}', pkg], { cwd: '/' });
    if (!status.output.includes('install ok installed')) missing.push(pkg);
  }
  if (missing.length === 0) return;
  if (process.geteuid?.() !== 0) throw userError('coverage.needs', `the coverage build needs ${missing.join(', ')}`, `install them: sudo apt-get install -y ${missing.join(' ')}`);
  log(`coverage: installing ${missing.join(' ')} with apt-get`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { cwd: '/', env });
  const install = await run('apt-get', ['install', '-y', '-qq', ...missing], { cwd: '/', env });
  if (install.code !== 0) throw userError('coverage.needs', `installing ${missing.join(', ')} failed: ${tail(install.output)}`, `run: apt-get install -y ${missing.join(' ')}`);
}

// The installed Debian package that owns a file, with its source package and version.
async function owningSource(file: string): Promise<{ binary: string; source: string; version: string } | null> {
  const candidates = [file, realpathSync(file), file.replace(/^\/usr\//, '/'), realpathSync(file).replace(/^\/usr\//, '/')];
  for (const path of new Set(candidates)) {
    const owner = await run('dpkg', ['-S', path], { cwd: '/' });
    const m = /^([^:\s,]+)(?::[^:\s]+)?: /.exec(owner.output);
    if (owner.code !== 0 || !m) continue;
    const info = await run('dpkg-query', ['-W', '-f=${source:Package}\t${source:Version}', m[1] as string], { cwd: '/' });
    const [source, version] = info.output.trim().split('\t');
    if (info.code === 0 && source && version) return { binary: m[1] as string, source, version };
  }
  return null;
}

// Fetches and unpacks the Debian source package of the installed reference, at its version,
// with its patches applied (all, or the series up to a named one).
async function fetchDebianSource(task: Task, wanted: { debian: string; version?: string; patches?: string }, dir: string, tree: string, log: (line: string) => void): Promise<string> {
  const file = ownFiles(task.reference.files)[0];
  const owner = file ? await owningSource(file) : null;
  if (!owner) throw userError('coverage.source', `${task.id}: no installed Debian package owns ${file ?? 'the reference'}`, 'use coverage.source.dir with the program\'s source instead');
  if (owner.source !== wanted.debian) throw userError('coverage.source', `${task.id}: the reference comes from the Debian source package ${owner.source}, not ${wanted.debian}`, `set coverage.source.debian to ${owner.source}`);
  const version = wanted.version ?? owner.version;
  const apt = join(dir, 'apt');
  await mkdir(join(apt, 'lists', 'partial'), { recursive: true });
  await mkdir(join(apt, 'cache', 'archives', 'partial'), { recursive: true });
  await mkdir(join(apt, 'sources'), { recursive: true });
  await writeFile(
    join(apt, 'sources', 'debian-src.sources'),
    [
      'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
      'Types: deb-src\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
    ].join('\n'),
  );
  await writeFile(
    join(apt, 'apt.conf'),
    `Dir::Etc::SourceList "/dev/null";\nDir::Etc::SourceParts "${join(apt, 'sources')}";\nDir::State::Lists "${join(apt, 'lists')}";\nDir::Cache "${join(apt, 'cache')}";\nAPT::Sandbox::User "root";\n`,
  );
  const env = { APT_CONFIG: join(apt, 'apt.conf') };
  log(`coverage: ${task.id}: fetching the source of ${owner.source} ${version}`);
  const update = await run('apt-get', ['update', '-qq'], { cwd: dir, env });
  if (update.code !== 0) throw userError('coverage.source', `apt-get update (deb-src, private configuration) failed: ${tail(update.output)}`, 'check the network to deb.debian.org');
  const download = await run('apt-get', ['source', '--download-only', '-qq', `${owner.source}=${version}`], { cwd: dir, env });
  if (download.code !== 0) throw userError('coverage.source', `the source of ${owner.source} ${version} cannot be fetched: ${tail(download.output)}`, 'the archive may no longer serve this version: name one it serves in coverage.source.version (with coverage.source.patches to match the installed build), or use coverage.source.dir');
  const dsc = (await readdir(dir)).find((name) => name.endsWith('.dsc'));
  if (!dsc) throw userError('coverage.source', `no .dsc was fetched for ${owner.source}`, 'check the network to deb.debian.org');
  const unpack = await run('dpkg-source', ['-x', ...(wanted.patches ? ['--skip-patches'] : []), dsc, tree], { cwd: dir });
  if (unpack.code !== 0) throw userError('coverage.source', `dpkg-source could not unpack ${dsc}: ${tail(unpack.output)}`, 'install dpkg-dev');
  if (wanted.patches) {
    const series = (await readFile(join(tree, 'debian', 'patches', 'series'), 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const last = series.indexOf(wanted.patches);
    if (last < 0) throw userError('coverage.source', `${task.id}: coverage.source.patches: ${wanted.patches} is not in debian/patches/series`, 'name a patch of the series');
    for (const patch of series.slice(0, last + 1)) {
      const applied = await run('patch', ['-p1', '-i', join('debian', 'patches', patch)], { cwd: tree });
      if (applied.code !== 0) throw userError('coverage.source', `patch ${patch} does not apply: ${tail(applied.output)}`, 'fix coverage.source.patches');
    }
  }
  return `Debian source ${owner.source} ${version}${wanted.patches ? ` (patches up to ${wanted.patches})` : ''} for the installed ${owner.binary} ${owner.version}`;
}
