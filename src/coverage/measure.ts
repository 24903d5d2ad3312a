import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { lstat, readdir, symlink, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CoverageFigure } from '../contracts/coverage.js';
import { SuiteManifestSchema } from '../contracts/suite.js';
import { userError } from '../errors.js';
import { compareObservation } from '../runner/compare.js';
import { runInvocations } from '../runner/lanes.js';
import { giveToSandbox } from '../sandbox/identity.js';
import type { Program } from '../sandbox/program.js';
import { caseLimits } from '../tasks/limits.js';
import type { Task } from '../tasks/load-task.js';
import { checkFingerprint } from '../tasks/program.js';
import { loadSuite } from '../tasks/suite-io.js';
import { writeFileAtomic } from '../util/fs.js';
import { scratchDir } from '../util/scratch.js';
import { removeTree } from '../util/tree.js';
import { coverageCacheRoot, instrumentedBuild } from './build.js';
import { percentOf, summariseGcov, unreachedReport } from './gcov.js';

// Where the instrumented program writes its coverage data inside a case sandbox.
const GCDA_INSIDE = '/run/shipbench/gcov';
// The share of cases the instrumented build must agree with the suite on for its figure to count.
export const MIN_AGREEMENT = 0.99;

export interface CoverageOptions {
  concurrency?: number;
  cacheRoot?: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Write the never-reached lines of the counted files here, as ranges with their source. */
  unreachedTo?: string;
}

// Measures the coverage a task's suite reaches in its reference's own sources: builds the
// instrumented reference, replays every case on it as the runner does (a warm sandbox, the case's
// files and stdin), checks it behaves as the suite expects, and reads gcc's counters. The figure is
// written into the suite's manifest; it is void (with why) when the build disagrees with the suite.
export async function measureCoverage(task: Task, options: CoverageOptions = {}): Promise<CoverageFigure> {
  const recipe = task.spec.coverage;
  if (!recipe) throw userError('coverage.recipe', `task ${task.id} has no coverage: recipe in its task.yaml`, 'add one (source, build, binary, files); see the README');
  if (task.spec.service) throw userError('coverage.service', `task ${task.id} is a service; coverage is measured for command-line references only`, 'leave it out');
  const log = options.log ?? (() => {});
  const suite = loadSuite(task.suitePath, task.manifestPath, task.id);
  const fingerprint = await checkFingerprint(task, suite.manifest);
  const build = await instrumentedBuild(task, recipe, fingerprint, log, options.cacheRoot ?? coverageCacheRoot());
  const gcda = await scratchDir('coverage');
  try {
    await giveToSandbox(gcda);
    const program: Program = {
      role: 'reference',
      command: [build.binary],
      argv0: task.program,
      binds: [
        { host: build.tree, inside: build.tree },
        { host: gcda, inside: GCDA_INSIDE, writable: true },
      ],
      hide: [],
    };
    // The counters land below GCDA_INSIDE at the objects' paths relative to the tree.
    const strip = String(build.tree.split('/').filter(Boolean).length);
    const cases = suite.cases.map((c) => ({ ...c, run: { ...c.run, env: { ...c.run.env, GCOV_PREFIX: GCDA_INSIDE, GCOV_PREFIX_STRIP: strip } } }));
    const limits = caseLimits(task.spec.limits);
    log(`coverage: ${task.id}: replaying ${cases.length} cases on the instrumented build`);
    // An unoptimised, instrumented build is slower than the reference: three times the time.
    const runs = await runInvocations(program, cases, { scratchDir: gcda, limits: { ...limits, timeoutMs: limits.timeoutMs * 3 }, network: 'cleanroom', concurrency: options.concurrency ?? 2, signal: options.signal });
    const agreed = runs.filter((r, i) => compareObservation(suite.cases[i] as (typeof suite.cases)[number], r.observed, r.outcome).passed).length;
    const share = cases.length === 0 ? 1 : agreed / cases.length;
    const { unreached, ...summary } = summariseGcov(await gcovDocuments(gcda, build.tree), build.tree, recipe.files, recipe.exclude);
    if (options.unreachedTo) await writeFileAtomic(options.unreachedTo, unreachedReport(unreached, (path) => sourceLines(join(build.tree, path))));
    if (summary.files.length === 0) throw userError('coverage.files', `${task.id}: no source file matching coverage.files (${recipe.files.join(', ')}) was instrumented`, 'check coverage.files against the build tree');
    const figure: CoverageFigure = {
      suiteSha256: suite.sha256,
      agreement: { agreed, cases: cases.length },
      void: share >= MIN_AGREEMENT ? null : `the instrumented build agrees with the suite on ${(share * 100).toFixed(1)}% of cases, under ${MIN_AGREEMENT * 100}%: it does not behave as the reference`,
      ...summary,
      measuredAt: new Date().toISOString(),
    };
    await storeFigure(task, figure);
    log(`coverage: ${task.id}: lines ${percentOf(figure.lines)}%, branches ${percentOf(figure.branches)}%, functions ${percentOf(figure.functions)}%`);
    return figure;
  } finally {
    await removeTree(gcda);
  }
}

// Writes the figure into the suite manifest (the suite itself is unchanged).
async function storeFigure(task: Task, figure: CoverageFigure): Promise<void> {
  const manifest = SuiteManifestSchema.parse(JSON.parse(readFileSync(task.manifestPath, 'utf8')));
  await writeFileAtomic(task.manifestPath, `${JSON.stringify({ ...manifest, coverage: figure }, null, 2)}\n`);
}

// gcov's JSON documents for every data file below `gcda` (counters written with GCOV_PREFIX from
// a build whose objects are in `tree`): each .gcda gets its object's .gcno beside it, and gcov runs
// once per folder.
export async function gcovDocuments(gcda: string, tree: string): Promise<string[]> {
  const byFolder = new Map<string, string[]>();
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      const st = await lstat(path);
      if (st.isDirectory()) await walk(path);
      else if (name.endsWith('.gcda')) byFolder.set(dir, [...(byFolder.get(dir) ?? []), name]);
    }
  };
  await walk(gcda);
  const documents: string[] = [];
  for (const [dir, files] of byFolder) {
    const present: string[] = [];
    for (const file of files) {
      const gcno = join(tree, relative(gcda, dir), file.replace(/\.gcda$/, '.gcno'));
      if (!existsSync(gcno)) continue;
      const link = join(dir, file.replace(/\.gcda$/, '.gcno'));
      await unlink(link).catch(() => {});
      await symlink(gcno, link);
      present.push(file);
    }
    if (present.length === 0) continue;
    const out = await gcov(dir, present);
    documents.push(...out.split('\n'));
  }
  return documents;
}

function gcov(cwd: string, files: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('gcov', ['--json-format', '--stdout', '--branch-probabilities', ...files], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.once('error', (error) => reject(userError('coverage.gcov', `gcov cannot run: ${error.message}`, 'install gcc (it ships gcov)')));
    child.once('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`gcov failed in ${cwd}: ${errors.trim().split('\n').slice(-2).join(' ')}`))));
  });
}

function sourceLines(file: string): string[] | null {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return null;
  }
}
