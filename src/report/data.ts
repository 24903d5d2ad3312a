import type { BriefKind, MarketDay, MarketSummary, TicketGroup, Worlds } from '../contracts/market.js';
import type { TrajectoryEvent } from '../contracts/run.js';
import type { LeaderboardRow, MarketLeaderboardRow } from './stats.js';

// What the report shows, as plain data: the HTML report embeds it, `view` serves it page by page.

export interface ReportTrial {
  id: string;
  ordinal: number;
  task: string;
  agent: string;
  attempt: number;
  status: string;
  exitStatus: string | null;
  score: number | null;
  resolved: boolean | null;
  passed: number | null;
  total: number | null;
  steps: number | null;
  costUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  brokerCalls: number | null;
  durationMs: number | null;
  error: string | null;
  hasTrajectory: boolean;
  marketId: string | null;
  /** Market trials: ARR on the last simulated day so far. */
  arr: number | null;
}

export interface HeatCell {
  agent: string;
  task: string;
  meanScore: number;
  attempts: number;
  resolved: number;
}

export interface ReportMarket {
  id: string;
  trialId: string | null;
  task: string;
  product: string;
  seed: number;
  customers: number;
  summary: MarketSummary;
  days: MarketDay[];
  tickets: TicketGroup[];
  /** Day-90 figures in every world; the days and tickets are the first world's. */
  worlds?: Worlds;
  /** The brief a live agent had. */
  brief?: BriefKind;
}

export interface ReportSummary {
  generatedAt: string;
  shipbenchVersion: string;
  run: { id: string; name: string; createdAt: string; tasks: number; agents: string[]; attempts: number; policy: string } | null;
  /** True while trials of the run are still pending or running (view polls then). */
  live: boolean;
  leaderboard: LeaderboardRow[];
  /** Market runs: agents ranked by ARR and bank balance. */
  marketLeaderboard: MarketLeaderboardRow[];
  heatmap: HeatCell[];
  trials: ReportTrial[];
  markets: Omit<ReportMarket, 'days' | 'tickets'>[];
}

export interface ReportCase {
  id: string;
  passed: boolean;
  failures: string[];
  features: string[];
  diff: string | null;
}

export interface TrialDetail {
  trialId: string;
  gradeId: string | null;
  build: { status: string; message: string | null; logTail: string } | null;
  /** Failing cases in suite order, a page of them. */
  failing: ReportCase[];
  failingTotal: number;
  offset: number;
  /** Features with at least one failing case: passed / total of each. */
  features: { feature: string; passed: number; total: number }[];
}

export interface TrajectoryPage {
  trialId: string;
  events: TrajectoryEvent[];
  total: number;
  offset: number;
}

// A whole report for one file: the summary, and what each trial and market opens to.
// One task of a run across its agents: how each did, which features each misses, and the cases
// that fail most often.
export interface TaskDetail {
  task: string;
  agents: { agent: string; attempts: number; meanScore: number; bestScore: number; resolved: number }[];
  /** Features some finished trial fails: passed / total per agent (null when the agent has no grade). */
  features: { feature: string; byAgent: Record<string, { passed: number; total: number } | null> }[];
  /** The cases failed by most trials, with how many of the task's graded trials fail each. */
  hardest: { id: string; failedIn: number; features: string[] }[];
  gradedTrials: number;
}

export interface ReportData {
  summary: ReportSummary;
  tasks: Record<string, TaskDetail>;
  trials: Record<string, TrialDetail>;
  trajectories: Record<string, TrajectoryPage>;
  markets: Record<string, ReportMarket>;
  /** What was left out to keep the file small ("view" serves it all). */
  truncated: string[];
}
