import type { SandboxResult } from '../sandbox/run.js';
import type { Trajectory } from './trajectory.js';

// What the model sees of a command's output: all of it up to `limit` characters, else the head
// and the tail with the number of characters left out between them. Pure.
export function truncateOutput(text: string, limit = 10_000): string {
  if (text.length <= limit) return text;
  const half = Math.floor(limit / 2);
  const elided = text.length - 2 * half;
  return `${text.slice(0, half)}\n\n[… ${elided} characters left out; narrow the command (head, tail, grep) to see them …]\n\n${text.slice(-half)}`;
}

// The observation text of one command, with why it ended when it did not end by itself.
function describeResult(result: SandboxResult, timeoutMs: number): { exitCode: number | null; text: string } {
  const output = truncateOutput(Buffer.concat([result.stdout, result.stderr]).toString('utf8'));
  const { outcome } = result;
  let ending = '';
  if (outcome.endedBy === 'timeout') ending = `\n[the command was stopped after ${Math.round(timeoutMs / 1000)} s; run long jobs in smaller pieces]`;
  else if (outcome.endedBy === 'output-limit') ending = '\n[the command was stopped: its output passed the size limit]';
  else if (outcome.endedBy === 'disk-limit') ending = '\n[the command was stopped: the workspace, home and /tmp together passed their size limit]';
  else if (outcome.endedBy === 'memory-limit') ending = '\n[the command was stopped: it passed its memory limit]';
  else if (outcome.endedBy === 'spawn-failed') ending = `\n[the command could not start: ${outcome.error ?? 'sandbox error'}]`;
  return { exitCode: outcome.exitCode, text: `${output}${ending}` };
}

// Records a command the agent ran and returns what it shows: exit code and observation text.
export function recordCommand(trajectory: Trajectory, step: number, command: string, result: SandboxResult, timeoutMs: number): { exitCode: number | null; text: string } {
  const described = describeResult(result, timeoutMs);
  trajectory.append({ type: 'command', step, command, exitCode: described.exitCode, endedBy: result.outcome.endedBy, output: described.text, outputBytes: result.stdout.length + result.stderr.length, wallMs: Math.round(result.outcome.wallMs) });
  return described;
}
