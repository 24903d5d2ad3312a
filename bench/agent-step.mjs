#!/usr/bin/env node
// bench/agent-step: the overhead of one agent step and of one reference call through the broker,
// each against its bare baseline measured in the same run:
//   agent step    `true` run as an agent command in the cleanroom sandbox    vs  `bash -c true` spawned bare
//   broker call   `wc` on a small input through the stub and the broker,     vs  `wc` on the same input
//                 timed inside the agent's command (the step cost is out)        spawned bare
// Prints the medians and the ratios. Usage: node bench/agent-step.mjs [--repeat N]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--repeat');
const repeat = at >= 0 ? Number(args[at + 1]) : 30;

const { AgentSandbox } = await import(join(repo, 'dist/cleanroom/agent-sandbox.js'));
const { caseLimitDefaults } = await import(join(repo, 'dist/sandbox/spec.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

function bareMs(command, argv, input) {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, argv, { input });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const root = mkdtempSync(join(tmpdir(), 'shipbench-bench-agent-'));
const sandbox = await AgentSandbox.create({
  root,
  programName: 'wc',
  reference: { role: 'reference', command: ['/usr/bin/wc'], argv0: 'wc', binds: [], hide: [] },
  hide: ['/usr/bin/wc'],
  brokerHide: [],
  policy: 'cleanroom',
  stepLimits: { ...caseLimitDefaults, timeoutMs: 60_000 },
  brokerLimits: { ...caseLimitDefaults, timeoutMs: 10_000 },
});
try {
  const input = 'one two three\nfour five\n';
  // Warm up: compile caches, page cache, the stub.
  for (let i = 0; i < 3; i++) await sandbox.exec(`printf '${input}' | wc`);

  const bareStep = [];
  const step = [];
  const bareCall = [];
  const brokered = [];
  for (let i = 0; i < repeat; i++) {
    bareStep.push(bareMs('/bin/bash', ['-c', 'true']));
    let started = process.hrtime.bigint();
    await sandbox.exec('true');
    step.push(Number(process.hrtime.bigint() - started) / 1e6);

    bareCall.push(bareMs('/usr/bin/wc', [], input));
    // The call is timed inside the sandbox, so the step's own cost is not in it.
    const r = await sandbox.exec(`s=$(date +%s%N); printf '${input}' | wc > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 ))`);
    brokered.push(Number(r.stdout.toString().trim()) / 1000);
  }
  const stepRatio = median(step) / median(bareStep);
  const callRatio = median(brokered) / median(bareCall);
  console.log(`agent step (true in the cleanroom sandbox): median ${ms(median(step))} vs bare bash -c true ${ms(median(bareStep))}; ratio ${stepRatio.toFixed(1)}x (${repeat} runs)`);
  console.log(`broker round-trip (wc through stub and broker): median ${ms(median(brokered))} vs bare wc ${ms(median(bareCall))}; ratio ${callRatio.toFixed(1)}x (${repeat} runs)`);
} finally {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
}
