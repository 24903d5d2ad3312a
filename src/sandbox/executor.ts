/* eslint-disable @typescript-eslint/no-require-imports */
// The case executor of a warm sandbox. It runs inside the sandbox, next to the program under
// test, and is started as `node -e "(<this function>)()"`, so it may use nothing but Node's
// built-ins. It holds nothing the program may not see: only the invocation of the current case
// (expected outputs and the comparison stay outside), so a program that tampers with it can only
// spoil its own results.
//
// Protocol: one JSON object per line. In: {op:"run", id, command, stdin, files, readFiles, env,
// timeoutMs, graceMs, outputBytes} or {op:"abort", id, reason}. Out: one result line per run.
// Before every case the working directory, /tmp, HOME and /dev/shm are emptied; when the program
// exits, every other process in the sandbox is killed, as the end of a pid namespace would.

export interface ExecutorRequest {
  op: 'run';
  id: number;
  command: string[];
  stdin: string;
  files: Record<string, string>;
  readFiles: string[];
  env: Record<string, string>;
  timeoutMs: number;
  graceMs: number;
  outputBytes: number;
}

export interface ExecutorAbort {
  op: 'abort';
  id: number;
  reason: 'disk-limit' | 'timeout';
}

export interface ExecutorResponse {
  id: number;
  endedBy: 'exit' | 'timeout' | 'output-limit' | 'disk-limit' | 'spawn-failed';
  exitCode: number | null;
  signal: string | null;
  outputCut: 'stdout' | 'stderr' | null;
  wallMs: number;
  cpuMs: number | null;
  hung: string[];
  stdout: string;
  stderr: string;
  files: Record<string, string | null>;
  error: string | null;
}

