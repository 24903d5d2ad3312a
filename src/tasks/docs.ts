import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { userError } from '../errors.js';
import { giveToSandbox } from '../sandbox/identity.js';
import { runSandboxed } from '../sandbox/run.js';
import { caseLimitDefaults } from '../sandbox/spec.js';
import { removeTree } from '../util/fs.js';
import type { Task } from './load-task.js';
import type { Program } from '../sandbox/program.js';
import { referenceProgram } from './program.js';
import { scratchDir } from '../util/scratch.js';

export interface CapturedDoc {
  source: string;
  file: string | null;
  text: string;
  /** Why nothing was captured, when nothing was. */
  missing: string | null;
}

// A man page rendered to plain text on this machine, or null when it is not installed.
export function renderManPage(name: string): string | null {
  const r = spawnSync('man', [name], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat', LANG: 'C.UTF-8', MAN_KEEP_FORMATTING: '' }, timeout: 30_000 });
  if (r.status !== 0 || !r.stdout.trim()) return null;
  // eslint-disable-next-line no-control-regex
  return r.stdout.replace(/.\x08/g, '');
}

// Captures a task's docs (man pages, --help output of the reference run in a sandbox, files the
// task names) into `dir`: <task>/docs/ at build time (not committed: they come from the machine),
// an agent's workspace at the start of an episode.
export async function captureDocs(task: Task, dir = join(task.dir, 'docs')): Promise<CapturedDoc[]> {
  await mkdir(dir, { recursive: true });
  const out: CapturedDoc[] = [];
  for (const doc of task.spec.docs) {
    if ('man' in doc) {
      const text = renderManPage(doc.man);
      const file = text === null ? null : join(dir, `${doc.man}.man.txt`);
      if (file && text) await writeFile(file, text);
      out.push({ source: `man ${doc.man}`, file, text: text ?? '', missing: text === null ? `no man page for ${doc.man} on this machine` : null });
    } else if ('help' in doc) {
      const text = await helpText(referenceProgram(task), doc.help);
      const file = join(dir, `${task.program}${doc.help.join('')}.txt`.replace(/[^\w.+-]/g, '_'));
      await writeFile(file, text);
      out.push({ source: `${task.program} ${doc.help.join(' ')}`, file, text, missing: text ? null : 'the reference printed nothing' });
    } else {
      const from = join(task.dir, doc.file);
      const file = join(dir, basename(doc.file));
      try {
        await copyFile(from, file);
      } catch {
        throw userError('task.docs', `task ${task.id}: docs file ${doc.file} does not exist`, 'fix docs: in task.yaml');
      }
      out.push({ source: doc.file, file, text: await readFile(file, 'utf8'), missing: null });
    }
  }
  return out;
}

// What a program prints for `args` (stdout, or stderr when stdout is empty), run sandboxed.
export async function helpText(program: Program, args: readonly string[]): Promise<string> {
  const cwd = await scratchDir('docs');
  try {
    await giveToSandbox(cwd);
    const r = await runSandboxed({ command: [...program.command, ...args], argv0: program.argv0, cwd, cwdInside: '/work', binds: program.binds, limits: caseLimitDefaults, network: 'cleanroom' });
    return r.stdout.length > 0 ? r.stdout.toString('utf8') : r.stderr.toString('utf8');
  } finally {
    await removeTree(cwd);
  }
}
