import { readdir, readFile, readlink } from 'node:fs/promises';

export interface NamespaceProcess {
  pid: number;
  name: string;
}

// Every process (host pids) whose pid namespace is `nsInode`, found by reading /proc.
export async function processesInNamespace(nsInode: number): Promise<NamespaceProcess[]> {
  const wanted = `pid:[${nsInode}]`;
  const found: NamespaceProcess[] = [];
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return found;
  }
  await Promise.all(
    entries.map(async (entry) => {
      if (!/^\d+$/.test(entry)) return;
      try {
        if ((await readlink(`/proc/${entry}/ns/pid`)) !== wanted) return;
        const name = (await readFile(`/proc/${entry}/comm`, 'utf8')).trim();
        found.push({ pid: Number(entry), name });
      } catch {
        // The process ended while we looked, or is not ours to inspect.
      }
    }),
  );
  return found.sort((a, b) => a.pid - b.pid);
}

// Sends a signal without failing when the process is already gone.
export function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
