import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { ShipbenchError, userError } from '../../errors.js';
import { modelFromEnvironment } from '../../agent/model.js';
import { proposeCases } from '../../agent/propose.js';
import { buildTaskSuite, type ProposeCases } from '../../fuzz/build-task.js';
import { gradeSubmission } from '../../grade/grade.js';
import { scaffoldGenerator } from '../../fuzz/scaffold.js';
import { helpText, renderManPage } from '../../tasks/docs.js';
import { programOf } from '../../tasks/program.js';
import { findTask, listTaskDirs, parseTaskFile } from '../../tasks/load-task.js';
import { planPackages } from '../../tasks/packages.js';
import { resolveReference } from '../../tasks/reference.js';
import { loadSuite } from '../../tasks/suite-io.js';
import { writeFileAtomic } from '../../util/fs.js';
import type { CoverageCount, CoverageFigure } from '../../contracts/coverage.js';
import type { SuiteManifest } from '../../contracts/suite.js';
import type { TaskSpec } from '../../contracts/task.js';
import { percentOf } from '../../coverage/gcov.js';
import { measureCoverage } from '../../coverage/measure.js';
import { out, VERSION } from '../context.js';
import { table } from '../format.js';
import { createProgress } from '../progress.js';

interface TaskRow {
  id: string;
  dataset: string;
  kind: string;
  cases: number | null;
  /** The program's instance in ProgramBench and its active test count there, if the task names one. */
  programbench: { instance: string; tests: number } | null;
  /** Whether the reference program is on this machine ("missing": \`tasks install <id>\` installs it). */
  reference: 'ready' | 'missing';
  status: string;
}

function taskRow(entry: { id: string; dataset: string; dir: string }): TaskRow {
  let spec: TaskSpec;
  try {
    spec = parseTaskFile(join(entry.dir, 'task.yaml'));
  } catch (error) {
    const why = error instanceof ShipbenchError ? error.message : String(error);
    return { id: entry.id, dataset: entry.dataset, kind: '?', cases: null, programbench: null, reference: 'missing', status: why };
  }
  const programbench = spec.programbench ? { instance: spec.programbench.instance, tests: spec.programbench.tests } : null;
  const row = { id: spec.id, dataset: entry.dataset, kind: spec.kind, programbench };
  let reference: TaskRow['reference'] = 'ready';
  try {
    resolveReference(spec.reference.command, entry.dir, entry.id);
  } catch {
    reference = 'missing';
  }
  try {
    const suite = loadSuite(join(entry.dir, 'suite.jsonl'), join(entry.dir, 'suite.manifest.json'), spec.id);
    const status = reference === 'ready' ? 'ready' : spec.reference.package ? `reference not installed (shipbench tasks install ${spec.id})` : `reference not installed (${spec.reference.command[0] ?? ''})`;
    return { ...row, cases: suite.cases.length, reference, status };
  } catch (error) {
    const why = error instanceof ShipbenchError ? error.message : String(error);
    return { ...row, cases: null, reference, status: why };
  }
}

// tasks list: every task of every dataset, whether its suite is ready and its reference installed,
// and for a ProgramBench program the test count it has there.
export function listTasksAction(flags: { json?: boolean }): void {
  const rows = listTaskDirs().map(taskRow);
  if (flags.json) return out(JSON.stringify(rows));
  if (rows.length === 0) return out('no tasks found (datasets/ is empty; add folders to SHIPBENCH_DATASETS)');
  out(
    table(
      ['task', 'dataset', 'kind', 'cases', 'programbench', 'pb tests', 'reference', 'status'],
      rows.map((r) => [r.id, r.dataset, r.kind, r.cases === null ? '-' : String(r.cases), r.programbench?.instance ?? '-', r.programbench ? String(r.programbench.tests) : '-', r.reference, r.status]),
      [false, false, false, true, false, true, false, false],
    ),
  );
}

