#!/usr/bin/env node
// bench/generate: time to generate the jq suite at its default budget and cases kept per second,
// next to the time the same number of bare jq runs takes (the same machine, this run).
// Usage: node bench/generate.mjs [--task jq] [--budget N]   (run `npm run build` first)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const taskId = option('--task', 'jq');
const budget = option('--budget', undefined);

const { buildTaskSuite } = await import(join(repo, 'dist/fuzz/build-task.js'));
const { findTask, loadTaskDir } = await import(join(repo, 'dist/tasks/load-task.js'));

// Work on a copy so the committed suite stays as it is.
const work = mkdtempSync(join(tmpdir(), 'shipbench-bench-generate-'));
try {
  const original = findTask(taskId);
  const copy = join(work, taskId);
  cpSync(original.dir, copy, { recursive: true });
  const task = loadTaskDir(copy);
  const phases = {};
  const started = process.hrtime.bigint();
  const built = await buildTaskSuite(task, {
    budget: budget === undefined ? undefined : Number(budget),
    concurrency: availableParallelism(),
    onProgress: (phase) => (phases[phase] ??= Number(process.hrtime.bigint() - started) / 1e9),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { candidates = 0, kept = 0 } = built.manifest.gates;
  // Baseline: the reference started bare the same number of times as candidates were explored.
  const bareStart = process.hrtime.bigint();
  const runs = Math.min(candidates, 2000);
  execFileSync('sh', ['-c', `i=0; while [ $i -lt ${runs} ]; do echo '{"a":1}' | ${task.reference.command.join(' ')} . >/dev/null 2>&1; i=$((i+1)); done`]);
  const bare = Number(process.hrtime.bigint() - bareStart) / 1e9;
  console.log(`bench/generate: task ${taskId}, budget ${built.manifest.cases >= kept ? kept : built.manifest.cases} kept of ${candidates} candidates, ${availableParallelism()} cores`);
  console.log(`  generation: ${seconds.toFixed(1)} s, ${(kept / seconds).toFixed(1)} cases kept per second, ${(candidates / seconds).toFixed(1)} candidates per second`);
  console.log(`  bare ${taskId} start-up, sequential: ${((bare / runs) * 1000).toFixed(2)} ms per run (${runs} runs)`);
  console.log(`  gates: ${Object.entries(built.manifest.gates).map(([k, v]) => `${k} ${v}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
