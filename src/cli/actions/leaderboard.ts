import { runMarketLeaderboard, trialScores } from '../../orchestrate/report-data.js';
import { leaderboard } from '../../report/stats.js';
import { storePath } from '../../store/db.js';
import { findRun, finishedTrials } from '../../store/runs.js';
import { openStore, out } from '../context.js';
import { leaderboardTable, marketLeaderboardTable } from '../format-runs.js';

// leaderboard: agents ranked over finished trials.
export async function leaderboardAction(flags: { run?: string; json?: boolean; db?: string }): Promise<void> {
  const db = openStore(storePath(flags.db));
  try {
    const run = flags.run ? findRun(db, flags.run) : null;
    const trials = finishedTrials(db, run?.id);
    const rows = leaderboard(trialScores(trials));
    const market = runMarketLeaderboard(db, trials);
    if (flags.json) {
      out(JSON.stringify({ run: run?.id ?? null, rows, ...(market.length ? { marketRows: market } : {}) }));
      return;
    }
    if (market.length > 0) out(`market trials:\n${marketLeaderboardTable(market)}\n\nbehaviour of their last builds and of rebuild trials on the hidden suites:`);
    if (rows.length === 0) {
      out(run ? `run ${run.name} has no finished trials yet` : 'no finished trials in the store yet; start one with: shipbench run --tasks wc --agent oracle');
      return;
    }
    out(leaderboardTable(rows));
    out('\nresolved = 100% of the suite, almost = at least 95%; [low–high] is a 95% bootstrap interval over tasks.');
  } finally {
    db.close();
  }
}
