import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CaseSchema, type Case } from '../contracts/case.js';
import { SuiteManifestSchema, type SuiteManifest } from '../contracts/suite.js';
import { userError } from '../errors.js';
import { canonicalJson, sha256 } from '../util/hash.js';
import { writeFileAtomic } from '../util/fs.js';
import { describeIssue } from './issues.js';

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

// Parses suite.jsonl; a bad line is an error naming the file, the line and the field.
export function parseSuite(text: string, file: string): Case[] {
  const cases: Case[] = [];
  const ids = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw userError('suite.json', `${shown(file)}:${i + 1}: not valid JSON (${(error as Error).message})`, 'fix the line or rebuild the suite');
    }
    const parsed = CaseSchema.safeParse(raw);
    if (!parsed.success) {
      throw userError('suite.case', `${shown(file)}:${i + 1}: ${describeIssue(parsed.error).text}`, 'fix the case or rebuild the suite');
    }
    if (ids.has(parsed.data.id)) throw userError('suite.duplicate', `${shown(file)}:${i + 1}: case id "${parsed.data.id}" appears twice`, 'give every case its own id');
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  }
  return cases;
}

// Serialises cases as suite.jsonl: one canonical JSON object per line, in the given order.
export function serialiseSuite(cases: readonly Case[]): string {
  return cases.map((c) => canonicalJson(c)).join('\n') + (cases.length > 0 ? '\n' : '');
}

export interface LoadedSuite {
  cases: Case[];
  manifest: SuiteManifest;
  sha256: string;
}

// Reads a suite and its manifest and checks that they belong together.
export function loadSuite(suitePath: string, manifestPath: string, taskId: string): LoadedSuite {
  if (!existsSync(suitePath)) throw userError('suite.missing', `${shown(suitePath)} does not exist`, `build it with: shipbench tasks build ${taskId}`);
  if (!existsSync(manifestPath)) throw userError('suite.manifest', `${shown(manifestPath)} does not exist`, `rebuild the suite with: shipbench tasks build ${taskId}`);
  const bytes = readFileSync(suitePath);
  let manifestRaw: unknown;
  try {
    manifestRaw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw userError('suite.manifest', `${shown(manifestPath)}: not valid JSON (${(error as Error).message})`, `rebuild the suite with: shipbench tasks build ${taskId}`);
  }
  const manifest = SuiteManifestSchema.safeParse(manifestRaw);
  if (!manifest.success) throw userError('suite.manifest', `${shown(manifestPath)}: ${describeIssue(manifest.error).text}`, `rebuild the suite with: shipbench tasks build ${taskId}`);
  const digest = sha256(bytes);
  if (digest !== manifest.data.suiteSha256) {
    throw userError('suite.stale', `${shown(suitePath)} does not match its manifest (suiteSha256 differs)`, `rebuild the suite with: shipbench tasks build ${taskId}`);
  }
  const cases = parseSuite(bytes.toString('utf8'), suitePath);
  return { cases, manifest: manifest.data, sha256: digest };
}

// Writes suite.jsonl and its manifest; each file is replaced whole or not at all.
export async function writeSuite(suitePath: string, manifestPath: string, cases: readonly Case[], manifest: Omit<SuiteManifest, 'suiteSha256' | 'cases' | 'features'>): Promise<SuiteManifest> {
  const text = serialiseSuite(cases);
  const features: Record<string, number> = {};
  for (const c of cases) for (const f of c.features) features[f] = (features[f] ?? 0) + 1;
  const full = SuiteManifestSchema.parse({
    ...manifest,
    suiteSha256: sha256(text),
    cases: cases.length,
    features: Object.fromEntries(Object.entries(features).sort(([a], [b]) => a.localeCompare(b))),
  });
  await writeFileAtomic(suitePath, text);
  await writeFileAtomic(manifestPath, JSON.stringify(full, null, 2) + '\n');
  return full;
}
