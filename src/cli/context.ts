import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { protectHarnessPaths } from '../sandbox/host.js';
import { openDb, type Db } from '../store/db.js';
import { packageRoot } from '../tasks/paths.js';

// The shipbench version from package.json.
export const VERSION: string = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

// Writes a line to stdout.
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

// Parses a positive whole number option written in digits (not "1e3", not "0x10"), at most `max`,
// or fails naming the option.
export function positiveInt(name: string, max = 1_000_000_000): (value: string) => number {
  return (value) => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidOptionValue(`${name} takes a whole number of 1 or more written in digits, not "${value}"`);
    if (n > max) throw new InvalidOptionValue(`${name} takes at most ${max}, not ${value.trim()}`);
    return n;
  };
}

// Parses a whole number option written in digits (negative allowed), or fails naming the option.
export function wholeNumber(name: string): (value: string) => number {
  return (value) => {
    const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n)) throw new InvalidOptionValue(`${name} takes a whole number written in digits, not "${value}"`);
    return n;
  };
}

export class InvalidOptionValue extends Error {}

// Opens the store at `path`; its folder (the store and run artifacts beside it) is then masked in
// every sandbox this process starts.
export function openStore(path: string): Db {
  protectHarnessPaths([dirname(path)]);
  return openDb(path);
}
