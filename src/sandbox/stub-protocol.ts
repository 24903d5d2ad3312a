// The wire format between the reference stub (native/broker-stub.c) and the broker: frames of one
// type byte, a u32 big-endian length and the payload. Pure.

export type StubFrameType = 'Q' | 'I' | 'E' | 'O' | 'R' | 'X';

export interface StubFrame {
  type: StubFrameType;
  body: Buffer;
}

export interface StubRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
}

// Largest frame the broker accepts; the stub sends stdin in 64 KiB frames and its request is
// bounded by the kernel's argument limit.
export const MAX_STUB_FRAME = 8 * 1024 * 1024;

export function encodeStubFrame(type: StubFrameType, body: Uint8Array = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

export function encodeExit(status: number): Buffer {
  const body = Buffer.alloc(4);
  body.writeUInt32BE(status & 0xff);
  return encodeStubFrame('X', body);
}

// Splits a byte stream into frames; throws on a frame larger than MAX_STUB_FRAME or of an
// unknown type.
export class StubFrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): StubFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: StubFrame[] = [];
    while (this.pending.length >= 5) {
      const type = String.fromCharCode(this.pending[0] as number);
      const length = this.pending.readUInt32BE(1);
      if (!'QIEORX'.includes(type)) throw new Error(`unknown frame type ${JSON.stringify(type)}`);
      if (length > MAX_STUB_FRAME) throw new Error(`frame of ${length} bytes is over the limit`);
      if (this.pending.length < 5 + length) break;
      frames.push({ type: type as StubFrameType, body: this.pending.subarray(5, 5 + length) });
      this.pending = this.pending.subarray(5 + length);
    }
    return frames;
  }
}

// The request the stub sends first: argc and envc, then NUL-terminated arguments, working
// directory and "K=V" entries.
export function decodeStubRequest(body: Buffer): StubRequest {
  if (body.length < 8) throw new Error('request too short');
  const argc = body.readUInt32BE(0);
  const envc = body.readUInt32BE(4);
  const strings = body.subarray(8).toString('utf8').split('\0');
  if (strings.at(-1) === '') strings.pop();
  if (argc < 1 || strings.length !== argc + 1 + envc) throw new Error('request fields do not add up');
  const env: Record<string, string> = {};
  for (const entry of strings.slice(argc + 1)) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return { argv: strings.slice(0, argc), cwd: strings[argc] as string, env };
}
