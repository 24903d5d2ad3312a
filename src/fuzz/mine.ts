import type { OptionSpec } from '../contracts/generator.js';

const OPTION_NAME = /^(--?[A-Za-z0-9?@][\w-]*)(\[=([^\]\s]+)\]|=(\S+))?/;
const NEXT_OPTION = /^(,\s*|\s+)(?=--?[A-Za-z0-9])/;
// Arguments written after a space must look like placeholders: NUM, <file>, [N], or one letter (jq's "--arg a v").
const PLACEHOLDER = String.raw`(?:[A-Z][A-Z0-9_.-]*|<[^>\s]+>|\[[^\]\s]+\]|[a-z])`;
const SPACED_ARGS = new RegExp(String.raw`^ (${PLACEHOLDER}(?: ${PLACEHOLDER})*)(?=\s{2,}|$)`);

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
    const args = SPACED_ARGS.exec(rest);
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
