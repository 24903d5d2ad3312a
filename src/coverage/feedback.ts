import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Bytes } from '../contracts/bytes.js';
import type { CoverageRecipe } from '../contracts/coverage.js';
import { CASE_CWD_INSIDE, type Program } from '../sandbox/program.js';
import type { Task } from '../tasks/load-task.js';
import { fingerprintReference } from '../tasks/reference.js';
import { fromBytesValue } from '../util/bytes.js';
import { coverageCacheRoot, instrumentedBuild } from './build.js';
import { reachedArcs } from './gcda.js';
import { countsFile } from './gcov.js';

// Coverage feedback for suite generation: the reference, instrumented, writing its counters into
// the case's own working directory, and the arcs each case reached read back from them.
export interface CoverageFeedback {
  /** The instrumented reference. */
  program: Program;
  /** Added to every candidate's environment while exploring. */
  env: Record<string, string>;
  /** Files of the case directory read back after each candidate. */
  files: string[];
  /** The coverage units a candidate reached, from the files read back. */
  units(files: Record<string, Bytes | null>): string[];
}

// Where the counters land, relative to the case directory.
const COUNTERS_DIR = '.shipbench-gcov';

// Feedback from the task's coverage recipe: builds (or finds in the cache) the instrumented
// reference; the counters read back are those of the objects of the counted source files.
export async function gcdaFeedback(task: Task, recipe: CoverageRecipe, log: (line: string) => void, cacheRoot = coverageCacheRoot()): Promise<CoverageFeedback> {
  const build = await instrumentedBuild(task, recipe, await fingerprintReference(task.reference.files), log, cacheRoot);
  const objects = (await notesFiles(build.tree)).filter((rel) => countedObject(rel, recipe));
  const files = objects.map((rel) => `${COUNTERS_DIR}/${rel.replace(/\.gcno$/, '.gcda')}`);
  return {
    program: { role: 'reference', command: [build.binary], argv0: task.program, binds: [{ host: build.tree, inside: build.tree }], hide: [] },
    env: { GCOV_PREFIX: `${CASE_CWD_INSIDE}/${COUNTERS_DIR}`, GCOV_PREFIX_STRIP: String(build.tree.split('/').filter(Boolean).length) },
    files,
    units: (read) => files.flatMap((f) => (read[f] ? reachedArcs(fromBytesValue(read[f] as Bytes)).map((arc) => `${f}:${arc}`) : [])),
  };
}

// Every .gcno below the tree, relative to it.
async function notesFiles(tree: string, dir = tree): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await notesFiles(tree, join(dir, e.name))));
    else if (e.isFile() && e.name.endsWith('.gcno')) out.push(relative(tree, join(dir, e.name)));
  }
  return out;
}

// Whether an object was compiled from a counted file: automake names objects "<target>-<stem>",
// and a generated parser's lines belong to its grammar (parser.c → parser.y).
function countedObject(rel: string, recipe: CoverageRecipe): boolean {
  const stem = basename(rel, '.gcno').split('-').at(-1) as string;
  const dir = dirname(rel) === '.' ? '' : `${dirname(rel)}/`;
  return ['.c', '.y', '.l', '.cc', '.cpp'].some((ext) => {
    const source = `${dir}${stem}${ext}`;
    return countsFile(source, recipe.files) && !countsFile(source, recipe.exclude);
  });
}
