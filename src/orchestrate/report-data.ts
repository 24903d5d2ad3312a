import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TrajectoryEvent } from '../contracts/run.js';
import { readTrajectory } from '../agent/trajectory.js';
import type { HeatCell, ReportData, ReportMarket, ReportSummary, ReportTrial, TaskDetail, TrajectoryPage, TrialDetail } from '../report/data.js';
import { leaderboard, marketLeaderboard, type MarketLeaderboardRow, type MarketScore, type TrialScore } from '../report/stats.js';
import type { Db } from '../store/db.js';
import { failingCases, featureTallies, gradeHead, hardestCases } from '../store/grades.js';
import { findMarket, getMarket, listMarkets, type StoredMarket } from '../store/markets.js';
import { findRun, listRuns, trialById, trialsOfRun, type RunRow, type TrialRow } from '../store/runs.js';
import { groupBy } from '../util/group.js';

// The report's data from the store: a summary, and per trial its failing cases and trajectory,
// per market its days — whole for `view` (page by page), capped for a one-file report.

// Finished trials as the statistics see them: one score per agent × task × attempt.
export function trialScores(trials: readonly TrialRow[]): TrialScore[] {
  return trials.map((t) => ({
    agent: t.agent,
    task: t.task,
    score: t.score ?? 0,
    scoreAside: t.scoreAside ?? t.score ?? 0,
    resolved: t.resolved === true,
    almostResolved: t.almostResolved === true,
    ...(t.costUsd !== null && t.priced !== false ? { costUsd: t.costUsd } : {}),
    ...(t.steps !== null ? { steps: t.steps } : {}),
  }));
}

// A trial's ARR: its mean over the worlds it was scored in (the lived world alone before worlds).
function trialArr(m: StoredMarket | undefined): number | null {
  if (!m) return null;
  const arr = m.worlds?.arr ?? [m.arr];
  return arr.reduce((a, b) => a + b, 0) / arr.length;
}

// Finished market trials as the market leaderboard sees them: ARR and balance per attempt and world.
export function marketScores(trials: readonly TrialRow[], markets: readonly StoredMarket[]): MarketScore[] {
  const byTrial = new Map(markets.filter((m) => m.trialId !== null).map((m) => [m.trialId as string, m]));
  return trials.flatMap((t) => {
    const m = t.status === 'done' ? byTrial.get(t.id) : undefined;
    if (!m) return [];
    const w = m.worlds;
    return [{ agent: t.agent, task: t.task, arr: w?.arr ?? [m.arr], balance: w?.balance ?? [m.balance], insolventDay: w?.insolventDay ?? [m.summary.insolventDay], flagged: m.flagged }];
  });
}

// The market leaderboard of a run's finished trials (empty for rebuild runs).
export function runMarketLeaderboard(db: Db, trials: readonly TrialRow[]): MarketLeaderboardRow[] {
  const done = trials.filter((t) => t.status === 'done');
  return marketLeaderboard(marketScores(done, listMarkets(db, { trialIds: done.map((t) => t.id) })));
}

// The run a report is about: the one named, else the newest (null when the store has none).
export function reportRun(db: Db, ref?: string): RunRow | null {
  if (ref) return findRun(db, ref);
  const newest = listRuns(db, 1)[0];
  return newest ?? null;
}

