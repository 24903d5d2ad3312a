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

// Largest request the broker accepts: the kernel's own limit on arguments and environment of one
// program is 2 MiB with the default stack size, and the stub's request carries no more than those.
export const MAX_REQUEST_FRAME = 5 * 512 * 1024;
// Largest frame of stream data (the stub sends stdin in 64 KiB frames).
export const MAX_DATA_FRAME = 64 * 1024;

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

// Splits a byte stream into frames in linear time (each byte is copied at most once, however the
// stream is chunked); throws on a frame over its type's limit or of an unknown type, so one
// connection never holds more than one frame's worth of bytes.
export class StubFrameReader {
  // Received chunks from `head` on; the first may be partly consumed (`offset` bytes).
  private chunks: Buffer[] = [];
  private head = 0;
  private offset = 0;
  private length = 0;

  /** Bytes received and not yet handed out as frames. */
  get buffered(): number {
    return this.length;
  }

  push(chunk: Buffer): StubFrame[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.length += chunk.length;
    }
    const frames: StubFrame[] = [];
    while (this.length >= 5) {
      const header = this.copyOut(5, false);
      const type = String.fromCharCode(header[0] as number);
      const length = header.readUInt32BE(1);
      if (!'QIEORX'.includes(type)) throw new Error(`unknown frame type ${JSON.stringify(type)}`);
      const limit = type === 'Q' ? MAX_REQUEST_FRAME : MAX_DATA_FRAME;
      if (length > limit) throw new Error(`a ${type} frame of ${length} bytes is over the limit of ${limit}`);
      if (this.length < 5 + length) break;
      this.copyOut(5, true);
      frames.push({ type: type as StubFrameType, body: this.copyOut(length, true) });
    }
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
    return frames;
  }

  // The first n buffered bytes, consumed when `consume` is set. Walks only the chunks that hold
  // them.
  private copyOut(n: number, consume: boolean): Buffer {
    const first = this.chunks[this.head] as Buffer | undefined;
    if (first && first.length - this.offset >= n) {
      const out = first.subarray(this.offset, this.offset + n);
      if (consume) this.advance(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    let index = this.head;
    let offset = this.offset;
    while (filled < n) {
      const chunk = this.chunks[index] as Buffer;
      const used = chunk.copy(out, filled, offset, Math.min(chunk.length, offset + n - filled));
      filled += used;
      index++;
      offset = 0;
    }
    if (consume) this.advance(n);
    return out;
  }

  private advance(n: number): void {
    this.length -= n;
    while (n > 0) {
      const chunk = this.chunks[this.head] as Buffer;
      const left = chunk.length - this.offset;
      if (n < left) {
        this.offset += n;
        return;
      }
      n -= left;
      this.chunks[this.head] = EMPTY;
      this.head++;
      this.offset = 0;
    }
  }
}

const EMPTY = Buffer.alloc(0);

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
