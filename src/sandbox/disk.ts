import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// Bytes allocated below `root` (blocks actually used, so sparse files count what they hold),
// stopping early once `stopAbove` is passed.
export async function diskUsage(root: string, stopAbove = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  const pending = [root];
  while (pending.length > 0 && total <= stopAbove) {
    const dir = pending.pop() as string;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      try {
        const st = await lstat(path);
        total += st.blocks * 512;
        if (st.isDirectory()) pending.push(path);
      } catch {
        // Removed while we walked.
      }
    }
  }
  return total;
}
