import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendUser, carryOver, parseAction, SUBMIT_WORD } from '../../src/agent/kinds/mini.js';
import { truncateOutput } from '../../src/agent/observation.js';
import { readTrajectory } from '../../src/agent/trajectory.js';
import { runCli } from '../support/cli.js';
import { scriptedWcSession, startFakeAnthropic, startFakeOpenAI, type FakeModel } from '../support/fake-models.js';
import { tempDir } from '../support/fixtures.js';

// A scripted model that probes the reference through the broker, writes a real wc in Node.js,
// answers once without a command block (and is re-prompted), then submits.
interface RunOutput {
  trials: { id: string; status: string; score: number; steps: number; brokerCalls: number; costUsd: number; priced: boolean; exitStatus: string; artifactsDir: string }[];
}

describe('the mini agent, end to end against local model servers', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const servers: FakeModel[] = [];
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await cleanup();
  });

  for (const provider of ['openai', 'anthropic'] as const) {
    it(`probes the reference, writes wc, submits, and grades above zero (${provider} wire format)`, async () => {
      const model = provider === 'openai' ? await startFakeOpenAI(scriptedWcSession()) : await startFakeAnthropic(scriptedWcSession());
      servers.push(model);
      const modelName = provider === 'openai' ? 'gpt-4o-mini' : 'claude-3-5-haiku-latest';
      const r = await runCli(['run', '--tasks', 'wc', '--agent', 'mini', '--model', modelName, '--provider', provider, '--base-url', model.baseURL, '--json', '--db', join(root, `${provider}.db`)], { cwd: root });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as RunOutput;
      const [trial] = out.trials;
      expect(trial).toMatchObject({ status: 'done', exitStatus: 'submitted', steps: 4 });
      expect(trial?.score).toBeGreaterThan(0.5);
      expect(trial?.brokerCalls).toBeGreaterThanOrEqual(2);
      expect(trial?.priced).toBe(true);
      expect(trial?.costUsd).toBeGreaterThan(0);

      // Four model calls: the malformed answer was re-prompted, not executed.
      expect(model.requests).toHaveLength(4);
      const last = model.requests[3]?.body as { messages: { role: string; content: string }[] };
      const contents = JSON.stringify(last.messages);
      expect(contents).toContain('<returncode>0</returncode>');
      expect(contents).toContain('exactly one');
      // The probe's output came from the real wc, through the stub.
      expect(contents).toMatch(/ 2\s+3\s+14\\n/);

      const dir = trial?.artifactsDir as string;
      const events = readTrajectory(join(dir, 'trajectory.jsonl'));
      const broker = events.filter((e) => e.type === 'broker');
      expect(broker.map((e) => (e.type === 'broker' ? e.argv : []))).toContainEqual(['wc', '-c', 'sample.txt']);
      expect(events.filter((e) => e.type === 'command')).toHaveLength(2);
      expect(events.at(-1)).toMatchObject({ type: 'end', exitStatus: 'submitted' });
      const assistant = events.find((e) => e.type === 'message' && e.role === 'assistant');
      expect(assistant?.type === 'message' && assistant.usage?.inputTokens).toBe(provider === 'openai' ? 120 : 150);

      const evalJson = JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')) as Record<string, unknown>;
      expect(evalJson).toMatchObject({ instance_id: 'wc', compiled: true, exit_status: 'submitted', model_name_or_path: modelName });
      expect(evalJson.pass_rate).toBe(trial?.score);
      const traj = JSON.parse(readFileSync(join(dir, 'traj.json'), 'utf8')) as { trajectory_format: string; info: { exit_status: string; model_stats: { api_calls: number } }; messages: { role: string }[] };
      expect(traj.trajectory_format).toBe('mini-swe-agent-1.1');
      expect(traj.info.exit_status).toBe('Submitted');
      expect(traj.info.model_stats.api_calls).toBe(4);
      expect(existsSync(join(dir, 'submission.tar.gz'))).toBe(true);
    });
  }

  it('retries a trial whose model API failed, keeping the failed try', async () => {
    // 1 request + 3 SDK retries fail: the first try is an infrastructure failure; the second works.
    const flaky = await startFakeOpenAI([`\`\`\`bash\necho ${SUBMIT_WORD}\n\`\`\``], 4);
    servers.push(flaky);
    const r = await runCli(['run', '--tasks', 'wc', '--agent', 'mini', '--model', 'gpt-4o-mini', '--base-url', flaky.baseURL, '--name', 'flaky', '--db', join(root, 'flaky.db')], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/try 1 failed: the model gpt-4o-mini did not answer .*; retrying/);
    const shown = await runCli(['runs', 'show', 'flaky', '--json', '--db', join(root, 'flaky.db')], { cwd: root });
    const [trial] = (JSON.parse(shown.stdout) as { trials: { status: string; exitStatus: string; tries: { outcome: string }[] }[] }).trials;
    expect(trial?.status).toBe('done');
    expect(trial?.exitStatus).toBe('submitted');
    expect(trial?.tries.map((t) => t.outcome)).toEqual(['infra-error', 'done']);
  });

  it('stops at the step limit and at the trial cost limit', async () => {
    const looping = await startFakeOpenAI(['```bash\ntrue\n```']);
    servers.push(looping);
    const steps = await runCli(['run', '--tasks', 'wc', '--agent', 'mini', '--model', 'gpt-4o-mini', '--base-url', looping.baseURL, '--steps', '3', '--json', '--db', join(root, 'limits.db')], { cwd: root });
    expect(JSON.parse(steps.stdout).trials[0]).toMatchObject({ exitStatus: 'step-limit', steps: 3 });
    const cost = await runCli(['run', '--tasks', 'wc', '--agent', 'mini', '--model', 'gpt-4o', '--base-url', looping.baseURL, '--cost-limit', '0.001', '--json', '--db', join(root, 'limits.db')], { cwd: root });
    const trial = JSON.parse(cost.stdout).trials[0] as RunOutput['trials'][number];
    expect(trial.exitStatus).toBe('cost-limit');
    // gpt-4o at 120 input + 80 output tokens costs $0.0011 per call: one call passes the limit.
    expect(trial.steps).toBe(1);
    expect(trial.costUsd).toBeGreaterThan(0.001);
  });
});