export function executorMain(): void {
  const { spawn, spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const os = require('node:os') as typeof import('node:os');
  const readline = require('node:readline') as typeof import('node:readline');

  const work = process.env.SHIPBENCH_WORK ?? '/work';
  const home = process.env.HOME ?? '/home/sandbox';
  const baseEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (k !== 'SHIPBENCH_WORK' && v !== undefined) baseEnv[k] = v;
  const signals = os.constants.signals as Record<string, number>;
  const send = (response: ExecutorResponse) => process.stdout.write(`${JSON.stringify(response)}\n`);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  // CPU (ms) of every child this process has waited for: fields cutime and cstime of /proc/self/stat.
  function childCpuMs(): number | null {
    try {
      const stat = fs.readFileSync('/proc/self/stat', 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      return null;
    }
  }

  function otherProcesses(): { pid: number; name: string }[] {
    const out: { pid: number; name: string }[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      if (pid === 1 || pid === process.pid) continue;
      try {
        out.push({ pid, name: fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() });
      } catch {
        // Gone.
      }
    }
    return out;
  }

  function killEveryoneElse(): void {
    try {
      process.kill(-1, 'SIGKILL');
    } catch {
      // Nobody left.
    }
  }

  function emptyDir(dir: string): void {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const target = path.join(dir, name);
      try {
        fs.rmSync(target, { recursive: true, force: true });
      } catch {
        spawnSync('chmod', ['-R', 'u+rwX', target]);
        fs.rmSync(target, { recursive: true, force: true });
      }
    }
  }

  // System V IPC objects outlive their processes; remove any a previous case left.
  function clearIpc(): void {
    for (const kind of ['shm', 'sem', 'msg']) {
      try {
        if (fs.readFileSync(`/proc/sysvipc/${kind}`, 'utf8').trim().split('\n').length > 1) {
          spawnSync('ipcrm', ['--all']);
          return;
        }
      } catch {
        // No System V IPC here.
      }
    }
  }

  let abortCurrent: ((reason: 'disk-limit' | 'timeout') => void) | null = null;
  let currentId = -1;

  async function run(req: ExecutorRequest): Promise<void> {
    for (const dir of [work, '/tmp', home, '/dev/shm']) emptyDir(dir);
    clearIpc();
    for (const [rel, b64] of Object.entries(req.files)) {
      const file = path.join(work, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(b64, 'base64'));
    }
    const cpuBefore = childCpuMs();
    const started = performance.now();
    const [file, ...args] = req.command;
    const child = spawn(file as string, args, { cwd: work, env: { ...baseEnv, ...req.env }, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Record<'stdout' | 'stderr', Buffer[]> = { stdout: [], stderr: [] };
    const sizes = { stdout: 0, stderr: 0 };
    let outputCut: 'stdout' | 'stderr' | null = null;
    let endedBy: ExecutorResponse['endedBy'] = 'exit';
    let killSignal: string | null = null;
    let hung: string[] = [];
    let stopping: Promise<void> | null = null;
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let spawnError: Error | null = null;
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code, signal) => {
        exitInfo = { code, signal };
        killEveryoneElse();
        resolve();
      }),
    );
    const stop = (reason: 'timeout' | 'output-limit' | 'disk-limit'): Promise<void> => {
      if (stopping) return stopping;
      endedBy = reason;
      stopping = (async () => {
        killSignal = 'SIGTERM';
        for (const p of otherProcesses()) {
          try {
            process.kill(p.pid, 'SIGTERM');
          } catch {
            // Gone.
          }
        }
        await Promise.race([sleep(req.graceMs), exited]);
        const left = otherProcesses();
        if (reason === 'timeout') hung = left.map((p) => p.name);
        if (left.length > 0 || exitInfo === null) killSignal = 'SIGKILL';
        killEveryoneElse();
      })();
      return stopping;
    };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        if (outputCut) return;
        const room = req.outputBytes - sizes[stream];
        if (chunk.length > room) {
          if (room > 0) chunks[stream].push(chunk.subarray(0, room));
          sizes[stream] = req.outputBytes;
          outputCut = stream;
          void stop('output-limit');
          return;
        }
        chunks[stream].push(chunk);
        sizes[stream] += chunk.length;
      });
    }
    child.stdin.on('error', () => {});
    child.stdin.end(Buffer.from(req.stdin, 'base64'));
    const timer = setTimeout(() => void stop('timeout'), req.timeoutMs);
    currentId = req.id;
    abortCurrent = (reason) => void stop(reason);
    await new Promise<void>((resolve) => {
      child.once('error', (error) => {
        spawnError = error;
        resolve();
      });
      child.once('close', () => resolve());
    });
    clearTimeout(timer);
    abortCurrent = null;
    if (stopping) await stopping;
    const wallMs = performance.now() - started;
    const cpuAfter = childCpuMs();
    const files: Record<string, string | null> = {};
    for (const rel of req.readFiles) {
      try {
        files[rel] = fs.readFileSync(path.join(work, rel)).toString('base64');
      } catch {
        files[rel] = null;
      }
    }
    const info = exitInfo as { code: number | null; signal: NodeJS.Signals | null } | null;
    const killed = endedBy !== 'exit';
    const exitCode = info === null ? null : info.code !== null ? info.code : 128 + (signals[info.signal ?? ''] ?? 0);
    send({
      id: req.id,
      endedBy: spawnError ? 'spawn-failed' : endedBy,
      exitCode: killed || spawnError ? null : exitCode,
      signal: killed ? killSignal : null,
      outputCut,
      wallMs,
      cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
      hung,
      stdout: Buffer.concat(chunks.stdout).toString('base64'),
      stderr: Buffer.concat(chunks.stderr).toString('base64'),
      files,
      error: spawnError ? (spawnError as Error).message : null,
    });
  }

  // Nothing of a program has run yet: the outside takes a death before this line for a setup failure.
  process.stdout.write('{"ready":true}\n');
  let queue: Promise<void> = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const msg = JSON.parse(line) as ExecutorRequest | ExecutorAbort;
    if (msg.op === 'abort') {
      if (msg.id === currentId) abortCurrent?.(msg.reason);
      return;
    }
    queue = queue.then(() => run(msg));
  });
  // eslint-disable-next-line no-restricted-syntax -- the executor is its own process
  lines.on('close', () => void queue.then(() => process.exit(0)));
}

// The source that starts the executor with `node -e`.
export function executorSource(): string {
  return `(${executorMain.toString()})()`;
}
