import type { GeneratorConfig } from '../../../contracts/generator.js';
import { Rng } from '../../../util/rng.js';
import type { PlannedCase } from '../../record.js';
import { arithmetic, bigNumbers } from './arithmetic.js';
import { arrays } from './arrays.js';
import { baseLimits, bases, lineLength } from './bases.js';
import { control, printing } from './control.js';
import { lexical, posixMode } from './dialect.js';
import { mistakeAt } from './errors.js';
import { functions } from './functions.js';
import { fileOperands, interactive, options, readInput } from './invocation.js';
import { largeAt } from './large.js';
import { mathLibrary } from './mathlib.js';
import { type BcScript, type Scenario, weighted } from './script.js';
import { textFeatures } from './tags.js';

// bc: programs that run to real results over the whole language (arithmetic and big numbers,
// bases, functions and arrays, control flow, strings, the math library), bc's command line and
// environment, POSIX mode, the scanner's corners, and a small share of mistakes.

// Weights are the expected share of the suite: nearly every candidate has a new signature.
// Mistakes and the large programs are not drawn but taken in turn (see ROTATION), so each kind
// is tried early whatever the seed.
const SCENARIOS: [number, Scenario][] = [
  [12, arithmetic],
  [9, bigNumbers],
  [9, bases],
  [3, baseLimits],
  [5, lineLength],
  [13, functions],
  [7, arrays],
  [8, control],
  [6, printing],
  [9, mathLibrary],
  [4, fileOperands],
  [4, readInput],
  [5, options],
  [2, interactive],
  [6, posixMode],
  [5, lexical],
];

// Scenarios whose programs also run under -l (default scale 20, the library loaded).
const MATHLIB_TOO = new Set<Scenario>([arithmetic, bigNumbers, functions, arrays, control]);

// Plans `count` bc candidates; candidate i depends only on (seed, i).
export function planBc(config: GeneratorConfig, count: number): PlannedCase[] {
  return Array.from({ length: count }, (_, i) => planOne(new Rng(config.seed, `bc-${i}`), i));
}

// One candidate in ROTATION is the next mistake, one the next large program.
const ROTATION = 16;

function planOne(r: Rng, i: number): PlannedCase {
  const turn = Math.floor(i / ROTATION);
  const scenario = i % ROTATION === 5 ? mistakeAt(turn) : i % ROTATION === 13 ? largeAt(turn) : weighted(r, SCENARIOS);
  const script = scenario(r.fork('program'));
  if (MATHLIB_TOO.has(scenario) && r.chance(0.15)) script.options = ['-l', ...(script.options ?? [])];
  return { id: `candidate-${i}`, features: featuresOf(script), run: invocation(r, script) };
}

// argv, stdin and files for a script: the program on standard input, or now and then in a file
// operand (with standard input empty or ending the run).
function invocation(r: Rng, script: BcScript): PlannedCase['run'] {
  const program = script.lines.length > 0 ? `${script.lines.join('\n')}\n` : '';
  const files: Record<string, string> = Object.fromEntries(script.files ?? []);
  const operands = [...(script.operands ?? (script.files ?? []).map(([name]) => name))];
  let stdin = program + (script.input ?? '');
  if (!script.stdinOnly && program !== '' && r.chance(0.1)) {
    files['program.bc'] = program;
    operands.push('program.bc');
    stdin = r.pick(['', 'quit\n', '1 + 1\n']);
  }
  return { argv: [...(script.options ?? []), ...operands], stdin, files, env: script.env ?? {} };
}

function featuresOf(script: BcScript): string[] {
  const text = [...script.lines, ...(script.files ?? []).map(([, body]) => body)].join('\n');
  const tags = new Set([...script.features, ...textFeatures(text)]);
  for (const o of script.options ?? []) if (o.startsWith('-')) tags.add(`opt${o.replace(/^-+/, '-')}`);
  for (const name of Object.keys(script.env ?? {})) tags.add(`env-${name.toLowerCase()}`);
  return [...tags].sort();
}
