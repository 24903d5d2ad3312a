// The frame protocol between shipbench and the case executor of a warm sandbox (native/executor.c):
// a frame is a u32 little-endian length and a payload; a payload is a list of fields, each a u32
// length and bytes; numbers are decimal text.

export interface RunRequest {
  id: number;
  timeoutMs: number;
  graceMs: number;
  outputBytes: number;
  memoryMb: number;
  cpuSeconds: number;
  processes: number;
  fileSizeMb: number;
  openFiles: number;
  argv0: string;
  file: string;
  args: readonly string[];
  env: Record<string, string>;
  stdin: Uint8Array;
  files: Record<string, Uint8Array>;
  readFiles: readonly string[];
}

export interface RunResponse {
  id: number;
  endedBy: 'exit' | 'timeout' | 'output-limit' | 'disk-limit';
  exitCode: number | null;
  signal: string | null;
  outputCut: 'stdout' | 'stderr' | null;
  wallMs: number;
  cpuMs: number;
  hung: string[];
  stdout: Buffer;
  stderr: Buffer;
  files: Record<string, Buffer | null>;
  error: string | null;
}

type Field = string | number | Uint8Array;

function frame(fields: readonly Field[]): Buffer {
  const parts = fields.map((f) => (typeof f === 'string' || typeof f === 'number' ? Buffer.from(String(f), 'utf8') : Buffer.from(f)));
  const size = parts.reduce((n, p) => n + 4 + p.length, 0);
  const out = Buffer.allocUnsafe(4 + size);
  out.writeUInt32LE(size, 0);
  let at = 4;
  for (const p of parts) {
    out.writeUInt32LE(p.length, at);
    p.copy(out, at + 4);
    at += 4 + p.length;
  }
  return out;
}

export function encodeRun(r: RunRequest): Buffer {
  const env = Object.entries(r.env).map(([k, v]) => `${k}=${v}`);
  const files = Object.entries(r.files).flatMap(([path, content]) => [path, content]);
  return frame([
    'run', r.id, r.timeoutMs, r.graceMs, r.outputBytes, r.memoryMb, r.cpuSeconds, r.processes, r.fileSizeMb, r.openFiles,
    r.argv0, r.file, r.args.length, ...r.args, env.length, ...env, r.stdin, Object.keys(r.files).length, ...files,
    r.readFiles.length, ...r.readFiles,
  ]);
}

export function encodeAbort(id: number, reason: 'disk-limit' | 'timeout'): Buffer {
  return frame(['abort', id, reason]);
}

// Splits a byte stream into frame payloads.
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    while (this.pending.length >= 4) {
      const size = this.pending.readUInt32LE(0);
      if (this.pending.length < 4 + size) break;
      frames.push(this.pending.subarray(4, 4 + size));
      this.pending = this.pending.subarray(4 + size);
    }
    return frames;
  }
}

// The fields of a payload.
export function fields(payload: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at + 4 <= payload.length) {
    const size = payload.readUInt32LE(at);
    out.push(payload.subarray(at + 4, at + 4 + size));
    at += 4 + size;
  }
  return out;
}

export function isReady(payload: Buffer): boolean {
  const f = fields(payload);
  return f.length === 1 && f[0]?.toString() === 'ready';
}

export function decodeResponse(payload: Buffer): RunResponse {
  const f = fields(payload);
  let i = 0;
  const next = () => f[i++] ?? Buffer.alloc(0);
  const text = () => next().toString('utf8');
  const num = () => Number(text());
  const id = num();
  const endedBy = text() as RunResponse['endedBy'];
  const exit = text();
  const signal = text();
  const cut = text();
  const wallMs = num() / 1000;
  const cpuMs = num() / 1000;
  const hung = Array.from({ length: num() }, text);
  const stdout = Buffer.from(next());
  const stderr = Buffer.from(next());
  const files: Record<string, Buffer | null> = {};
  const nfiles = num();
  for (let k = 0; k < nfiles; k++) {
    const path = text();
    const present = text() === '1';
    const content = Buffer.from(next());
    files[path] = present ? content : null;
  }
  const error = text();
  return {
    id,
    endedBy,
    exitCode: exit === '' ? null : Number(exit),
    signal: signal === '' ? null : signal,
    outputCut: cut === '' ? null : (cut as 'stdout' | 'stderr'),
    wallMs,
    cpuMs,
    hung,
    stdout,
    stderr,
    files,
    error: error === '' ? null : error,
  };
}
