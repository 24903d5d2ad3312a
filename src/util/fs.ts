import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Writes a file so that readers see either the old or the whole new content, never half of it.
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

// Removes a tree even when a sandboxed program left read-only folders or files without permissions.
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    await makeWritable(path);
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
  }
}

async function makeWritable(path: string): Promise<void> {
  const { chmod, lstat, readdir } = await import('node:fs/promises');
  try {
    const st = await lstat(path);
    if (st.isSymbolicLink()) return;
    await chmod(path, st.isDirectory() ? 0o700 : 0o600);
    if (st.isDirectory()) for (const name of await readdir(path)) await makeWritable(join(path, name));
  } catch {
    // Gone already.
  }
}
