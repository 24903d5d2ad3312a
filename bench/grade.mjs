#!/usr/bin/env node
// bench/grade: `shipbench grade --reference` on a suite of ≥ 2,000 wc cases, timed against the same
// invocations run bare (no sandbox) with `xargs -P <cores>`, both in this run. Prints both times and
// the ratio. Usage: node bench/grade.mjs [--cases N] [--repeat R]   (run `npm run build` first)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const caseCount = option('--cases', 2000);
const repeat = option('--repeat', 3);
const cores = availableParallelism();

const { recordCases } = await import(join(repo, 'dist/fuzz/record.js'));
const { caseLimits } = await import(join(repo, 'dist/tasks/limits.js'));
const { loadTaskDir } = await import(join(repo, 'dist/tasks/load-task.js'));
const { referenceProgram } = await import(join(repo, 'dist/tasks/program.js'));
const { fingerprintReference } = await import(join(repo, 'dist/tasks/reference.js'));
const { writeSuite } = await import(join(repo, 'dist/tasks/suite-io.js'));

// A deterministic generator of wc invocations: flag sets × inputs on stdin or in files.
function* invocations(n) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const flags = [[], ['-l'], ['-w'], ['-c'], ['-m'], ['-L'], ['-lw'], ['-lc'], ['-wm'], ['-lwmcL'], ['--lines'], ['--bytes', '--words']];
  const words = ['alpha', 'beta', 'γάμμα', '日本', 'x', '', '  ', '\t', 'delta-epsilon', '🎉'];
  const text = () => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Array.from({ length: Math.floor(rand() * 8) }, () => pick(words)).join(pick([' ', '  ', '\t']))).join('\n') + (rand() < 0.8 ? '\n' : '');
  for (let i = 0; i < n; i++) {
    const id = `b-${String(i).padStart(5, '0')}`;
    const f = pick(flags);
    if (rand() < 0.5) yield { id, features: ['stdin'], run: { argv: f, stdin: text() } };
    else {
      const files = { 'a.txt': text(), 'b.txt': text() };
      yield { id, features: ['files'], run: { argv: [...f, ...(rand() < 0.5 ? ['a.txt'] : ['a.txt', 'b.txt'])], files } };
    }
  }
}

const shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

function seconds(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'shipbench-bench-'));
try {
  // The task and its suite, recorded once on the reference.
  const taskDir = join(work, 'bench-wc');
  mkdirSync(taskDir, { recursive: true });
  writeFileSync(join(taskDir, 'task.yaml'), 'id: bench-wc\nprogram: wc\nreference:\n  command: [wc]\nhide: [/usr/bin/wc]\n');
  const task = loadTaskDir(taskDir);
  const planned = [...invocations(caseCount)];
  process.stderr.write(`recording ${planned.length} cases on ${task.reference.command[0]}…\n`);
  const recorded = await recordCases(referenceProgram(task), planned, { limits: caseLimits(task.spec.limits), reruns: 1, concurrency: cores });
  await writeSuite(task.suitePath, task.manifestPath, recorded.cases, {
    schemaVersion: 1,
    task: task.id,
    reference: { fingerprint: await fingerprintReference(task.reference.files) },
    generator: { name: 'bench', version: '1', seed: 42 },
    gates: recorded.gates,
  });

  // The bare baseline: one folder per case with its files, stdin and a one-line script.
  const bare = join(work, 'bare');
  const scripts = [];
  for (const c of recorded.cases) {
    const dir = join(bare, c.id);
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(c.run.files)) writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, 'stdin'), c.run.stdin);
    writeFileSync(join(dir, 'run.sh'), `cd ${shellQuote(dir)} && exec wc ${c.run.argv.map(shellQuote).join(' ')} < stdin > stdout 2> stderr\n`);
    scripts.push(join(dir, 'run.sh'));
  }
  writeFileSync(join(work, 'list'), scripts.join('\0'));

  const bareTimes = [];
  const gradeTimes = [];
  for (let r = 0; r < repeat; r++) {
    bareTimes.push(seconds(() => execFileSync('sh', ['-c', `xargs -0 -P ${cores} -n 1 sh < ${shellQuote(join(work, 'list'))}`])));
    gradeTimes.push(
      seconds(() => {
        const g = spawnSync(process.execPath, [join(repo, 'bin/shipbench.js'), 'grade', '--reference', '--task', taskDir, '--no-store', '--json', '-j', String(cores)], { encoding: 'utf8', maxBuffer: 1 << 30 });
        if (g.status !== 0) throw new Error(`grade failed: ${g.stderr}`);
        const result = JSON.parse(g.stdout);
        if (result.passed !== recorded.cases.length) throw new Error(`the reference passed ${result.passed}/${recorded.cases.length}`);
      }),
    );
  }
  const b = median(bareTimes);
  const g = median(gradeTimes);
  console.log(`bench/grade: ${recorded.cases.length} wc cases, ${cores} cores, median of ${repeat}`);
  console.log(`  bare (xargs -P ${cores}):        ${b.toFixed(2)} s  (${((b / recorded.cases.length) * 1000).toFixed(2)} ms/case)`);
  console.log(`  shipbench grade --reference: ${g.toFixed(2)} s  (${((g / recorded.cases.length) * 1000).toFixed(2)} ms/case)`);
  console.log(`  ratio: ${(g / b).toFixed(2)}x  (target ≤ 1.15x)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
