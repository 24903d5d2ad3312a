// gcc's counter files (.gcda), read just far enough for coverage feedback: which arc counters of
// which function are non-zero. gcc instruments the arcs off a spanning tree of each function's
// flow graph, so a counter that becomes non-zero for the first time means control went somewhere
// it had not gone before. Pure.

const MAGIC = 0x67636461; // "gcda"
const TAG_FUNCTION = 0x01000000;
const TAG_ARCS = 0x01a10000;

// The arc counters a .gcda file holds as non-zero, as "<function ident>:<counter index>".
export function reachedArcs(bytes: Buffer): string[] {
  if (bytes.length < 16 || bytes.readUInt32LE(0) !== MAGIC) return [];
  const out: string[] = [];
  // Header: magic, version, stamp, checksum (gcc 12 and later).
  let at = 16;
  let fn = -1;
  while (at + 8 <= bytes.length) {
    const tag = bytes.readUInt32LE(at);
    const length = bytes.readInt32LE(at + 4);
    at += 8;
    if (tag === 0) break;
    // A negative length stands for that many bytes of zero counters, not stored.
    const size = length < 0 ? 0 : length;
    if (at + size > bytes.length) break;
    if (tag === TAG_FUNCTION) fn = size >= 4 ? bytes.readUInt32LE(at) : -1;
    else if (tag === TAG_ARCS && fn !== -1) {
      for (let i = 0; i * 8 < size; i++) {
        if (bytes.readUInt32LE(at + i * 8) !== 0 || bytes.readUInt32LE(at + i * 8 + 4) !== 0) out.push(`${fn}:${i}`);
      }
    }
    at += size;
  }
  return out;
}