export function reportSummary(db: Db, run: RunRow | null, version: string): ReportSummary {
  const trials = run ? trialsOfRun(db, run.id) : [];
  const markets = listMarkets(db, run ? { trialIds: trials.map((t) => t.id) } : { limit: 50 });
  const standalone = run ? listMarkets(db, { limit: 50 }).filter((m) => m.trialId === null) : [];
  const marketOf = new Map(markets.filter((m) => m.trialId).map((m) => [m.trialId as string, m]));
  const head = db.prepare('SELECT passed, total FROM grades WHERE id = ?');
  const rows: ReportTrial[] = trials.map((t) => {
    const g = t.gradeId ? (head.get(t.gradeId) as { passed: number; total: number } | undefined) : undefined;
    return {
      id: t.id,
      ordinal: t.ordinal,
      task: t.task,
      agent: t.agent,
      attempt: t.attempt,
      status: t.status,
      exitStatus: t.exitStatus,
      score: t.score,
      resolved: t.resolved,
      passed: g?.passed ?? null,
      total: g?.total ?? null,
      steps: t.steps,
      costUsd: t.costUsd,
      inputTokens: t.inputTokens,
      outputTokens: t.outputTokens,
      brokerCalls: t.brokerCalls,
      durationMs: t.durationMs,
      error: t.error,
      hasTrajectory: t.artifactsDir !== null && existsSync(join(t.artifactsDir, 'trajectory.jsonl')),
      marketId: marketOf.get(t.id)?.id ?? null,
      arr: trialArr(marketOf.get(t.id)),
    };
  });
  const done = trials.filter((t) => t.status === 'done');
  const cells = new Map<string, HeatCell>();
  for (const t of done) {
    const key = `${t.agent}\0${t.task}`;
    const c = cells.get(key) ?? { agent: t.agent, task: t.task, meanScore: 0, attempts: 0, resolved: 0 };
    c.meanScore = (c.meanScore * c.attempts + (t.score ?? 0)) / (c.attempts + 1);
    c.attempts++;
    if (t.resolved) c.resolved++;
    cells.set(key, c);
  }
  return {
    generatedAt: new Date().toISOString(),
    shipbenchVersion: version,
    run: run
      ? { id: run.id, name: run.name, createdAt: run.createdAt, tasks: run.config.tasks.length, agents: [...new Set(trials.map((t) => t.agent))], attempts: run.config.attempts, policy: run.config.policy }
      : null,
    live: trials.some((t) => t.status === 'pending' || t.status === 'running'),
    leaderboard: leaderboard(trialScores(done)),
    marketLeaderboard: marketLeaderboard(marketScores(done, markets)),
    heatmap: [...cells.values()],
    trials: rows,
    markets: [...markets, ...standalone].map((m) => ({ id: m.id, trialId: m.trialId, task: m.task, product: m.product, seed: m.seed, customers: m.customers, summary: m.summary })),
  };
}

// A page of one trial's failing cases, its build and its feature tallies.
export function trialDetail(db: Db, trialId: string, offset = 0, limit = 50, diffChars = Infinity): TrialDetail | null {
  const trial = trialById(db, trialId);
  if (!trial) return null;
  if (!trial.gradeId) return { trialId, gradeId: null, build: null, failing: [], failingTotal: 0, offset: 0, features: [] };
  const head = gradeHead(db, trial.gradeId);
  const page = failingCases(db, trial.gradeId, offset, limit);
  return {
    trialId,
    gradeId: trial.gradeId,
    build: head?.build ?? null,
    failing: page.rows.map((r) => ({ ...r, diff: r.diff !== null && r.diff.length > diffChars ? `${r.diff.slice(0, diffChars)}\n…` : r.diff })),
    failingTotal: page.total,
    offset,
    features: featureTallies(db, trial.gradeId).filter((f) => f.passed < f.total),
  };
}

// A task of a run across its agents (null when the run has no finished trial of it).
const HARDEST_CASES = 25;
export function taskDetail(db: Db, run: RunRow | null, taskId: string): TaskDetail | null {
  return taskDetailOf(db, taskId, run ? trialsOfRun(db, run.id).filter((t) => t.task === taskId) : []);
}

// The same from the task's trials (finished or not) already read.
function taskDetailOf(db: Db, taskId: string, taskTrials: readonly TrialRow[]): TaskDetail | null {
  const trials = taskTrials.filter((t) => t.status === 'done');
  if (trials.length === 0) return null;
  const byAgent = groupBy(trials, (t) => t.agent);
  const agents = [...byAgent].map(([agent, ts]) => ({
    agent,
    attempts: ts.length,
    meanScore: ts.reduce((s, t) => s + (t.score ?? 0), 0) / ts.length,
    bestScore: Math.max(...ts.map((t) => t.score ?? 0)),
    resolved: ts.filter((t) => t.resolved).length,
  }));
  const gradesOf = (ts: readonly TrialRow[]) => ts.flatMap((t) => (t.gradeId ? [t.gradeId] : []));
  const tallies = new Map([...byAgent].map(([agent, ts]) => [agent, new Map(featureTallies(db, gradesOf(ts)).map((f) => [f.feature, f]))]));
  const failing = new Set([...tallies.values()].flatMap((m) => [...m.values()].filter((f) => f.passed < f.total).map((f) => f.feature)));
  const features = [...failing]
    .map((feature) => ({ feature, byAgent: Object.fromEntries([...tallies].map(([agent, m]) => { const f = m.get(feature); return [agent, f ? { passed: f.passed, total: f.total } : null]; })) }))
    .sort((a, b) => worst(a.byAgent) - worst(b.byAgent) || a.feature.localeCompare(b.feature));
  const grades = gradesOf(trials);
  return { task: taskId, agents, features, hardest: hardestCases(db, grades, HARDEST_CASES), gradedTrials: grades.length };
}

