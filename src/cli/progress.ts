// Progress of a long job on stderr: one redrawn line with counts and ETA on a terminal; otherwise a
// plain line every ten seconds and one at the end of a job that took longer; nothing when quiet.
export interface Progress {
  update(done: number, total: number, failed?: number): void;
  finish(): void;
}

export function createProgress(label: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update() {}, finish() {} };
  const started = Date.now();
  let lastLine = started;
  const PLAIN_EVERY_MS = 10_000;
  let drawn = false;
  return {
    update(done, total, failed) {
      const elapsed = (Date.now() - started) / 1000;
      const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
      const failures = failed === undefined ? '' : `, ${failed} failed`;
      const text = `${label} ${done}/${total} cases${failures}, ${elapsed.toFixed(1)}s elapsed${done < total ? `, ETA ${eta.toFixed(0)}s` : ''}`;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${text}`);
        drawn = true;
        return;
      }
      const now = Date.now();
      const finalLine = done === total && now - started >= PLAIN_EVERY_MS;
      if (now - lastLine >= PLAIN_EVERY_MS || finalLine) {
        lastLine = now;
        stream.write(`${text}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
