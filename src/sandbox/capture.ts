import type { Readable } from 'node:stream';

// Collects a stream up to `cap` bytes; calls `onCut` once when more arrives than fits.
export class CappedCapture {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  cut = false;

  constructor(
    stream: Readable,
    private readonly cap: number,
    private readonly onCut: () => void,
  ) {
    stream.on('data', (chunk: Buffer) => this.push(chunk));
    stream.on('error', () => {});
  }

  private push(chunk: Buffer): void {
    if (this.cut) return;
    const room = this.cap - this.size;
    if (chunk.length > room) {
      if (room > 0) this.chunks.push(chunk.subarray(0, room));
      this.size = this.cap;
      this.cut = true;
      this.onCut();
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}
