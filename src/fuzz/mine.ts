import type { OptionSpec } from '../contracts/generator.js';

const OPTION_NAME = /^(--?[A-Za-z0-9?@][\w-]*)(\[=([^\]\s]+)\]|=(\S+))?/;
const NEXT_OPTION = /^(,\s*|\s+)(?=--?[A-Za-z0-9])/;
// Arguments written after a space must look like placeholders: NUM, <file>, [N], or one letter (jq's "--arg a v").
const PLACEHOLDER = String.raw`(?:[A-Z][A-Z0-9_.-]*|<[^>\s]+>|\[[^\]\s]+\]|[a-z])`;
const SPACED_ARGS = new RegExp(String.raw`^ (${PLACEHOLDER}(?: ${PLACEHOLDER})*)(?=\s{2,}|$)`);
// One lower-case word with optional bracketed prefixes, when the description column follows it
// (xxd's "-c cols     format…", "-s [+][-]seek  start at…").
const SPACED_WORD = /^ ((?:\[[^\]\s]+\])*[a-z][a-z0-9_-]*)(?=\s{2,}\S)/;

// One option line of a --help or man page ("  -b, --bytes=LIST   select only these bytes",
// "      --header[=N]  …", "  -h  --help …", "  --arg a v   …"); null when the line is not one.
export function parseOptionLine(line: string): OptionSpec | null {
  const head = /^(\s{1,16})(-.*)$/.exec(line.replace(/\t/g, '        '));
  if (!head) return null;
  let rest = head[2] as string;
  const spec: OptionSpec = { arg: 'none', description: '' };
  for (;;) {
    const m = OPTION_NAME.exec(rest);
    if (!m) break;
    const name = m[1] as string;
    if (name === '-' || name === '--') return null;
    if (name.startsWith('--')) spec.long ??= name;
    else spec.short ??= name;
    if (m[3]) {
      spec.arg = 'optional';
      spec.argName = m[3];
    } else if (m[4]) {
      spec.arg = 'required';
      spec.argName = m[4];
    }
    rest = rest.slice(m[0].length);
    const sep = NEXT_OPTION.exec(rest);
    if (sep) {
      rest = rest.slice(sep[0].length);
      continue;
    }
    const args = SPACED_ARGS.exec(rest) ?? SPACED_WORD.exec(rest);
    if (args && spec.arg === 'none') {
      spec.arg = 'required';
      spec.argName = args[1];
      rest = rest.slice(args[0].length);
    }
    break;
  }
  if (!spec.short && !spec.long) return null;
  spec.description = rest.trim();
  return spec;
}

// Every option documented in help or man text, first mention wins, with the description lines
// that follow it joined, and argument values mined from quoted words near the argument name.
export function mineOptions(text: string): OptionSpec[] {
  const lines = text.split('\n');
  const found = new Map<string, OptionSpec>();
  for (let i = 0; i < lines.length; i++) {
    const spec = parseOptionLine(lines[i] as string);
    if (!spec) continue;
    const indent = /^\s*/.exec(lines[i] as string)?.[0].length ?? 0;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as string;
      const nextIndent = /^\s*/.exec(next)?.[0].length ?? 0;
      if (next.trim() === '' || nextIndent <= indent || parseOptionLine(next)) break;
      spec.description = `${spec.description} ${next.trim()}`.trim();
    }
    const key = spec.long ?? spec.short ?? '';
    const existing = found.get(key) ?? (spec.short ? [...found.values()].find((o) => o.short === spec.short) : undefined);
    if (existing) {
      existing.short ??= spec.short;
      existing.long ??= spec.long;
      if (existing.arg === 'none' && spec.arg !== 'none') Object.assign(existing, { arg: spec.arg, argName: spec.argName });
      if (!existing.description) existing.description = spec.description;
      continue;
    }
    found.set(key, spec);
  }
  for (const spec of found.values()) {
    const values = spec.argName ? mineValues(text, spec.argName, spec.description) : [];
    if (values.length >= 2) spec.values = values;
  }
  return [...found.values()];
}

// Words in quotes near an argument's name ("WHEN is 'auto', 'always', or 'never'"), or listed after
// "can be:" in its description ("MODE can be: abort (default), fail, warn, ignore").
function mineValues(text: string, argName: string, description: string): string[] {
  const values = new Set<string>();
  const listed = /can be:?\s*([a-z][\w-]*(?:\s*\([^)]*\))?(?:\s*,\s*(?:or\s+)?[a-z][\w-]*(?:\s*\([^)]*\))?)+)/i.exec(description);
  if (listed) for (const w of (listed[1] as string).split(',')) values.add(w.replace(/\(.*\)|\bor\b/g, '').trim());
  const bare = argName.replace(/[[\]=]/g, '');
  if (/^[A-Z][A-Z_]+$/.test(bare)) {
    for (const m of text.matchAll(new RegExp(`\\b${bare}\\b[^\\n]{0,20}(?:is|are|can be|be)[^.]*`, 'g'))) {
      for (const q of m[0].matchAll(/'([a-z][\w-]*)'/g)) values.add(q[1] as string);
    }
  }
  return [...values].filter(Boolean);
}

export interface DocExample {
  argv: string[];
  stdin: string;
}

// Shell words of a simple command line: quotes and backslashes, nothing else; null when the line
// uses anything a test case cannot hold (redirections, substitutions, globs, variables).
export function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '$' || line[j] === '`') return null;
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1] as string)) j++;
        text += line[j];
      }
      if (j >= line.length) return null;
      word = (word ?? '') + text;
      i = j;
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if ('<>;&`$*?()'.includes(ch)) {
      return null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

// Example invocations of `program` in its docs: "program args" and "echo TEXT | program args" lines
// (with or without a "$ " prompt). Examples that name absolute paths are left out: their result
// would depend on the machine.
export function mineExamples(text: string, program: string): DocExample[] {
  const out: DocExample[] = [];
  const seen = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^\$\s+/, '');
    const parts = line.split(' | ');
    if (parts.length > 2) continue;
    const command = shellWords(parts.at(-1) as string);
    if (!command || command[0] !== program || command.length < 2) continue;
    let stdin = '';
    if (parts.length === 2) {
      const feeder = shellWords(parts[0] as string);
      if (!feeder || !['echo', 'printf'].includes(feeder[0] as string)) continue;
      stdin = feeder[0] === 'echo' ? `${feeder.slice(1).join(' ')}\n` : (feeder[1] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    }
    const argv = command.slice(1);
    // Absolute paths name the host's files; URLs need a network a case never has, and the error
    // a failed lookup prints names the host's resolver.
    if (argv.some((a) => (a.startsWith('/') && a.length > 1) || /^[a-z][a-z0-9+.-]*:\/\//i.test(a))) continue;
    const key = JSON.stringify([argv, stdin]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ argv, stdin });
  }
  return out;
}
