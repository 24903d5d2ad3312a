import { Rng } from '../../../util/rng.js';
import { BUILTIN_ROWS } from './builtins.js';
import { rows, type Targeted } from './case.js';
import { EXTRA_ROWS } from './corners.js';
import { INPUT_ROWS } from './inputs.js';
import { largeRows } from './large.js';
import { mathRows } from './math.js';
import { moduleRows } from './modules.js';
import { numberRows } from './numbers.js';
import { OPERATOR_ROWS } from './operators.js';
import { optionRows } from './options.js';
import { SYNTAX_ROWS } from './syntax.js';
import { isOptionValue, programTags } from './tags.js';

// jq's targeted cases: every builtin of jq 1.6 in valid programs on inputs that make it do its work
// (and a few wrong inputs for its error messages), every command-line option, modules and search
// paths, the grammar's less common forms and its error messages, numbers at the edges of double
// precision, escapes and surrogate pairs, and inputs large or deep enough to reach the parser's
// buffer refills and the values' growth. The random programs of jq.ts come after these.

// The targeted cases in their fixed order, tagged.
export function targetedCases(seed: number): Targeted[] {
  const rng = new Rng(seed, 'jq-targeted');
  const out: Targeted[] = [];
  const add = (list: Targeted[]) => out.push(...list);
  add(rows('builtin', BUILTIN_ROWS));
  add(mathRows());
  add(rows('operators', OPERATOR_ROWS));
  add(optionRows());
  add(moduleRows());
  add(rows('syntax', SYNTAX_ROWS));
  add(rows('builtin', EXTRA_ROWS));
  add(numberRows(rng));
  add(INPUT_ROWS.map(([stdin, program, options]) => ({ tags: ['input'], argv: [...(options ?? []), program], stdin })));
  add(largeRows(rng));
  // Tags: the family, the builtins the program names and the options it passes. Cases are kept
  // when their behaviour signature (tags and output shape) is new, so a case whose tags repeat an
  // earlier one's gets an `alt-N` tag (a few at most: past that they are error messages, which
  // differ anyway): each of these cases was written for something of its own.
  const seen = new Map<string, number>();
  return out.map((t) => {
    const program = t.argv.find((a, i) => !a.startsWith('-') && !isOptionValue(t.argv, i)) ?? '';
    const tags = new Set([...t.tags, ...programTags(program)]);
    for (const f of optionTags(t.argv)) tags.add(f);
    const key = [...tags].sort().join(',');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1 && n <= 6) tags.add(`alt-${n}`);
    return { ...t, tags: [...tags].sort() };
  });
}

// The options a command line passes, one tag each (-cr gives c and r; -Ldir gives L), up to the
// positional arguments that --args, --jsonargs or -- start.
function optionTags(argv: readonly string[]): string[] {
  const tags: string[] = [];
  for (const a of argv) {
    if (a === '--') break;
    if (a.startsWith('-L')) tags.push('L');
    else if (/^--[a-z-]+$/.test(a)) tags.push(a.slice(2));
    else if (/^-[a-zA-Z]+$/.test(a)) tags.push(...a.slice(1));
    if (a === '--args' || a === '--jsonargs') break;
  }
  return tags;
}
