import { isAbsolute, join, relative } from 'node:path';
import type { CoverageCount, CoverageFigure } from '../contracts/coverage.js';

// gcc's coverage report (`gcov --json-format`, one JSON document per data file) reduced to the
// figures of the source files a recipe counts. A file seen from several objects (a header, a
// library linked twice) is merged line by line. Pure.

interface GcovLine {
  line_number: number;
  count: number;
  branches?: { count: number }[];
}
interface GcovFunction {
  name: string;
  demangled_name?: string;
  start_line: number;
  execution_count: number;
}
interface GcovDocument {
  current_working_directory?: string;
  files: { file: string; lines: GcovLine[]; functions: GcovFunction[] }[];
}

interface FileTally {
  lines: Map<number, number>;
  branches: Map<string, number>;
  functions: Map<string, { name: string; count: number }>;
}

// Whether a path relative to the source tree is one the recipe counts (`*` matches within one
// path segment).
export function countsFile(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
    return re.test(path);
  });
}

// The figures of the counted files, from gcov's JSON documents, with paths relative to `tree`.
export function summariseGcov(
  documents: readonly string[],
  tree: string,
  patterns: readonly string[],
  exclude: readonly string[] = [],
): Pick<CoverageFigure, 'lines' | 'branches' | 'functions' | 'files' | 'neverReached'> & { unreached: Record<string, number[]> } {
  const files = new Map<string, FileTally>();
  for (const text of documents) {
    if (!text.trim()) continue;
    const doc = JSON.parse(text) as GcovDocument;
    const cwd = doc.current_working_directory ?? tree;
    for (const f of doc.files) {
      const absolute = isAbsolute(f.file) ? f.file : join(cwd, f.file);
      const path = relative(tree, absolute);
      if (path.startsWith('..') || !countsFile(path, patterns) || countsFile(path, exclude)) continue;
      let tally = files.get(path);
      if (!tally) {
        tally = { lines: new Map(), branches: new Map(), functions: new Map() };
        files.set(path, tally);
      }
      for (const line of f.lines) {
        tally.lines.set(line.line_number, (tally.lines.get(line.line_number) ?? 0) + line.count);
        (line.branches ?? []).forEach((b, i) => {
          const key = `${line.line_number}:${i}`;
          tally!.branches.set(key, (tally!.branches.get(key) ?? 0) + b.count);
        });
      }
      for (const fn of f.functions) {
        const key = `${fn.name}:${fn.start_line}`;
        const seen = tally.functions.get(key);
        tally.functions.set(key, { name: fn.demangled_name ?? fn.name, count: (seen?.count ?? 0) + fn.execution_count });
      }
    }
  }
  const count = (values: Iterable<number>): CoverageCount => {
    let covered = 0;
    let total = 0;
    for (const v of values) {
      total++;
      if (v > 0) covered++;
    }
    return { covered, total };
  };
  const add = (a: CoverageCount, b: CoverageCount): CoverageCount => ({ covered: a.covered + b.covered, total: a.total + b.total });
  const zero = { covered: 0, total: 0 };
  const rows = [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, t]) => ({
      path,
      lines: count(t.lines.values()),
      branches: count(t.branches.values()),
      functions: count([...t.functions.values()].map((f) => f.count)),
    }));
  const neverReached = [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([path, t]) => [...t.functions.values()].filter((f) => f.count === 0).map((f) => `${path}:${f.name}`));
  const unreached = Object.fromEntries(
    [...files.entries()].map(([path, t]) => [
      path,
      [...t.lines.entries()]
        .filter(([, n]) => n === 0)
        .map(([line]) => line)
        .sort((a, b) => a - b),
    ]),
  );
  return {
    unreached,
    lines: rows.reduce((sum, r) => add(sum, r.lines), zero),
    branches: rows.reduce((sum, r) => add(sum, r.branches), zero),
    functions: rows.reduce((sum, r) => add(sum, r.functions), zero),
    files: rows,
    neverReached,
  };
}

// A share as a percentage with one decimal, or null when there is nothing to count.
export function percentOf(count: CoverageCount): number | null {
  return count.total === 0 ? null : Math.round((count.covered / count.total) * 1000) / 10;
}

// Unreached lines as ranges with the source of each range's first line ("120-124  if (x) {"), for
// a person steering a generator.
export function unreachedReport(unreached: Record<string, number[]>, source: (path: string) => string[] | null): string {
  const out: string[] = [];
  for (const [path, lines] of Object.entries(unreached).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (lines.length === 0) continue;
    const text = source(path);
    out.push(`${path}: ${lines.length} lines never reached`);
    let start = lines[0] as number;
    let prev = start;
    const flush = () => out.push(`  ${start === prev ? String(start) : `${start}-${prev}`}`.padEnd(14) + (text?.[start - 1]?.trim().slice(0, 100) ?? ''));
    for (const line of lines.slice(1)) {
      if (line === prev + 1 || (text !== null && text.slice(prev, line - 1).every((l) => l.trim() === '' || /^\s*(\/\/|\/\*|\*|}|\{)/.test(l)))) {
        prev = line;
        continue;
      }
      flush();
      start = prev = line;
    }
    flush();
  }
  return `${out.join('\n')}\n`;
}
