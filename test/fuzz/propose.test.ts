import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaskDir } from '../../src/tasks/load-task.js';
import { loadSuite } from '../../src/tasks/suite-io.js';
import { runCli } from '../support/cli.js';
import { startFakeOpenAI, type FakeModel } from '../support/fake-models.js';
import { tempDir, writeTree } from '../support/fixtures.js';

let root: string;
let cleanup: () => Promise<void>;
let model: FakeModel;

const answer = [
  'Here are the cases:',
  '```json',
  JSON.stringify({
    cases: [
      { argv: ['--shout'], stdin: 'hello world\n', why: 'upper-casing' },
      { argv: ['--count'], stdin: 'abc', files: { 'extra.txt': 'x\n' }, why: 'byte count' },
      { argv: 'not a list' },
    ],
  }),
  '```',
].join('\n');

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  model = await startFakeOpenAI([answer]);
  await writeTree(join(root, 'shout'), {
    'ref.sh': '#!/bin/sh\ncase "$1" in --shout) tr a-z A-Z;; --count) wc -c;; *) rev;; esac\n',
    'README.md': 'shout - transform text\n\n  --shout    upper-case the input\n  --count    count the bytes of the input\n',
    'task.yaml': stringify({ id: 'shout', program: 'shout', reference: { command: ['./ref.sh'] }, docs: [{ file: 'README.md' }], generator: { preset: 'cli', budget: 12, input: 'stdin' } }),
  });
});
afterAll(async () => {
  await model.close();
  await cleanup();
});

function shipbench(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { cwd: root, env: { SHIPBENCH_MODEL: '', ...env } });
}

describe('model-proposed cases', () => {
  it('without a model the step is skipped and the build says so', async () => {
    const r = await shipbench(['tasks', 'build', './shout']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('model proposals: skipped: no model configured');
    expect(model.requests).toHaveLength(0);
  });

  it('with a model, its cases go through the same execution, selection and gates', async () => {
    const r = await shipbench(['tasks', 'build', './shout', '--model', 'fake-model', '--model-base-url', model.baseURL], { OPENAI_API_KEY: 'test-key' });
    // Progress lines ("building shout: …") appear on stderr when the build outlasts their interval; nothing else may.
    expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('building shout:'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('model proposals: 2 proposed by fake-model, 1 invalid entries dropped');
    const [request] = model.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body.model).toBe('fake-model');
    expect(JSON.stringify(request?.body.messages)).toContain('count the bytes of the input');
    const task = loadTaskDir(join(root, 'shout'));
    const { cases, manifest } = loadSuite(task.suitePath, task.manifestPath, task.id);
    const proposed = cases.filter((c) => c.features.includes('model-proposed'));
    expect(proposed.map((c) => [c.run.argv, c.expect.stdout])).toEqual([
      [['--shout'], 'HELLO WORLD\n'],
      [['--count'], '3\n'],
    ]);
    expect(manifest.gates['model-proposed']).toBe(2);
  });
});