describe('mini reply parsing', () => {
  it('takes exactly one fenced bash block', () => {
    expect(parseAction('THOUGHT: x\n```bash\nls -la\n```')).toEqual({ command: 'ls -la' });
    expect(parseAction('```\nls\n```')).toEqual({ command: 'ls' });
    expect(parseAction('no block here')).toHaveProperty('error');
    expect(parseAction('```bash\nls\n```\n```bash\npwd\n```')).toMatchObject({ error: expect.stringContaining('2 fenced blocks') });
  });

  it('keeps the head and tail of long output and says how much is left out', () => {
    const text = 'a'.repeat(6000) + 'b'.repeat(6000);
    const cut = truncateOutput(text, 10_000);
    expect(cut.startsWith('a'.repeat(5000))).toBe(true);
    expect(cut.endsWith('b'.repeat(5000))).toBe(true);
    expect(cut).toContain('2000 characters left out');
    expect(truncateOutput('short')).toBe('short');
  });
});

describe('mini conversations across market sprints', () => {
  const sys = { role: 'system' as const, content: 'S' };
  const brief = { role: 'user' as const, content: 'BRIEF' };
  const said = (text: string) => ({ role: 'assistant' as const, content: text });
  const output = (text: string) => ({ role: 'user' as const, content: `<returncode>0</returncode>\n<output>\n${text}</output>` });

  it('keeps the brief and the last sprint, shortens its outputs and leaves earlier sprints out', () => {
    const sprint1 = [sys, brief, said('a1'), output('x'.repeat(5000)), said('submit')];
    const second = carryOver(sprint1, 2);
    expect(second.map((m) => m.content.length)).toEqual([1, 5, 2, 400 + '\n[… output of an earlier sprint left out]'.length, 6]);
    const started = appendUser(second, 'UPDATE 2');
    const sprint2 = [...started, said('b1'), output('short'), said('submit')];
    const third = carryOver(sprint2, started.length - 1);
    expect(third.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant']);
    expect(third[1]!.content).toBe('BRIEF\n\n[3 messages of earlier sprints are left out here: your work is in the workspace, each week\'s inbox in its file.]\n\nUPDATE 2');
    expect(third.map((m) => m.content)).not.toContain('a1');
  });

  it('merges a user message into a user message so roles alternate', () => {
    expect(appendUser([sys, brief], 'more')).toEqual([sys, { role: 'user', content: 'BRIEF\n\nmore' }]);
    expect(appendUser([sys, brief, said('ok')], 'more').map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  });
});
