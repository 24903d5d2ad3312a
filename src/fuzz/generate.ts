import { type Case, type Normaliser, type StreamRule } from '../contracts/case.js';
import type { GeneratorConfig } from '../contracts/generator.js';
import type { Observation } from '../contracts/grade.js';
import { normalise } from '../runner/normalise.js';
import { runInvocations } from '../runner/lanes.js';
import type { CaseRun } from '../runner/run-case.js';
import { verdictOf } from '../runner/run-suite.js';
import type { Program } from '../sandbox/program.js';
import type { SandboxLimits } from '../sandbox/spec.js';
import { fromBytesValue } from '../util/bytes.js';
import { draftOf, expectFrom, withDigests } from './expectation.js';
import type { CoverageFeedback } from '../coverage/feedback.js';
import type { Bytes } from '../contracts/bytes.js';
import { canonicalJson } from '../util/hash.js';
import { removeTree } from '../util/fs.js';
import type { PlannedCase } from './record.js';
import { behaviourSignature, stderrClass } from './signature.js';
import { scratchDir } from '../util/scratch.js';

// The feature tag of cases a model proposed; provenance, not behaviour, so signatures leave it out.
export const PROPOSED = 'model-proposed';
// The feature tag of examples taken from the docs; provenance too.
export const EXAMPLE = 'doc-example';
const PROVENANCE = new Set([PROPOSED, EXAMPLE]);

// The version of the generator; part of what makes a suite reproducible.
export const GENERATOR_VERSION = '2';

export type GenerationPhase = 'explore' | 'minimise' | 'rerun';

