import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const SHIPBENCH_BIN = join(import.meta.dirname, '..', '..', 'bin', 'shipbench.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Runs the built CLI as a user would, from `cwd`, with `env` laid over this process's environment.
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SHIPBENCH_BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
