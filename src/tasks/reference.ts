import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { userError } from '../errors.js';
import { sha256, sha256File } from '../util/hash.js';

export interface ResolvedReference {
  /** The command with paths made absolute and the program found on PATH. */
  command: string[];
  /** Real paths of the files the command names (the binary, scripts); what the fingerprint covers. */
  files: string[];
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

// Resolves a task's reference command on this machine. `./x` is relative to the task folder.
export function resolveReference(command: readonly string[], taskDir: string, where: string): ResolvedReference {
  const resolved = command.map((part, i) => {
    if (part.startsWith('./') || part.startsWith('../')) return join(taskDir, part);
    if (i === 0 && !isAbsolute(part)) {
      const found = findOnPath(part);
      if (!found) throw userError('task.reference', `${where}: reference.command: "${part}" is not on PATH`, 'install the program or give its absolute path');
      return found;
    }
    return part;
  });
  const program = resolved[0] as string;
  if (!existsSync(program)) {
    throw userError('task.reference', `${where}: reference.command: ${program} does not exist on this machine`, 'install the reference program or fix the path');
  }
  const files = [...new Set(resolved.filter((p) => isAbsolute(p) && existsSync(p) && statSync(p).isFile()).map((p) => realpathSync(p)))];
  return { command: resolved, files };
}

// The reference's own files: for an interpreted reference (node ./server.mjs) its script, not the
// interpreter — whose build differs from machine to machine and which candidates may use too.
export function ownFiles(files: readonly string[]): readonly string[] {
  return files.length > 1 ? files.slice(1) : files;
}

// "sha256:<hex>" over the reference's own files, in command order.
export async function fingerprintReference(files: readonly string[]): Promise<string> {
  const parts = await Promise.all(ownFiles(files).map((f) => sha256File(f)));
  return `sha256:${parts.length === 1 ? parts[0] : sha256(parts.join('\n'))}`;
}
