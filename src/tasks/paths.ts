import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protectHarnessPaths } from '../sandbox/host.js';

// The folder of the installed shipbench package (holds datasets/ and schemas/).
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('shipbench package root not found');
    dir = parent;
  }
  return dir;
}

// Folders holding datasets (each a folder of task folders): the built-in ones, then SHIPBENCH_DATASETS.
// Every one of them is masked in every sandbox: they hold suites and solutions.
export function datasetRoots(): string[] {
  const extra = (process.env.SHIPBENCH_DATASETS ?? '').split(':').filter(Boolean);
  const roots = [join(packageRoot(), 'datasets'), ...extra];
  protectHarnessPaths(roots);
  return roots;
}
