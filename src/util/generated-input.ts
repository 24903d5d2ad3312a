import { Rng } from './rng.js';

// Input made by a fixed recipe (contracts/bytes.ts GeneratedBytes, structurally). Every kind's bytes
// are part of the suite format: changing what a kind makes changes every suite that uses it, so a
// kind is never changed, only added.
export interface GeneratedSpec {
  kind: 'lines' | 'text' | 'numbers' | 'csv' | 'words' | 'binary' | 'invalid-utf8' | 'long-line';
  bytes: number;
  seed: number;
}

const WORDS = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'alpha', 'beta', 'gamma', 'delta', 'a', 'an', 'zeta', 'Apple', 'banana', 'Cherry', 'x', 'y', 'z', '42', '007', 'id', 'name', 'value', 'hello', 'world', 'foo', 'bar', 'baz', 'qux', 'lorem', 'ipsum', 'dolor', 'sit', 'amet'];
const UNICODE = ['é', 'ß', 'naïve', '日本語', 'Ωmega', 'café', 'Ünïcödé', '😀', 'ĳ', '﻿x'];
const INVALID = [[0xff], [0xfe], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

// One line (without its newline) of each line-shaped kind.
const LINE: Record<Exclude<GeneratedSpec['kind'], 'binary' | 'long-line'>, (r: Rng) => Buffer> = {
  lines: (r) => Buffer.from(wordRun(r, r.chance(0.05) ? 0 : r.int(1, 12)).join(' ')),
  words: (r) => Buffer.from(r.pick(WORDS)),
  text: (r) => {
    const parts = wordRun(r, r.int(0, 14)).map((w) => (r.chance(0.15) ? r.pick(UNICODE) : w));
    const line = parts.join(r.chance(0.2) ? '\t' : ' ');
    return Buffer.from(r.chance(0.1) ? `${line}  ` : line);
  },
  numbers: (r) => {
    const n = r.chance(0.7) ? String(r.int(-100000, 100000)) : `${r.int(-999, 999)}.${r.int(0, 9999)}`;
    return Buffer.from(r.chance(0.05) ? `  ${n}` : n);
  },
  csv: (r) => Buffer.from(Array.from({ length: r.int(3, 6) }, () => (r.chance(0.3) ? String(r.int(0, 999)) : r.chance(0.1) ? `"${r.pick(WORDS)}, ${r.pick(WORDS)}"` : r.pick(WORDS))).join(',')),
  'invalid-utf8': (r) => Buffer.concat(wordRun(r, r.int(1, 8)).map((w) => Buffer.concat([Buffer.from(`${w} `), r.chance(0.3) ? Buffer.from(r.pick(INVALID)) : Buffer.alloc(0)]))),
};

function wordRun(r: Rng, n: number): string[] {
  return Array.from({ length: n }, () => r.pick(WORDS));
}

// The bytes of a generated input: exactly `bytes` long, the same for the same spec on every machine.
// Line-shaped kinds end with a newline; their last line is padded with "x" to reach the size.
export function expandGenerated(spec: GeneratedSpec): Buffer {
  const r = new Rng(spec.seed, `generated-${spec.kind}`);
  const out = Buffer.alloc(spec.bytes);
  if (spec.kind === 'binary') {
    for (let i = 0; i < spec.bytes; i += 4) {
      const v = r.next();
      for (let k = 0; k < 4 && i + k < spec.bytes; k++) out[i + k] = (v >>> (8 * k)) & 0xff;
    }
    return out;
  }
  if (spec.kind === 'long-line') {
    let at = 0;
    while (at < spec.bytes) {
      const word = Buffer.from(`${r.pick(WORDS)}${r.chance(0.00002) ? '\n' : ' '}`);
      at += word.copy(out, at);
    }
    return out;
  }
  const line = LINE[spec.kind];
  let at = 0;
  for (;;) {
    const next = line(r);
    if (at + next.length + 1 > spec.bytes) break;
    at += next.copy(out, at);
    out[at++] = 0x0a;
  }
  if (at < spec.bytes) {
    out.fill(0x78, at, spec.bytes - 1);
    out[spec.bytes - 1] = 0x0a;
  }
  return out;
}

const memo = new Map<string, Buffer>();
const MEMO_BYTES = 64 * 1024 * 1024;
let memoBytes = 0;

// expandGenerated with the last few results kept: a case's input is expanded for the reference, its
// reruns and the programs it is compared with.
export function generatedBytes(spec: GeneratedSpec): Buffer {
  const key = `${spec.kind}:${spec.bytes}:${spec.seed}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const bytes = expandGenerated(spec);
  while (memoBytes + bytes.length > MEMO_BYTES && memo.size > 0) {
    const [oldest, value] = memo.entries().next().value as [string, Buffer];
    memo.delete(oldest);
    memoBytes -= value.length;
  }
  if (bytes.length <= MEMO_BYTES) {
    memo.set(key, bytes);
    memoBytes += bytes.length;
  }
  return bytes;
}
