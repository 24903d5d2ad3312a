import type { Rng } from '../../../util/rng.js';

// One bc run as a scenario describes it: the program, how bc is started, and what the run checks.
export interface BcScript {
  /** Program lines; they go to standard input unless the scenario names files. */
  lines: string[];
  /** Tags for what the program exercises, beyond those read off its text. */
  features: string[];
  /** Options before any file operand. */
  options?: string[];
  env?: Record<string, string>;
  /** Files in the case directory, given to bc as operands in this order unless `operands` says. */
  files?: [string, string][];
  /** Operands after the options when they are not simply the files. */
  operands?: string[];
  /** Standard input after the program (numbers for read(), more statements after the files). */
  input?: string;
  /** The program must stay on standard input (read() and file operands do not mix with it). */
  stdinOnly?: boolean;
}

// A scenario: a family of bc programs around one area of the language or the command line.
export type Scenario = (r: Rng) => BcScript;

// Picks by weight: [weight, value] pairs.
export function weighted<T>(r: Rng, items: readonly (readonly [number, T])[]): T {
  const total = items.reduce((sum, [w]) => sum + w, 0);
  let at = r.float() * total;
  for (const [w, value] of items) {
    at -= w;
    if (at < 0) return value;
  }
  return (items.at(-1) as readonly [number, T])[1];
}

// n items made by `make`.
export function times<T>(n: number, make: (k: number) => T): T[] {
  return Array.from({ length: n }, (_, k) => make(k));
}
