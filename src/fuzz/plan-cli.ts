import type { GeneratorConfig, OptionSpec } from '../contracts/generator.js';
import { Rng } from '../util/rng.js';
import { argumentValue, inputText, number, word } from './domains.js';
import type { PlannedCase } from './record.js';

// The name a feature tag uses for an option: its long name without dashes, else its short one.
export function optionFeature(o: OptionSpec): string {
  return (o.long ?? o.short ?? '?').replace(/^-+/, '');
}

// How one option is written on the command line, with its argument when it takes one.
function optionArgs(rng: Rng, o: OptionSpec): string[] {
  const useLong = o.long !== undefined && (o.short === undefined || rng.chance(0.5));
  const name = (useLong ? o.long : o.short) as string;
  if (o.arg === 'none') return [name];
  if (o.arg === 'optional') {
    if (rng.chance(0.4)) return [name];
    const v = argumentValue(rng, o.argName, o.values);
    return useLong ? [`${name}=${v}`] : [`${name}${v}`];
  }
  const parts = (o.argName ?? '').split(' ').filter(Boolean);
  if (parts.length > 1) return [name, ...parts.map((p) => (p.length === 1 && /[a-z]/.test(p) ? rng.pick(['a', 'x', 'name']) : argumentValue(rng, p, o.values)))];
  const v = argumentValue(rng, o.argName, o.values);
  if (useLong) return rng.chance(0.8) ? [`${name}=${v}`] : [name, v];
  return rng.chance(0.6) ? [name, v] : [`${name}${v}`];
}

const EXPR_OPERATORS: Record<string, string> = {
  '+': 'plus', '-': 'minus', '*': 'times', '/': 'divide', '%': 'modulo', '<': 'less', '<=': 'less-equal', '=': 'equal', '!=': 'not-equal',
  '>=': 'greater-equal', '>': 'greater', ':': 'match-operator', '|': 'or', '&': 'and', length: 'length', substr: 'substr', index: 'index', match: 'match', '(': 'parentheses',
};

const EXPR_FORMS = [
  (r: Rng) => [number(r), r.pick(['+', '-', '*', '/', '%']), number(r)],
  (r: Rng) => [number(r), r.pick(['<', '<=', '=', '!=', '>=', '>']), number(r)],
  (r: Rng) => [word(r), r.pick(['<', '=', '!=', '>']), word(r)],
  (r: Rng) => [word(r), ':', r.pick(['a*', '.*', '\\(.*\\)', '[a-z]*', 'x', '\\([0-9]*\\)'])],
  (r: Rng) => ['length', word(r)],
  (r: Rng) => ['substr', word(r), String(r.int(0, 4)), String(r.int(0, 4))],
  (r: Rng) => ['index', word(r), r.pick(['a', 'lo', 'xyz', 'é'])],
  (r: Rng) => ['match', word(r), r.pick(['a*', '.*', 'h.'])],
  (r: Rng) => [number(r), r.pick(['|', '&']), number(r)],
  (r: Rng) => ['(', number(r), '+', number(r), ')', '*', number(r)],
  (r: Rng) => [number(r)],
  (r: Rng) => [number(r), '+'],
];

// Planned invocations for the cli preset: random option subsets with arguments, operands and
// input of the task's domain. Candidate i depends only on (seed, i).
export function planCliCases(options: readonly OptionSpec[], config: GeneratorConfig, count: number, stream = 'cli'): PlannedCase[] {
  const excluded = new Set(config.exclude);
  const usable = options.filter((o) => !(o.long && excluded.has(o.long)) && !(o.short && excluded.has(o.short)));
  const planned: PlannedCase[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(config.seed, `${stream}-case-${i}`);
    const chosen = rng.subset(usable, rng.int(0, Math.min(config.maxOptions, usable.length)));
    const group = config.requireOneOf ?? [];
    if (group.length > 0 && rng.chance(0.9) && !chosen.some((o) => group.includes(o.long ?? '') || group.includes(o.short ?? ''))) {
      const required = usable.filter((o) => group.includes(o.long ?? '') || group.includes(o.short ?? ''));
      if (required.length > 0) chosen.unshift(rng.pick(required));
    }
    const argv: string[] = [];
    const features = new Set<string>();
    for (const o of chosen) {
      argv.push(...optionArgs(rng, o));
      features.add(optionFeature(o));
    }
    const files: Record<string, string> = {};
    let stdin = '';
    const addFile = (name: string) => {
      files[name] = inputText(rng.fork(name), config.domain);
      return name;
    };
    if (config.operands === 'numbers') {
      const n = rng.int(rng.chance(0.05) ? 0 : 1, 3);
      for (let k = 0; k < n; k++) argv.push(rng.chance(0.8) ? String(rng.int(-5, 20)) : number(rng));
      features.add(`operands-${n}`);
    } else if (config.operands === 'expression') {
      const expression = rng.pick(EXPR_FORMS)(rng);
      if (rng.chance(0.15)) expression.push(rng.pick(['+', '*', '<', '|', '&', ':']), number(rng));
      argv.push(...expression);
      for (const token of expression) {
        const name = EXPR_OPERATORS[token];
        if (name) features.add(name);
      }
    } else if (config.operands === 'sets') {
      const sets = ['a-z', 'A-Z', '[:upper:]', '[:lower:]', '[:digit:]', '[:space:]', '[:alpha:]', '[:punct:]', 'abc', 'xyz', '\\n', ' ', 'a', 'aeiou', '0-9', '[=e=]', 'a-c', '[a*3]', 'é', '\\t', 'z-a', '[:bogus:]'];
      const n = rng.chance(0.1) ? rng.pick([0, 3]) : rng.chance(0.3) ? 1 : 2;
      for (let k = 0; k < n; k++) argv.push(rng.pick(sets));
      stdin = inputText(rng, config.domain);
      features.add(`sets-${n}`);
    } else if (config.operands === 'two-files') {
      const shape = rng.float();
      if (shape < 0.8) argv.push(addFile('a.txt'), addFile('b.txt'));
      else if (shape < 0.9) {
        argv.push('-', addFile('b.txt'));
        stdin = inputText(rng, config.domain);
        features.add('stdin');
      } else argv.push(addFile('a.txt'), 'missing.txt');
      features.add('two-files');
    } else if (config.input !== 'none') {
      const shape = rng.float();
      const stdinOnly = config.input === 'stdin' || (config.input === 'both' && shape < 0.4);
      if (stdinOnly) {
        stdin = inputText(rng, config.domain);
        features.add('stdin');
      } else if (shape < 0.72) {
        argv.push(addFile('input.txt'));
        features.add('file');
      } else if (shape < 0.86) {
        argv.push(addFile('a.txt'), addFile('b.txt'));
        features.add('multiple-files');
      } else if (shape < 0.93) {
        argv.push('-');
        stdin = inputText(rng, config.domain);
        features.add('dash');
      } else {
        argv.push('missing.txt');
        features.add('missing-file');
      }
    }
    if (argv.includes('input.txt') && !files['input.txt']) addFile('input.txt');
    const text = stdin + Object.values(files).join('');
    if (text === '' && config.input !== 'none') features.add('empty-input');
    if (/[^\p{ASCII}]/u.test(text)) features.add('unicode');
    planned.push({ id: `candidate-${i}`, features: [...features].sort(), run: { argv, stdin, files, env: {} } });
  }
  return planned;
}
