// A readable line diff of expected vs got: the common head and tail are skipped and the differing
// middle is shown, each side cut to `maxLines`. Linear in the input, so huge outputs stay cheap.
// A last line without a newline is marked, so a missing final newline is visible.
export function lineDiff(label: string, expected: string, got: string, maxLines = 12): string {
  const a = splitLines(expected);
  const b = splitLines(got);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  const lines = [`--- expected ${label}`, `+++ got ${label}`, `@@ line ${head + 1} @@`];
  if (head > 0) lines.push(`  ${visible(a[head - 1] ?? '')}`);
  if (removed.length === 0 && added.length === 0) lines.push('  (identical lines; the bytes differ)');
  pushSide(lines, '-', removed, maxLines, expected === '' ? '(nothing)' : null);
  pushSide(lines, '+', added, maxLines, got === '' ? '(nothing)' : null);
  if (tail > 0) lines.push(`  ${visible(a[a.length - tail] ?? '')}`);
  return lines.join('\n');
}

// Lines with their terminator kept, so "a" and "a\n" differ as lines.
function splitLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const lines = parts.slice(0, -1).map((l) => `${l}\n`);
  const last = parts[parts.length - 1] as string;
  if (last !== '') lines.push(last);
  return lines;
}

function pushSide(lines: string[], mark: string, side: string[], maxLines: number, empty: string | null): void {
  if (side.length === 0 && empty) lines.push(`${mark} ${empty}`);
  for (const line of side.slice(0, maxLines)) lines.push(`${mark} ${visible(line)}`);
  if (side.length > maxLines) lines.push(`${mark} … ${side.length - maxLines} more lines`);
}

// One line for a terminal: the newline dropped (or its absence marked), invisible characters escaped.
function visible(line: string): string {
  const body = line.endsWith('\n') ? line.slice(0, -1) : line;
  const cut = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body;
  // eslint-disable-next-line no-control-regex
  const shown = cut.replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return line.endsWith('\n') ? shown : `${shown} ⟨no newline at end⟩`;
}
