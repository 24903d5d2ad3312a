import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
