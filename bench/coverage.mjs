#!/usr/bin/env node
// bench/coverage: line, branch and function coverage of the reference's own sources reached by each
// task's suite (`tasks coverage`), beside what the program's upstream test suite reaches on the same
// instrumented build, measured in this run (jq: its `make check`). Prints one row per task and the
// ratio of the suite's line coverage to upstream's.
// Usage: node bench/coverage.mjs [task...]   (default: every core task with a recipe; run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { findTask, listTaskDirs, loadTaskDir } = await import(join(repo, 'dist/tasks/load-task.js'));
const { measureCoverage } = await import(join(repo, 'dist/coverage/measure.js'));
const { instrumentedBuild } = await import(join(repo, 'dist/coverage/build.js'));
const { gcovDocuments } = await import(join(repo, 'dist/coverage/measure.js'));
const { summariseGcov, percentOf } = await import(join(repo, 'dist/coverage/gcov.js'));
const { fingerprintReference } = await import(join(repo, 'dist/tasks/reference.js'));

// How each program's own tests run in its build tree, with the counters redirected.
const UPSTREAM = {
  jq: { command: ['make', 'check'], what: 'make check (tests/*.test, mantest, shtest, onigtest, utf8test)' },
};

const wanted = process.argv.slice(2);
const tasks = (wanted.length > 0 ? wanted.map((id) => findTask(id)) : listTaskDirs().filter((t) => t.dataset === 'core').map((t) => loadTaskDir(t.dir, t.dataset))).filter((t) => t.spec.coverage);
const pct = (c) => (percentOf(c) === null ? '   -' : `${percentOf(c).toFixed(1).padStart(5)}%`);
console.log('task      suite: lines  branches  functions   upstream: lines  branches  functions   suite/upstream (lines)');
for (const task of tasks) {
  const figure = await measureCoverage(task, { log: (line) => process.stderr.write(`${line}\n`) });
  let upstream = null;
  const recipe = UPSTREAM[task.id];
  if (recipe) {
    const build = await instrumentedBuild(task, task.spec.coverage, await fingerprintReference(task.reference.files), () => {});
    const gcda = mkdtempSync(join(tmpdir(), 'shipbench-upstream-'));
    chmodSync(gcda, 0o755);
    const strip = String(build.tree.split('/').filter(Boolean).length);
    const r = spawnSync(recipe.command[0], recipe.command.slice(1), { cwd: build.tree, env: { ...process.env, GCOV_PREFIX: gcda, GCOV_PREFIX_STRIP: strip }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) process.stderr.write(`bench/coverage: ${task.id}: ${recipe.what} exited ${r.status}; its coverage still counts what ran\n`);
    upstream = summariseGcov(await gcovDocuments(gcda, build.tree), build.tree, task.spec.coverage.files, task.spec.coverage.exclude);
    rmSync(gcda, { recursive: true, force: true });
  }
  const ratio = upstream && upstream.lines.covered > 0 ? `${(figure.lines.covered / upstream.lines.covered).toFixed(2)}x` : '-';
  console.log(
    `${task.id.padEnd(8)}  ${pct(figure.lines)}    ${pct(figure.branches)}    ${pct(figure.functions)}      ${upstream ? `${pct(upstream.lines)}    ${pct(upstream.branches)}    ${pct(upstream.functions)}` : '   (no upstream tests run)         '}   ${ratio}${figure.void ? '  VOID' : ''}`,
  );
}
