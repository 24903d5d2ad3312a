import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../support/fixtures.js';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-layers.mjs');
let root: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: root, cleanup } = await tempDir()));
afterAll(() => cleanup());

function check(dir: string) {
  return spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
}

describe('the import-boundary check', () => {
  it('passes on the real src/', () => {
    const r = check(join(import.meta.dirname, '..', '..', 'src'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/imports follow the layers/);
  });

  it('fails when a lower layer imports a higher one', async () => {
    await writeTree(root, {
      'src/contracts/a.ts': "import { x } from '../cli/main.js';\nexport const y = x;\n",
      'src/cli/main.ts': 'export const x = 1;\n',
      'src/store/b.ts': "import { z } from 'zod';\nexport const w = z;\n",
    });
    const r = check(join(root, 'src'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('contracts may not import cli');
    expect(r.stderr).toContain('store may not import the package zod');
  });
});