// The lowest pass rate a feature has across agents.
function worst(byAgent: Record<string, { passed: number; total: number } | null>): number {
  return Math.min(...Object.values(byAgent).map((f) => (f && f.total > 0 ? f.passed / f.total : 1)));
}

// A page of one trial's trajectory events (outputs cut to `outputChars`).
export function trajectoryPage(db: Db, trialId: string, offset = 0, limit = 200, outputChars = 20_000): TrajectoryPage | null {
  const trial = trialById(db, trialId);
  if (!trial?.artifactsDir) return null;
  const file = join(trial.artifactsDir, 'trajectory.jsonl');
  if (!existsSync(file)) return null;
  const events = readTrajectory(file);
  const cut = (text: string) => (text.length > outputChars ? `${text.slice(0, outputChars)}\n… (${text.length - outputChars} more characters)` : text);
  const page = events.slice(offset, offset + limit).map((e): TrajectoryEvent => {
    if (e.type === 'command') return { ...e, output: cut(e.output) };
    if (e.type === 'message' || e.type === 'start') return e.type === 'message' ? { ...e, content: cut(e.content) } : { ...e, instruction: cut(e.instruction) };
    return e;
  });
  return { trialId, events: page, total: events.length, offset };
}

export function marketDetail(db: Db, marketId: string): ReportMarket | null {
  const row = findMarket(db, marketId);
  const m = row ? getMarket(db, marketId) : null;
  if (!m || !row) return null;
  return { id: marketId, trialId: row.trialId, task: m.task, product: m.product, seed: m.seed, customers: m.customers, summary: m.summary, days: m.days, tickets: m.tickets.slice(0, 200), ...(m.worlds ? { worlds: m.worlds } : {}), ...(m.brief ? { brief: m.brief } : {}) };
}

// Caps of a one-file report: enough to read every trial, bounded for runs of thousands of trials.
const FILE_BUDGET_CHARS = 40_000_000;
const CASES_PER_TRIAL = 25;
const DIFF_CHARS = 3000;
const EVENTS_PER_TRIAL = 400;
const OUTPUT_CHARS = 2000;

// Everything a self-contained report embeds.
export function reportData(db: Db, run: RunRow | null, version: string): ReportData {
  const summary = reportSummary(db, run, version);
  const data: ReportData = { summary, tasks: {}, trials: {}, trajectories: {}, markets: {}, truncated: [] };
  let used = JSON.stringify(summary).length;
  for (const [task, trials] of groupBy(run ? trialsOfRun(db, run.id) : [], (t) => t.task)) {
    const detail = taskDetailOf(db, task, trials);
    if (detail) {
      data.tasks[task] = detail;
      used += JSON.stringify(detail).length;
    }
  }
  let skipped = 0;
  for (const m of summary.markets) {
    const detail = marketDetail(db, m.id);
    if (detail) {
      data.markets[m.id] = detail;
      used += JSON.stringify(detail).length;
    }
  }
  for (const t of summary.trials) {
    if (used > FILE_BUDGET_CHARS) {
      skipped++;
      continue;
    }
    const detail = trialDetail(db, t.id, 0, CASES_PER_TRIAL, DIFF_CHARS);
    if (detail) data.trials[t.id] = detail;
    const trajectory = t.hasTrajectory ? trajectoryPage(db, t.id, 0, EVENTS_PER_TRIAL, OUTPUT_CHARS) : null;
    if (trajectory) data.trajectories[t.id] = trajectory;
    used += JSON.stringify(detail ?? '').length + JSON.stringify(trajectory ?? '').length;
  }
  data.truncated.push(`at most ${CASES_PER_TRIAL} failing cases per trial (diffs cut at ${DIFF_CHARS} characters) and ${EVENTS_PER_TRIAL} trajectory events (outputs cut at ${OUTPUT_CHARS}); shipbench view shows everything`);
  if (skipped > 0) data.truncated.push(`${skipped} trials have no detail in this file (size budget); shipbench view shows them`);
  return data;
}