// tasks install: the Debian packages of the named tasks' references, with apt-get as root; otherwise
// the command to run.
export function installTasksAction(names: string[]): void {
  const plan = planPackages(names);
  const command = ['apt-get', 'install', '-y', ...plan.missing];
  if (plan.missing.length > 0 && process.geteuid?.() !== 0) throw userError('install.root', `installing ${plan.missing.join(', ')} needs root`, `run: sudo ${command.join(' ')}`);
  const without = plan.tasks.filter((t) => t.package === null).map((t) => t.id);
  if (without.length > 0) process.stderr.write(`shipbench: no package named (reference.package) for ${without.join(', ')}; skipped\n`);
  if (plan.installed.length > 0) process.stderr.write(`shipbench: already installed: ${plan.installed.join(' ')}\n`);
  if (plan.missing.length === 0) return out(`nothing to install for ${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  process.stderr.write(`shipbench: running: ${command.join(' ')}\n`);
  let result = spawnSync(command[0] as string, command.slice(1), { stdio: ['ignore', 2, 2], env });
  if (result.status !== 0) {
    // Stale package lists are the usual cause: refresh them once and try again.
    process.stderr.write('shipbench: running: apt-get update\n');
    spawnSync('apt-get', ['update'], { stdio: ['ignore', 2, 2], env });
    process.stderr.write(`shipbench: running: ${command.join(' ')}\n`);
    result = spawnSync(command[0] as string, command.slice(1), { stdio: ['ignore', 2, 2], env });
  }
  if (result.status !== 0) throw userError('install.failed', `${command.join(' ')} failed (exit ${result.status ?? result.signal ?? '?'})`, 'see apt-get\'s messages above');
  out(`installed ${plan.missing.join(' ')}`);
}

// tasks check: the reference against its own suite, several times.
export async function checkTaskAction(ref: string, flags: { reruns: number; concurrency?: number; json?: boolean }): Promise<void> {
  const task = findTask(ref);
  const failingIn = new Map<string, number>();
  let total = 0;
  for (let run = 1; run <= flags.reruns; run++) {
    const progress = createProgress(`check ${task.id} run ${run}/${flags.reruns}:`, { quiet: flags.json === true && !process.stderr.isTTY });
    const grade = await gradeSubmission({
      task,
      submission: 'reference',
      concurrency: flags.concurrency,
      version: VERSION,
      onPhase: (p) => p.phase === 'case' && progress.update(p.done, p.total, p.failed),
    });
    progress.finish();
    total = grade.total;
    for (const c of grade.cases) if (!c.passed) failingIn.set(c.id, (failingIn.get(c.id) ?? 0) + 1);
  }
  const failing = [...failingIn].filter(([, n]) => n === flags.reruns).map(([id]) => id);
  const flaky = [...failingIn].filter(([, n]) => n < flags.reruns).map(([id]) => id);
  const ok = failingIn.size === 0 && total > 0;
  if (flags.json) out(JSON.stringify({ task: task.id, reruns: flags.reruns, cases: total, ok, failing, flaky }));
  else {
    out(`${task.id}: ${total} cases × ${flags.reruns} runs on the reference: ${ok ? 'all pass every time' : `${failing.length} fail every run, ${flaky.length} flaky`}`);
    if (failing.length > 0) out(`  failing: ${failing.join(' ')}`);
    if (flaky.length > 0) out(`  flaky: ${flaky.join(' ')}`);
  }
  if (!ok) process.exitCode = 1;
}

// tasks build: capture docs and (re)generate the suites of tasks, one after another.
export async function buildTaskAction(refs: string[], flags: { budget?: number; seed?: number; timeLimit?: number; concurrency?: number; coverage?: boolean; json?: boolean; model?: string; modelBaseUrl?: string }): Promise<void> {
  const manifests = [];
  const model = modelFromEnvironment({ model: flags.model, baseUrl: flags.modelBaseUrl });
  const propose: ProposeCases | undefined = model
    ? async (program, docs) => ({ ...(await proposeCases(model, program, docs, 40)), model: model.model })
    : undefined;
  for (const ref of refs) {
    const task = findTask(ref);
    const started = Date.now();
    const progress = createProgress(`building ${task.id}:`, { quiet: flags.json === true && !process.stderr.isTTY });
    const built = await buildTaskSuite(task, {
      budget: flags.budget,
      seed: flags.seed,
      timeLimitSec: flags.timeLimit,
      concurrency: flags.concurrency ?? availableParallelism(),
      propose,
      coverage: flags.coverage,
      log: flags.json ? undefined : (line) => process.stderr.write(`${line}\n`),
      onProgress: (_phase, done, total) => progress.update(done, total),
    });
    progress.finish();
    manifests.push(built.manifest);
    if (flags.json) continue;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out(`${task.id}: ${built.manifest.cases} cases in ${seconds}s -> ${relative(process.cwd(), task.suitePath)}`);
    out(`  gates: ${Object.entries(built.manifest.gates).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    out(`  docs: ${built.docs.map((d) => (d.missing ? `${d.source} (${d.missing})` : d.source)).join(', ') || 'none'}; ${built.options.length} options known`);
    out(`  model proposals: ${built.proposals}`);
    const curve = built.manifest.curve ?? [];
    if (curve.length > 0) out(`  coverage feedback (${built.manifest.generator.feedback}): units reached / candidates in the cover, as the pool ran: ${curveLine(curve)}`);
    if (built.coverage) out(coverageLines(task.id, built.coverage).map((l, i) => (i === 0 ? `  ${l.slice(task.id.length + 2)}` : l)).join('\n'));
  }
  if (flags.json) out(JSON.stringify(manifests));
}

// A few points of the selection curve: "candidates→kept cases, units".
function curveLine(curve: NonNullable<SuiteManifest['curve']>): string {
  const step = Math.max(1, Math.ceil(curve.length / 6));
  const points = curve.filter((_, i) => i % step === 0 || i === curve.length - 1);
  return points.map((p) => `${p.units} / ${p.kept} after ${p.candidates}`).join(', ');
}

// tasks stats: cases, features with their case counts, gates, mean case time on the reference.
export async function statsTaskAction(ref: string, flags: { json?: boolean; time?: boolean }): Promise<void> {
  const task = findTask(ref);
  const suite = loadSuite(task.suitePath, task.manifestPath, task.id);
  let meanCaseMs: number | null = null;
  if (flags.time) {
    const grade = await gradeSubmission({ task, submission: 'reference', version: VERSION });
    meanCaseMs = grade.cases.reduce((sum, c) => sum + c.outcome.wallMs, 0) / Math.max(grade.cases.length, 1);
  }
  // A coverage figure counts for the suite it was measured on only.
  const coverage = suite.manifest.coverage && suite.manifest.coverage.suiteSha256 === suite.sha256 ? suite.manifest.coverage : null;
  const stats = { task: task.id, cases: suite.cases.length, features: suite.manifest.features, gates: suite.manifest.gates, generator: suite.manifest.generator, meanCaseMs, coverage };
  if (flags.json) return out(JSON.stringify(stats));
  out(`${task.id}: ${stats.cases} cases, generator ${stats.generator.name} v${stats.generator.version}${stats.generator.seed === null ? '' : ` seed ${stats.generator.seed}`}`);
  out(`  gates: ${Object.entries(stats.gates).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  if (meanCaseMs !== null) out(`  mean case time on the reference: ${meanCaseMs.toFixed(2)} ms`);
  if (coverage) out(coverageLines(task.id, coverage).map((l, i) => (i === 0 ? `  ${l.slice(task.id.length + 2)}` : l)).join('\n'));
  else out(`  coverage: not measured${task.spec.coverage ? ` (run: shipbench tasks coverage ${task.id})` : ' (the task has no coverage: recipe)'}`);
  out(table(['feature', 'cases'], Object.entries(stats.features).sort(([, a], [, b]) => b - a).map(([f, n]) => [f, String(n)]), [false, true]));
}

// tasks coverage: the instrumented reference replays the suite; line, branch and function coverage
// of the reference's sources, stored in the suite manifest.
export async function coverageTaskAction(ref: string, flags: { concurrency?: number; files: number; unreached?: string; json?: boolean }): Promise<void> {
  const task = findTask(ref);
  const figure = await measureCoverage(task, {
    concurrency: flags.concurrency ?? availableParallelism(),
    log: flags.json ? undefined : (line) => process.stderr.write(`${line}\n`),
    unreachedTo: flags.unreached ? resolve(flags.unreached) : undefined,
  });
  if (flags.json) return out(JSON.stringify({ task: task.id, ...figure }));
  out(coverageLines(task.id, figure).join('\n'));
  const rows = [...figure.files].sort((a, b) => (percentOf(a.lines) ?? 0) - (percentOf(b.lines) ?? 0)).slice(0, flags.files);
  out(table(['file', 'lines', 'branches', 'functions'], rows.map((f) => [f.path, share(f.lines), share(f.branches), share(f.functions)]), [false, true, true, true]));
  if (figure.neverReached.length > 0) out(`never reached (${figure.neverReached.length} functions): ${figure.neverReached.slice(0, 30).join(', ')}${figure.neverReached.length > 30 ? ', …' : ''}`);
}

function share(count: CoverageCount): string {
  const p = percentOf(count);
  return p === null ? '-' : `${p.toFixed(1)}% (${count.covered}/${count.total})`;
}

// The coverage summary of a suite as `tasks coverage` and `tasks stats` print it.
function coverageLines(id: string, figure: CoverageFigure): string[] {
  const lines = [`${id}: coverage of the reference's sources: lines ${share(figure.lines)}, branches ${share(figure.branches)}, functions ${share(figure.functions)}`];
  lines.push(`  the instrumented build agrees with the suite on ${figure.agreement.agreed} of ${figure.agreement.cases} cases${figure.void ? `; VOID: ${figure.void}` : ''}`);
  return lines;
}

// tasks new: a task folder for any program, with a generator guessed from its docs.
export async function newTaskAction(name: string, flags: { reference: string; dir?: string; dataset?: string; docs?: string[]; json?: boolean }): Promise<void> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw userError('cli.name', `task name "${name}" must be lower-case letters, digits, ".", "_" or "-"`, 'pick another name');
  const dataset = flags.dataset ?? 'local';
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(dataset)) throw userError('cli.dataset', `dataset name "${dataset}" must be lower-case letters, digits, ".", "_" or "-"`, 'pick another --dataset');
  // A task is a folder of its own in a dataset: the first SHIPBENCH_DATASETS folder, else ./datasets.
  const root = resolve((process.env.SHIPBENCH_DATASETS ?? '').split(':').find(Boolean) ?? 'datasets');
  const dir = resolve(flags.dir ?? join(root, dataset, name));
  if (dir === process.cwd()) throw userError('cli.dir', '--dir is the current folder; a task needs a folder of its own', 'give --dir a new folder, or leave it out to write under a datasets folder');
  if (existsSync(join(dir, 'task.yaml'))) throw userError('cli.exists', `${relative(process.cwd(), dir) || dir}/task.yaml already exists`, 'pick another --dir or edit that task');
  const command = flags.reference.trim().split(/\s+/);
  const resolved = resolveReference(command, dir, '--reference');
  const program = basename(command[0] as string);
  const help = await helpText(programOf(resolved, program), ['--help']);
  const man = renderManPage(program);
  const { generator, notes } = scaffoldGenerator(`${help}\n${man ?? ''}`);
  const docs = flags.docs?.length ? flags.docs.map((d) => (d === 'man' ? { man: program } : d === 'help' ? { help: ['--help'] } : { file: d })) : [...(man ? [{ man: program }] : []), { help: ['--help'] }];
  const spec = {
    id: name,
    kind: 'rebuild',
    program,
    reference: { command: flags.reference.trim().split(/\s+/) },
    hide: resolved.files,
    docs,
    generator,
    limits: { caseTimeoutMs: 10000 },
  };
  await mkdir(dir, { recursive: true });
  const where = relative(process.cwd(), dir) || '.';
  const header = [`# ${name}: a rebuild task for ${program}. The generator was guessed from its docs:`, ...notes.map((n) => `# - ${n}`), `# Build the suite with: shipbench tasks build ${where}`, ''].join('\n');
  await writeFileAtomic(join(dir, 'task.yaml'), header + stringify(spec));
  if (flags.json) return out(JSON.stringify({ task: join(dir, 'task.yaml'), spec, notes }));
  out(`wrote ${relative(process.cwd(), join(dir, 'task.yaml'))} (generator: preset cli, domain ${generator.domain}, input ${generator.input}${generator.operands !== 'files' ? `, operands ${generator.operands}` : ''})`);
  for (const n of notes) out(`  ${n}`);
  const findable = listTaskDirs().some((t) => t.dir === dir);
  out(`next: shipbench tasks build ${where}${findable ? ` (or by id: ${name})` : `; to find it by id, add its datasets folder: export SHIPBENCH_DATASETS=${flags.dir ? dirname(dirname(dir)) : root}`}`);
}
