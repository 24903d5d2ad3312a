import { createHash } from 'node:crypto';

// A seeded pseudo-random stream (xoshiro128**). Streams are named: the same (seed, name) always
// gives the same sequence, and drawing from one stream never shifts another.
export class Rng {
  private s: Uint32Array;

  constructor(seed: number | string, name = '') {
    const digest = createHash('sha256').update(`${seed}\0${name}`).digest();
    this.s = new Uint32Array([digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)]);
    if (this.s.every((x) => x === 0)) this.s[0] = 1;
  }

  /** A derived stream that does not disturb this one. */
  fork(name: string): Rng {
    return new Rng(`${this.s.join(',')}`, name);
  }

  /** Next 32 random bits as an unsigned integer. */
  next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1] as number, 5), 7), 9) >>> 0;
    const t = (s[1] as number) << 9;
    s[2] = (s[2] as number) ^ (s[0] as number);
    s[3] = (s[3] as number) ^ (s[1] as number);
    s[1] = (s[1] as number) ^ (s[2] as number);
    s[0] = (s[0] as number) ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 2 ** 32;
  }

  /** An integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** A random subset of `items` of size k (order kept). */
  subset<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, items.length)) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

// Counter-based draws: a float in [0, 1) that depends only on (seed, stream, a, b, c). The market
// keys every draw by what it is about (customer, day, job), so a change in one customer's fate
// never shifts another draw, and every product faces the same world.
export function streamKey(seed: number, name: string): number {
  const digest = createHash('sha256').update(`${seed}\0${name}`).digest();
  return digest.readUInt32LE(0);
}

export function drawAt(key: number, a: number, b = 0, c = 0): number {
  let h = mix(key ^ Math.imul(a + 1, 0x9e3779b1));
  h = mix(h ^ Math.imul(b + 1, 0x85ebca77));
  h = mix(h ^ Math.imul(c + 1, 0xc2b2ae3d));
  return h / 2 ** 32;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
