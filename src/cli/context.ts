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

// Parses a positive whole number option, or fails naming the option.
export function positiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidOptionValue(`${name} takes a whole number of 1 or more, not "${value}"`);
    return n;
  };
}

// Parses a whole number option (negative allowed), or fails naming the option.
export function wholeNumber(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new InvalidOptionValue(`${name} takes a whole number, not "${value}"`);
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
