import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CaseSchema } from '../../contracts/case.js';
import { ShipbenchError, userError } from '../../errors.js';
import { recordCases, type PlannedCase } from '../../fuzz/record.js';
import { gradeSubmission } from '../../grade/grade.js';
import { caseLimits } from '../../grade/limits.js';
import { describeIssue } from '../../tasks/issues.js';
import { findTask, listTaskDirs, loadTaskDir } from '../../tasks/load-task.js';
import { referenceProgram } from '../../tasks/program.js';
import { fingerprintReference } from '../../tasks/reference.js';
import { loadSuite, writeSuite } from '../../tasks/suite-io.js';
import { out, VERSION } from '../context.js';
import { table } from '../format.js';
import { createProgress } from '../progress.js';

interface TaskRow {
  id: string;
  dataset: string;
  kind: string;
  cases: number | null;
  status: string;
}

function taskRow(entry: { id: string; dataset: string; dir: string }): TaskRow {
  try {
    const task = loadTaskDir(entry.dir, entry.dataset);
    const suite = loadSuite(task.suitePath, task.manifestPath, task.id);
    return { id: task.id, dataset: entry.dataset, kind: task.spec.kind, cases: suite.cases.length, status: 'ready' };
  } catch (error) {
    const why = error instanceof ShipbenchError ? error.message : String(error);
    return { id: entry.id, dataset: entry.dataset, kind: '?', cases: null, status: why };
  }
}

// tasks list: every task of every dataset and whether its suite is ready.
export function listTasksAction(flags: { json?: boolean }): void {
  const rows = listTaskDirs().map(taskRow);
  if (flags.json) return out(JSON.stringify(rows));
  if (rows.length === 0) return out('no tasks found (datasets/ is empty; add folders to SHIPBENCH_DATASETS)');
  out(table(['task', 'dataset', 'kind', 'cases', 'status'], rows.map((r) => [r.id, r.dataset, r.kind, r.cases === null ? '-' : String(r.cases), r.status]), [false, false, false, true, false]));
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

// tasks build: record a task's suite from its planned invocations.
export async function buildTaskAction(ref: string, flags: { concurrency?: number; json?: boolean }): Promise<void> {
  const task = findTask(ref);
  const generator = task.spec.generator ?? {};
  if (generator.preset !== 'hand') {
    throw userError('task.generator', `task ${task.id}: generator.preset "${String(generator.preset)}" is not supported`, 'use preset: hand with invocations: <file.jsonl>');
  }
  const planned = readPlanned(join(task.dir, String(generator.invocations ?? 'invocations.jsonl')));
  const progress = createProgress(`recording ${task.id}:`, { quiet: flags.json === true && !process.stderr.isTTY });
  const recorded = await recordCases(referenceProgram(task), planned, {
    limits: caseLimits(task.spec.limits),
    concurrency: flags.concurrency,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const manifest = await writeSuite(task.suitePath, task.manifestPath, recorded.cases, {
    schemaVersion: 1,
    task: task.id,
    reference: { fingerprint: await fingerprintReference(task.reference.files) },
    generator: { name: 'hand', version: '1', seed: null },
    gates: recorded.gates,
    createdAt: new Date().toISOString(),
  });
  if (flags.json) return out(JSON.stringify(manifest));
  out(`${task.id}: ${manifest.cases} cases written to ${relative(process.cwd(), task.suitePath)} (${Object.entries(recorded.gates).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  for (const d of recorded.dropped) out(`  dropped ${d.id} (${d.gate}: ${d.detail})`);
}

function readPlanned(file: string): PlannedCase[] {
  if (!existsSync(file)) throw userError('task.invocations', `${file} does not exist`, 'write the planned invocations there, one JSON object per line');
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      let raw: PlannedCase;
      try {
        raw = JSON.parse(line) as PlannedCase;
      } catch (error) {
        throw userError('task.invocations', `${file}:${i + 1}: not valid JSON (${(error as Error).message})`, 'fix that line');
      }
      const checked = CaseSchema.safeParse({ ...raw, expect: { exit: 0 } });
      if (!checked.success) throw userError('task.invocations', `${file}:${i + 1}: ${describeIssue(checked.error).text}`, 'fix that line');
      return [raw];
    });
}

