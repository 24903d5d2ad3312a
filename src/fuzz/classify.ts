import type { Case } from '../contracts/case.js';
import type { Observation } from '../contracts/grade.js';
import { fromBytesValue } from '../util/bytes.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { behaviourSignature, stderrClass } from './signature.js';

// How generation sorts what the reference did into behaviour: tags, signatures, error classes. Pure.

// The feature tag of cases a model proposed; provenance, not behaviour, so signatures leave it out.
export const PROPOSED = 'model-proposed';
// The feature tag of examples taken from the docs; provenance too.
export const EXAMPLE = 'doc-example';
const PROVENANCE = new Set([PROPOSED, EXAMPLE]);

// Cases kept at most per error class (exit code and masked first stderr line, whatever the exit code),
// whatever options led there: one quirk of the messages must not outweigh the program.
export const ERROR_CLASS_CAP = 3;

// An error is a non-zero exit with a message; expr exits 1 for a zero result and says nothing.
function isError(observed: Observation): boolean {
  return observed.exit !== 0 && fromBytesValue(observed.stderr).length > 0;
}

// The class a case's diagnostics fall in: its exit code and the masked first line of stderr; null
// when it printed none. bc reports runtime errors with exit 0, so the exit code alone cannot tell.
// A message that ends by quoting a line of the case's input ("join: a.txt:2: is not sorted: brown")
// has that line masked: the data is not the error.
export function errorClassOf(observed: Observation, inputLines: ReadonlySet<string> = new Set()): string | null {
  const err = fromBytesValue(observed.stderr).toString('utf8');
  if (err.trim() === '') return null;
  const first = err.split('\n').find((l) => l.trim() !== '') ?? '';
  const cut = first.lastIndexOf(': ');
  const echoed = cut > 0 && inputLines.has(first.slice(cut + 2).trim());
  return `exit=${observed.exit}|${stderrClass(echoed ? `${first.slice(0, cut)}: D` : first)}`;
}

// The lines of a case's literal inputs (stdin and files), trimmed, for errorClassOf.
export function inputLinesOf(run: Case['run']): Set<string> {
  const lines = new Set<string>();
  for (const value of [run.stdin, ...Object.values(run.files)]) {
    if (typeof value !== 'string') continue;
    for (const line of value.split('\n')) if (line.trim() !== '') lines.add(line.trim());
  }
  return lines;
}

// Feature tags that come from what the reference did.
export function withOutcomeTags(features: readonly string[], observed: Observation): string[] {
  const tags = new Set(features);
  if (isError(observed)) tags.add('error');
  else if (observed.exit !== 0) tags.add(`exit-${observed.exit}`);
  return [...tags].sort();
}

// The behaviour signature of a case, provenance tags left out.
export function signatureOf(features: readonly string[], observed: Observation): string {
  return behaviourSignature(features.filter((f) => !PROVENANCE.has(f)), observed);
}

// The same output, byte for byte, kept at most this often (`--help` with any other option prints
// the same text; each would otherwise count as new behaviour by its options).
export const SAME_OUTPUT_CAP = 3;

// What a case is counted under for the caps: its error class (null when it printed no
// diagnostics) and the digest of everything it did.
export interface CapKey {
  errorClass: string | null;
  output: string;
}

export function capKeyOf(observed: Observation, run: Case['run']): CapKey {
  return { errorClass: errorClassOf(observed, inputLinesOf(run)), output: sha256(canonicalJson(observed)) };
}

// Counts kept cases per error class and per identical output, and says when either is full.
export class Caps {
  private counts = new Map<string, number>();

  full(key: CapKey): boolean {
    return (key.errorClass !== null && (this.counts.get(`e:${key.errorClass}`) ?? 0) >= ERROR_CLASS_CAP) || (this.counts.get(`o:${key.output}`) ?? 0) >= SAME_OUTPUT_CAP;
  }

  add(key: CapKey): void {
    if (key.errorClass !== null) this.bump(`e:${key.errorClass}`);
    this.bump(`o:${key.output}`);
  }

  private bump(k: string): void {
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }
}
