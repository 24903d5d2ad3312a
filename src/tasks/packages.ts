import { spawnSync } from 'node:child_process';
import { userError } from '../errors.js';
import { listTaskDirs, parseTaskFile, type TaskEntry } from './load-task.js';

// The Debian packages that install tasks' references (task.yaml `reference.package`), for
// `tasks install`.

export interface PackagePlan {
  /** The tasks named, in the order given (a dataset brings all of its tasks). */
  tasks: { id: string; dataset: string; package: string | null }[];
  /** Packages the tasks need that dpkg does not list as installed, each once. */
  missing: string[];
  /** Packages already installed. */
  installed: string[];
}

// The task entries that dataset names or task ids stand for; an unknown name fails naming it.
export function tasksNamed(names: readonly string[]): TaskEntry[] {
  const all = listTaskDirs();
  const chosen: TaskEntry[] = [];
  for (const name of names) {
    const ofDataset = all.filter((t) => t.dataset === name);
    const found = ofDataset.length > 0 ? ofDataset : all.filter((t) => t.id === name);
    if (found.length === 0) throw userError('task.unknown', `no dataset or task "${name}"`, 'see shipbench tasks list for dataset names and task ids');
    for (const t of found) if (!chosen.some((c) => c.dir === t.dir)) chosen.push(t);
  }
  return chosen;
}

// Whether dpkg lists a package as installed.
export function packageInstalled(name: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && /\binstall ok installed\b/.test(r.stdout);
}

// Which packages the named tasks need, and which of them are not installed yet.
export function planPackages(names: readonly string[], installed: (name: string) => boolean = packageInstalled): PackagePlan {
  const tasks = tasksNamed(names).map((t) => ({ id: t.id, dataset: t.dataset, package: parseTaskFile(`${t.dir}/task.yaml`).reference.package ?? null }));
  const wanted = [...new Set(tasks.flatMap((t) => (t.package ? [t.package] : [])))];
  const missing = wanted.filter((p) => !installed(p));
  return { tasks, missing, installed: wanted.filter((p) => !missing.includes(p)) };
}
