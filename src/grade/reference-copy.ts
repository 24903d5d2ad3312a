import { readFile, stat } from 'node:fs/promises';
import { sha256 } from '../util/hash.js';
import { readFileInside, type TreeEntry } from '../util/tree.js';

// A rebuild may not ship the reference. Two cheap checks: files whose bytes equal a reference
// file are removed before the build; after it, a file that holds most of a reference binary
// (the reference with a byte appended, patched in a few places, or unpacked from an archive by
// compile.sh) makes the build fail. What runs only at case time (a program that unpacks the
// reference into /tmp when it starts) or transforms every byte is out of this check's reach.

// Files of the tree whose bytes equal one of the reference files, by path.
export async function identicalCopies(dir: string, entries: readonly TreeEntry[], referenceFiles: readonly string[]): Promise<string[]> {
  const bySize = new Map<number, Set<string>>();
  for (const file of referenceFiles) {
    const bytes = await readFile(file);
    const hashes = bySize.get(bytes.length) ?? new Set<string>();
    hashes.add(sha256(bytes));
    bySize.set(bytes.length, hashes);
  }
  const found: string[] = [];
  for (const entry of entries) {
    const hashes = bySize.get(entry.size);
    if (entry.kind !== 'file' || !hashes) continue;
    const bytes = await readFileInside(dir, entry.path, entry.size);
    if (bytes && hashes.has(sha256(bytes))) found.push(entry.path);
  }
  return found;
}

// Windows of this many bytes are sampled from a reference binary ...
const WINDOW = 48;
const SAMPLES = 24;
// ... and a file holding at least this share of them holds a copy.
const SHARE_FOR_COPY = 0.6;

interface Fingerprint {
  file: string;
  size: number;
  windows: Buffer[];
}

// Fingerprints by file, size and modification time: a run grades many builds of one reference.
const fingerprints = new Map<string, Fingerprint | null>();

// Distinctive windows spread evenly over a reference binary (null for a file that is not ELF or
// too small): runs of one byte value (padding) are skipped, since any binary holds those.
async function fingerprint(file: string): Promise<Fingerprint | null> {
  const st = await stat(file);
  const key = `${file}\0${st.size}\0${st.mtimeMs}`;
  const known = fingerprints.get(key);
  if (known !== undefined) return known;
  const bytes = await readFile(file);
  let print: Fingerprint | null = null;
  if (bytes.subarray(0, 4).toString('latin1') === '\x7fELF' && bytes.length >= WINDOW * SAMPLES * 4) {
    const windows: Buffer[] = [];
    const step = Math.floor(bytes.length / SAMPLES);
    for (let i = 0; i < SAMPLES; i++) {
      for (let at = i * step; at + WINDOW <= Math.min(bytes.length, (i + 1) * step); at += WINDOW) {
        const window = bytes.subarray(at, at + WINDOW);
        if (new Set(window).size >= 16) {
          windows.push(Buffer.from(window));
          break;
        }
      }
    }
    if (windows.length >= SAMPLES / 2) print = { file, size: bytes.length, windows };
  }
  fingerprints.set(key, print);
  return print;
}

// The first file of the built tree that holds most of a reference binary, with the reference it
// copies; null when none does. Only files of a size a copy could have are read.
export async function nearCopyOf(dir: string, entries: readonly TreeEntry[], referenceFiles: readonly string[]): Promise<{ path: string; reference: string } | null> {
  const prints: Fingerprint[] = [];
  for (const file of referenceFiles) {
    const print = await fingerprint(file);
    if (print) prints.push(print);
  }
  for (const entry of entries) {
    if (entry.kind !== 'file') continue;
    const candidates = prints.filter((p) => entry.size >= p.size / 2 && entry.size <= p.size * 2 + 1024 * 1024);
    if (candidates.length === 0) continue;
    const bytes = await readFileInside(dir, entry.path, entry.size);
    if (!bytes) continue;
    for (const print of candidates) {
      const hits = print.windows.filter((w) => bytes.indexOf(w) >= 0).length;
      if (hits >= print.windows.length * SHARE_FOR_COPY) return { path: entry.path, reference: print.file };
    }
  }
  return null;
}
