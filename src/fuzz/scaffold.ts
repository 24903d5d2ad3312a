import type { ArgKind, OptionSpec } from '../contracts/generator.js';
import { mineOptions } from './mine.js';
import { writesFile } from './plan-cli.js';

// The generator `tasks new` writes for a program it has only the docs of: the cli preset's
// settings guessed from words of the docs, and every mined option with the kind of its argument
// and values to try, for the user to refine. Pure.


// Values to try for each kind of argument: ordinary ones, edges, and one or two that are wrong.
const VALUES: Record<Exclude<ArgKind, 'enum'>, string[]> = {
  number: ['0', '1', '2', '5', '10', '100', '-1', 'x'],
  size: ['0', '1', '16', '100', '1K', '64K', '1M', 'x'],
  list: ['1', '2', '1,3', '1-2', '2-', '-2', '0'],
  char: [',', ':', ' ', '\t', '|', 'ab', ''],
  'input-file': ['input.txt', 'missing.txt', '-'],
  'output-file': ['out.txt'],
  format: ['%s', '%d', '%5.2f', '%x', '%%', '%'],
  pattern: ['a', '^a', '[0-9]+', 'a.*b', '(', 'x\\|y'],
  text: ['x', 'abc', '', 'é', ' :: '],
};

// The kind of an option's argument, from its placeholder and description.
export function argKind(o: OptionSpec): ArgKind {
  if (o.values && o.values.length >= 2) return 'enum';
  if (writesFile(o)) return 'output-file';
  const name = (o.argName ?? '').replace(/[[\]=<>-]/g, '').toUpperCase();
  const text = o.description.toLowerCase();
  if (/SIZE|BYTES/.test(name)) return 'size';
  if (/LIST|FIELDS?$|POS|KEYDEF/.test(name)) return 'list';
  if (/DELIM|SEP|CHAR|^X$|^C$/.test(name)) return 'char';
  if (/FORMAT|FMT/.test(name)) return 'format';
  if (/REGEX|REGEXP|PATTERN|BRE|ERE|^RE$/.test(name) || /regular expression|pattern/.test(text)) return 'pattern';
  if (/FILE|^F$|DIR|PATH/.test(name)) return 'input-file';
  if (/NUM|^N$|^M$|COUNT|WIDTH|COLS|NUMBER|INCR|LINES|FIRST|LAST|SECONDS|DEPTH|LEVEL|LEN|OFF|SEEK/.test(name)) return 'number';
  return 'text';
}

// Docs of a tool that works on bytes rather than text (od, xxd, base64): binary inputs pay there.
function worksOnBytes(text: string): boolean {
  return /\b(binary|hex(adecimal|dump)?|octal|byte[- ]oriented|dump|encode|decode)\b/.test(text);
}

// Docs of a program that runs programs of its own language (sed, awk, an interpreter): fuzzing its
// options and inputs says little; it needs a preset that writes programs in that language.
function runsScripts(text: string): boolean {
  return /\b(script|program text|program-file|scriptfile|interpreter|statements?)\b/i.test(text) && /(-e|-f|--expression|--file|progfile|script-file)\b/.test(text);
}

export interface Scaffold {
  generator: {
    preset: 'cli';
    domain: string;
    input: string;
    operands: string;
    budget: number;
    binaryInputs?: number;
    options: OptionSpec[];
  };
  /** What the user should know and do next, one line each. */
  notes: string[];
}

// The scaffolded generator and what to say about it.
export function scaffoldGenerator(docs: string): Scaffold {
  const text = docs.toLowerCase();
  const has = (...words: string[]) => words.some((w) => text.includes(w));
  const domain = has('base64') ? 'base64' : has('delimiter', 'field') ? (has('tab') ? 'tsv' : 'csv') : has('numeric', 'number') && !has('line number') ? 'numbers' : has('sort', 'unique', 'duplicate') ? 'words' : 'text';
  const operands = /\bexpression\b/.test(text) && !has('file') ? 'expression' : /\b(first|last|increment)\b/.test(text) && !has('file') ? 'numbers' : has('file1 file2', 'file1 and file2') ? 'two-files' : 'files';
  const input = operands === 'numbers' || operands === 'expression' ? 'none' : has('standard input', 'stdin') ? 'both' : 'files';
  const mined = mineOptions(docs).filter((o) => o.long !== '--version');
  const options: OptionSpec[] = mined.map((o) => {
    if (o.arg === 'none') return o;
    const kind = argKind(o);
    return { ...o, kind, values: kind === 'enum' ? (o.values as string[]) : VALUES[kind] };
  });
  const bytes = worksOnBytes(text);
  const notes = [`${mined.length} options mined from the docs, each with the kind of its argument and values to try: refine them in task.yaml`];
  if (bytes) notes.push('the docs speak of bytes (binary, hex, dump…): a quarter of the inputs will be binary (generator.binaryInputs)');
  if (runsScripts(docs)) {
    notes.push('this program runs scripts of its own language: the cli preset fuzzes its options and inputs, not programs in that language, so the suite will be shallow');
    notes.push('write a preset that generates programs of the language, as src/fuzz/presets/jq.ts does for jq, and name it in generator.preset');
  }
  return {
    generator: { preset: 'cli', domain, input, operands, budget: 300, ...(bytes ? { binaryInputs: 0.25 } : {}), options },
    notes,
  };
}
