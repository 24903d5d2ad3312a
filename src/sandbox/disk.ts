import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

// Bytes allocated below the given folders together (blocks actually used, so sparse files count
// what they hold; a file with several links counts once), stopping early once `stopAbove` is
// passed. A tree nested too deep for its paths to be named (past PATH_MAX) cannot be measured
// and counts as over any cap: no program under test needs one.
export async function diskUsageOf(roots: readonly string[], stopAbove = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0 && total <= stopAbove) {
    const dir = pending.pop() as string;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return Number.POSITIVE_INFINITY;
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      try {
        const st = await lstat(path);
        if (st.nlink > 1 && !st.isDirectory()) {
          const key = `${st.dev}:${st.ino}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        total += st.blocks * 512;
        if (st.isDirectory()) pending.push(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return Number.POSITIVE_INFINITY;
        // Removed while we walked.
      }
    }
  }
  return total;
}

// Bytes allocated below one folder (see diskUsageOf).
export function diskUsage(root: string, stopAbove = Number.POSITIVE_INFINITY): Promise<number> {
  return diskUsageOf([root], stopAbove);
}
