import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { TaskSpecSchema, type TaskSpec } from '../contracts/task.js';
import { userError } from '../errors.js';
import { describeIssue } from './issues.js';
import { protectHarnessPaths } from '../sandbox/host.js';
import { datasetRoots } from './paths.js';
import { resolveReference, type ResolvedReference } from './reference.js';

// A task loaded from its folder, with its reference resolved on this machine.
export interface Task {
  spec: TaskSpec;
  id: string;
  /** Name the program is called by (argv[0]) in every sandbox. */
  program: string;
  dir: string;
  dataset: string | null;
  suitePath: string;
  manifestPath: string;
  reference: ResolvedReference;
}

const TASK_FILE = 'task.yaml';

// Reads and validates a task.yaml; errors name the file, the line and the field.
export function parseTaskFile(file: string): TaskSpec {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw userError('task.unreadable', `${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the task path', error);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw userError('task.yaml', `${shown}:${line}: not valid YAML (${yamlError.message.split('\n')[0]})`, 'fix the YAML syntax');
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw userError('task.yaml', `${shown}: not usable YAML (${(error as Error).message.split('\n')[0]})`, 'write the task without alias chains that expand that much');
  }
  const parsed = TaskSpecSchema.safeParse(value);
  if (!parsed.success) {
    const { path, text: what } = describeIssue(parsed.error);
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const at = node?.range ? `:${lineCounter.linePos(node.range[0]).line}` : '';
    throw userError('task.invalid', `${shown}${at}: ${what}`, 'fix that field of task.yaml');
  }
  return parsed.data;
}

// Loads a task folder (or its task.yaml) and resolves its reference.
export function loadTaskDir(dirOrFile: string, dataset: string | null = null): Task {
  const file = basename(dirOrFile) === TASK_FILE ? resolve(dirOrFile) : resolve(dirOrFile, TASK_FILE);
  const dir = dirname(file);
  if (!existsSync(file)) throw userError('task.missing', `${dirOrFile}: no ${TASK_FILE} there`, 'give a task id (see shipbench tasks list) or a folder with task.yaml');
  const spec = parseTaskFile(file);
  const where = relative(process.cwd(), file) || file;
  // A task folder holds its suite and solution: no sandbox may see it, wherever it is.
  protectHarnessPaths([dir]);
  return {
    spec,
    id: spec.id,
    program: spec.program ?? spec.id,
    dir,
    dataset,
    suitePath: join(dir, 'suite.jsonl'),
    manifestPath: join(dir, 'suite.manifest.json'),
    reference: resolveReference(spec.reference.command, dir, where),
  };
}

export interface TaskEntry {
  id: string;
  dataset: string;
  dir: string;
}

// Every task folder in the dataset roots, sorted by dataset then id.
export function listTaskDirs(): TaskEntry[] {
  const out: TaskEntry[] = [];
  for (const root of datasetRoots()) {
    if (!existsSync(root)) continue;
    for (const dataset of readdirSync(root).sort()) {
      const datasetDir = join(root, dataset);
      if (!statSync(datasetDir).isDirectory()) continue;
      for (const id of readdirSync(datasetDir).sort()) {
        const dir = join(datasetDir, id);
        if (existsSync(join(dir, TASK_FILE))) out.push({ id, dataset, dir });
      }
    }
  }
  return out;
}

// A task by id (searched in the datasets) or by path.
export function findTask(ref: string): Task {
  if (ref.includes('/') || ref.startsWith('.') || existsSync(join(ref, TASK_FILE))) return loadTaskDir(ref);
  const entry = listTaskDirs().find((t) => t.id === ref);
  if (!entry) throw userError('task.unknown', `no task "${ref}"`, 'see shipbench tasks list, or give the path of a task folder');
  return loadTaskDir(entry.dir, entry.dataset);
}
