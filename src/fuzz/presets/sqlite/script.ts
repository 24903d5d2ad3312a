import type { Rng } from '../../../util/rng.js';

// One sqlite3 case under construction: the SQL and dot-command lines fed on stdin, files laid out in
// the case folder, command-line arguments, and the tags saying what the case checks.
export interface Script {
  r: Rng;
  lines: string[];
  files: Record<string, string>;
  argv: string[];
  features: Set<string>;
}

// A family of cases: writes one themed script (tables it needs, then statements about the theme).
export type Family = (s: Script) => void;

// Adds SQL statements (a terminating semicolon is added when missing) and tags.
export function sql(s: Script, statements: string | string[], ...tags: string[]): void {
  for (const stmt of Array.isArray(statements) ? statements : [statements]) s.lines.push(/;\s*$/.test(stmt) ? stmt : `${stmt};`);
  for (const t of tags) s.features.add(t);
}

// Adds a dot-command line; its tag is the command name with its first word of arguments.
export function dot(s: Script, command: string, tag = dotTag(command)): void {
  s.lines.push(command);
  s.features.add(tag);
}

function dotTag(command: string): string {
  const [name, first] = command.split(/\s+/);
  return first && /^[a-z-]+$/.test(first) && !/\.(csv|txt|sql|db|tsv)$/.test(first) ? `${name} ${first}` : (name as string);
}

// k distinct items in random order.
export function shuffled<T>(r: Rng, items: readonly T[], k = items.length): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(r.int(0, pool.length - 1), 1)[0] as T);
  return out;
}

// A text literal in SQL.
export function lit(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export const WORDS = ['apple', 'banana', 'cherry', 'delta', 'echo', 'falcon', 'garden', 'harbor', 'island', 'jungle', 'kettle', 'lemon', 'mango', 'nectar', 'olive', 'pepper', 'quartz', 'river', 'sunset', 'tiger', 'umbrella', 'violet', 'walnut', 'yellow', 'zebra', 'running', 'jumped', 'quickly', 'connection', 'databases'];
export const ODD_TEXT = ['café', 'naïve', '日本語', 'Ünïcode ✓', 'a,b', 'say "hi"', "it's", 'tab\there', 'two\nlines', '  padded  ', '', 'NULL', '-0', '1e5', '0x1F', ' 42'];

// A sentence of n words drawn from the word list.
export function sentence(r: Rng, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}
