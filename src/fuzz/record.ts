import { CaseSchema, type Case, type CaseInput } from '../contracts/case.js';
import { runInvocations, type Isolation } from '../runner/lanes.js';
import type { CaseRun } from '../runner/run-case.js';
import type { Program } from '../sandbox/program.js';
import type { NetworkPolicy, SandboxLimits } from '../sandbox/spec.js';
import { canonicalJson } from '../util/hash.js';
import { removeTree } from '../util/fs.js';
import { scratchDir } from '../util/scratch.js';
import { draftOf } from './expectation.js';

// An invocation to record: a case without its expectation, and the files it may write (read back and
// expected as the reference left them; a file the reference did not write is expected absent).
export type PlannedCase = Omit<CaseInput, 'expect'> & { outputs?: string[] };

export interface RecordOptions {
  limits: SandboxLimits;
  network?: NetworkPolicy;
  /** How many times each case runs on the reference; all runs must agree. */
  reruns?: number;
  concurrency?: number;
  isolation?: Isolation;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface RecordResult {
  cases: Case[];
  /** Cases dropped by each gate, by gate name. */
  gates: Record<string, number>;
  dropped: { id: string; gate: string; detail: string }[];
}

// Runs planned cases on the reference several times and keeps those it answers the same way
// every time (gate "flaky") and within its limits (gate "reference-limit"), with the observed
// behaviour as the expectation. Each rerun uses a fresh working directory.
export async function recordCases(reference: Program, planned: readonly PlannedCase[], options: RecordOptions): Promise<RecordResult> {
  const reruns = options.reruns ?? 3;
  const scratch = await scratchDir('record');
  try {
    const drafts = planned.map(draftOf);
    const runsByCase: CaseRun[][] = drafts.map(() => []);
    // Each rerun is a separate pass over the whole list, so reruns of one case happen at different
    // times, in different sandboxes and working directories.
    for (let pass = 0; pass < reruns; pass++) {
      let done = 0;
      const runs = await runInvocations(reference, drafts, {
        scratchDir: scratch,
        limits: options.limits,
        network: options.network ?? 'cleanroom',
        concurrency: options.concurrency ?? 2,
        isolation: options.isolation,
        signal: options.signal,
      }, () => options.onProgress?.(pass * drafts.length + ++done, reruns * drafts.length));
      runs.forEach((run, i) => runsByCase[i]?.push(run));
    }
    const results = drafts.map((draft, i) => ({ draft, runs: runsByCase[i] as CaseRun[] }));
    const cases: Case[] = [];
    const dropped: RecordResult['dropped'] = [];
    for (const { draft, runs } of results) {
      const first = runs[0] as CaseRun;
      const limited = runs.find((r) => r.outcome.endedBy !== 'exit');
      if (limited) {
        dropped.push({ id: draft.id, gate: 'reference-limit', detail: limited.outcome.endedBy });
        continue;
      }
      const signature = canonicalJson(first.observed);
      if (runs.some((r) => canonicalJson(r.observed) !== signature)) {
        dropped.push({ id: draft.id, gate: 'flaky', detail: 'the reference answered differently across reruns' });
        continue;
      }
      const { exit, stdout, stderr, files } = first.observed;
      cases.push(CaseSchema.parse({ ...draft, expect: { exit: exit ?? 0, stdout, stderr, ...(files ? { files } : {}) } }));
    }
    const gates: Record<string, number> = { planned: planned.length, 'reference-limit': 0, flaky: 0, kept: cases.length };
    for (const d of dropped) gates[d.gate] = (gates[d.gate] ?? 0) + 1;
    return { cases, gates, dropped };
  } finally {
    await removeTree(scratch);
  }
}