export interface GenerateOptions {
  taskId: string;
  reference: Program;
  limits: SandboxLimits;
  config: GeneratorConfig;
  concurrency: number;
  /** Stop exploring new candidates after this many seconds (the suite then depends on speed). */
  timeLimitSec?: number;
  onProgress?: (phase: GenerationPhase, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Coverage feedback: a candidate that reaches a new unit is kept even when its behaviour is not new. */
  feedback?: CoverageFeedback;
}

export interface GenerateResult {
  cases: Case[];
  /** How many candidates each gate let through or dropped. */
  gates: Record<string, number>;
  /** With feedback: cases kept and units covered after each batch of candidates. */
  curve: { candidates: number; kept: number; units: number }[];
}

const BATCH = 512;
const EXPLORE_TIMEOUT_MS = 1500;
// Cases kept at most per error class (exit code and masked first stderr line, whatever the exit code),
// whatever options led there: one quirk of the messages must not outweigh the program.
const ERROR_CLASS_CAP = 3;
// Room for large inputs' outputs and an instrumented build's counters.
const EXPLORE_OUTPUT_BYTES = 8 * 1024 * 1024;
const nullProgram: Program = { role: 'candidate', command: ['/bin/true'], argv0: 'true', binds: [], hide: [] };
const echoProgram: Program = { role: 'candidate', command: ['/bin/sh', '-c', 'exec cat'], argv0: 'sh', binds: [], hide: [] };

// Generates a suite: runs planned candidates on the reference, keeps those whose behaviour
// signature is new (greedy, in candidate order, up to the budget) unless a null program or an
// echo-the-input program would pass them, then reruns the kept ones on the reference (they must
// agree, or agree under a normaliser that is then recorded). Same candidates, same
// reference and same seed give the same suite.
export async function generateSuite(candidates: readonly PlannedCase[], options: GenerateOptions): Promise<GenerateResult> {
  const scratch = await scratchDir('generate');
  const started = Date.now();
  const run = (program: Program, cases: readonly Case[], limits = options.limits, extraReadFiles?: string[]) =>
    runInvocations(program, cases, { scratchDir: scratch, limits, network: 'cleanroom', concurrency: options.concurrency, signal: options.signal, extraReadFiles });
  const feedback = options.feedback;
  const explorer = feedback?.program ?? options.reference;
  const covered = new Set<string>();
  const curve: GenerateResult['curve'] = [];
  // Exploration gives up early on slow or chatty candidates: such cases make poor tests anyway.
  const exploreLimits = { ...options.limits, timeoutMs: Math.min(options.limits.timeoutMs, EXPLORE_TIMEOUT_MS), outputBytes: Math.min(options.limits.outputBytes, EXPLORE_OUTPUT_BYTES) };
  const gates: Record<string, number> = { candidates: 0, 'reference-limit': 0, 'reference-crash': 0, duplicate: 0, flaky: 0, normalised: 0, 'dummy-pass': 0, kept: 0 };
  try {
    // 1. Explore: run candidates batch by batch, keep new behaviour.
    const drafts = candidates.map(draftOf);
    const budget = options.config.budget;
    const wanted = Math.ceil(budget * 1.05);
    const kept: Kept[] = [];
    const seen = new Set<string>();
    const errorClasses = new Map<string, number>();
    for (let at = 0; at < drafts.length && kept.length < wanted; at += BATCH) {
      if (options.timeLimitSec !== undefined && Date.now() - started > options.timeLimitSec * 1000) break;
      const batch = drafts.slice(at, at + BATCH);
      const explored = feedback ? batch.map((c) => ({ ...c, run: { ...c.run, env: { ...c.run.env, ...feedback.env } } })) : batch;
      const runs = (await run(explorer, explored, exploreLimits, feedback?.files)).map((r) => (feedback ? takeUnits(r, feedback) : { run: r, units: [] }));
      const novel: Kept[] = [];
      for (let i = 0; i < batch.length && kept.length + novel.length < wanted; i++) {
        gates.candidates = (gates.candidates ?? 0) + 1;
        const draft = batch[i] as Case;
        const { run: first, units } = runs[i] as { run: CaseRun; units: string[] };
        if (first.outcome.endedBy !== 'exit') {
          gates['reference-limit'] = (gates['reference-limit'] ?? 0) + 1;
          continue;
        }
        if ((first.observed.exit ?? 0) >= 128) {
          gates['reference-crash'] = (gates['reference-crash'] ?? 0) + 1;
          continue;
        }
        const features = withOutcomeTags(draft.features, first.observed);
        const signature = behaviourSignature(features.filter((f) => !PROVENANCE.has(f)), first.observed);
        // The same error reached through other option combinations is not new behaviour past a few.
        const errorClass = errorClassOf(first.observed);
        const newUnits = units.filter((u) => !covered.has(u));
        const repeats = seen.has(signature) || (errorClass !== null && (errorClasses.get(errorClass) ?? 0) >= ERROR_CLASS_CAP);
        if (repeats && newUnits.length === 0) {
          gates.duplicate = (gates.duplicate ?? 0) + 1;
          continue;
        }
        for (const u of newUnits) covered.add(u);
        if (repeats) gates['new-coverage'] = (gates['new-coverage'] ?? 0) + 1;
        seen.add(signature);
        if (errorClass !== null) errorClasses.set(errorClass, (errorClasses.get(errorClass) ?? 0) + 1);
        novel.push({ draft: { ...draft, features }, first, signature, forCoverage: repeats });
      }
      const dummy = await passedByDummy(novel.map(({ draft, first }) => expectFrom(draft, first.observed)), run);
      novel.forEach((entry, i) => {
        if (dummy[i]) gates['dummy-pass'] = (gates['dummy-pass'] ?? 0) + 1;
        else kept.push(entry);
      });
      if (feedback) curve.push({ candidates: gates.candidates ?? 0, kept: kept.length, units: covered.size });
      options.onProgress?.('explore', Math.min(at + BATCH, drafts.length), drafts.length);
    }

    // 2. Minimise: shrink each kept case's input while its behaviour signature holds.
    if (options.config.minimise) await minimise(kept, (program, cases) => run(program, cases, exploreLimits), options.reference, options.onProgress);

    // 3. Reruns: every kept case runs again on the reference, later, in other working directories.
    const withExpect = kept.map(({ draft, first }) => expectFrom(draft, first.observed));
    const reruns: CaseRun[][] = withExpect.map((_, i) => [(kept[i] as { first: CaseRun }).first]);
    for (let r = 1; r < options.config.reruns; r++) {
      const runs = await run(options.reference, withExpect);
      runs.forEach((x, i) => reruns[i]?.push(x));
      options.onProgress?.('rerun', r, options.config.reruns - 1);
    }
    const stable: Case[] = [];
    withExpect.forEach((c, i) => {
      const settled = settleFlaky(c, reruns[i] as CaseRun[]);
      if (settled === 'flaky') gates.flaky = (gates.flaky ?? 0) + 1;
      else {
        if (settled !== c) gates.normalised = (gates.normalised ?? 0) + 1;
        stable.push(settled);
      }
    });

    if (feedback) gates['covered-units'] = covered.size;
    const compacted = stable.flatMap((c) => {
      const small = withDigests(c);
      if (small === null) gates['large-normalised'] = (gates['large-normalised'] ?? 0) + 1;
      return small === null ? [] : [small];
    });
    const cases = compacted.slice(0, budget).map((c, i) => ({ ...c, id: `${options.taskId}-${String(i + 1).padStart(4, '0')}` }));
    gates.kept = cases.length;
    return { cases, gates, curve };
  } finally {
    await removeTree(scratch);
  }
}

// Which cases a print-nothing program or an echo-the-input program passes: such cases prove nothing.
async function passedByDummy(cases: readonly Case[], runOn: (program: Program, cases: readonly Case[]) => Promise<CaseRun[]>): Promise<boolean[]> {
  const [nullRuns, echoRuns] = [await runOn(nullProgram, cases), await runOn(echoProgram, cases)];
  return cases.map((c, i) => verdictOf(c, nullRuns[i] as CaseRun).passed || verdictOf(c, echoRuns[i] as CaseRun).passed);
}

interface Kept {
  draft: Case;
  first: CaseRun;
  signature: string;
  /** Kept for new coverage alone; shrinking could lose what it covers, so it is left as it is. */
  forCoverage: boolean;
}

const MINIMISE_ROUNDS = 3;

// Input with only half of its lines: the first half, or the second.
function halve(text: string, second: boolean): string | null {
  const lines = text.split(/(?<=\n)/);
  if (lines.length < 2) return null;
  const middle = Math.ceil(lines.length / 2);
  return (second ? lines.slice(middle) : lines.slice(0, middle)).join('');
}

// A smaller variant of a case: half of the lines of stdin and of each text file; null when none.
function shrink(c: Case, second: boolean): Case | null {
  const stdin = typeof c.run.stdin === 'string' ? halve(c.run.stdin, second) : null;
  const files: Case['run']['files'] = {};
  let changed = stdin !== null;
  for (const [name, content] of Object.entries(c.run.files)) {
    const smaller = typeof content === 'string' ? halve(content, second) : null;
    files[name] = smaller ?? content;
    if (smaller !== null) changed = true;
  }
  return changed ? { ...c, run: { ...c.run, stdin: stdin ?? c.run.stdin, files } } : null;
}

// Shrinks kept cases round by round, all cases of a round in one batch of reference runs; a variant
// replaces its case when its signature is the same and neither dummy program passes it.
async function minimise(
  kept: Kept[],
  runOn: (program: Program, cases: readonly Case[]) => Promise<CaseRun[]>,
  reference: Program,
  onProgress?: GenerateOptions['onProgress'],
): Promise<void> {
  const rejected = new Set<number>();
  for (let round = 0; round < MINIMISE_ROUNDS; round++) {
    const tries: { index: number; variant: Case }[] = [];
    kept.forEach((k, index) => {
      if (k.forCoverage) return;
      const variant = shrink(k.draft, rejected.has(index));
      if (variant) tries.push({ index, variant });
    });
    if (tries.length === 0) break;
    const runs = await runOn(reference, tries.map((t) => t.variant));
    const held: { index: number; candidate: Case; run: CaseRun }[] = [];
    tries.forEach((t, i) => {
      const r = runs[i] as CaseRun;
      const k = kept[t.index] as Kept;
      const same = r.outcome.endedBy === 'exit' && behaviourSignature(k.draft.features.filter((f) => !PROVENANCE.has(f)), r.observed) === k.signature;
      if (same) held.push({ index: t.index, candidate: expectFrom(t.variant, r.observed), run: r });
      else rejected.add(t.index);
    });
    const dummy = await passedByDummy(held.map((h) => h.candidate), runOn);
    held.forEach((h, i) => {
      if (dummy[i]) rejected.add(h.index);
      else kept[h.index] = { ...(kept[h.index] as Kept), draft: h.candidate, first: h.run };
    });
    onProgress?.('minimise', round + 1, MINIMISE_ROUNDS);
  }
}

// The file a coverage report script writes in the case directory during exploration.
const COVERAGE_FILE = '.shipbench-coverage';

// Feedback from a report script (generator.coverage): the reference runs under the script's
// environment with its own argv[0], then the script writes the units it covered into the case
// directory.
export function scriptFeedback(reference: Program, coverage: NonNullable<GeneratorConfig['coverage']>): CoverageFeedback {
  const report = coverage.report.map(shellQuote).join(' ');
  const script = `(exec -a "$0" "$@"); s=$?; ${report} > ${COVERAGE_FILE} 2>/dev/null; exit $s`;
  return {
    program: { ...reference, command: ['/bin/bash', '-c', script, reference.argv0, ...reference.command], argv0: 'bash' },
    env: coverage.env,
    files: [COVERAGE_FILE],
    units: (files) => (files[COVERAGE_FILE] ? fromBytesValue(files[COVERAGE_FILE] as Bytes).toString('utf8').split('\n').filter(Boolean) : []),
  };
}

// Splits the feedback files off an exploration run, leaving the run as the reference made it.
function takeUnits(run: CaseRun, feedback: CoverageFeedback): { run: CaseRun; units: string[] } {
  const files = { ...(run.observed.files ?? {}) };
  const units = feedback.units(files);
  for (const f of feedback.files) delete files[f];
  const observed: Observation = { ...run.observed };
  if (Object.keys(files).length > 0) observed.files = files;
  else delete observed.files;
  return { run: { ...run, observed }, units };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// An error is a non-zero exit with a message; expr exits 1 for a zero result and says nothing.
function isError(observed: Observation): boolean {
  return observed.exit !== 0 && fromBytesValue(observed.stderr).length > 0;
}

// The class a case's diagnostics fall in: its exit code and the masked first line of stderr; null
// when it printed none. bc reports runtime errors with exit 0, so the exit code alone cannot tell.
function errorClassOf(observed: Observation): string | null {
  const err = fromBytesValue(observed.stderr).toString('utf8');
  return err.trim() === '' ? null : `exit=${observed.exit}|${stderrClass(err)}`;
}


// Feature tags that come from what the reference did.
function withOutcomeTags(features: readonly string[], observed: Observation): string[] {
  const tags = new Set(features);
  if (isError(observed)) tags.add('error');
  else if (observed.exit !== 0) tags.add(`exit-${observed.exit}`);
  return [...tags].sort();
}

const RECOVERY: Normaliser[][] = [['line-order'], [{ mask: '[0-9]+', replace: '<n>' }], ['line-order', { mask: '[0-9]+', replace: '<n>' }]];

// A case whose reruns all agree is kept as is; one whose streams agree only under a normaliser
// keeps that normaliser in its compare rules; anything else is flaky.
function settleFlaky(c: Case, runs: CaseRun[]): Case | 'flaky' {
  const observations = runs.map((r) => r.observed);
  if (runs.some((r) => r.outcome.endedBy !== 'exit')) return 'flaky';
  if (new Set(observations.map((o) => canonicalJson(o))).size === 1) return c;
  if (new Set(observations.map((o) => o.exit)).size !== 1) return 'flaky';
  const compare = { ...c.compare };
  for (const stream of ['stdout', 'stderr'] as const) {
    const texts = observations.map((o) => fromBytesValue(o[stream]).toString('utf8'));
    if (new Set(texts).size === 1) continue;
    const fix = RECOVERY.find((n) => new Set(texts.map((t) => normalise(t, n))).size === 1);
    if (!fix) return 'flaky';
    compare[stream] = { normalize: fix } as StreamRule;
  }
  if (observations.some((o) => canonicalJson(o.files ?? null) !== canonicalJson(observations[0]?.files ?? null))) return 'flaky';
  return { ...c, compare };
}
