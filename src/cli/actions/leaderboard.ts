import { trialScores } from '../../orchestrate/report-data.js';
import { leaderboard } from '../../report/stats.js';
import { openDb, storePath } from '../../store/db.js';
import { findRun, finishedTrials } from '../../store/runs.js';
import { out } from '../context.js';
import { leaderboardTable } from '../format-runs.js';

// leaderboard: agents ranked over finished trials.
export async function leaderboardAction(flags: { run?: string; json?: boolean; db?: string }): Promise<void> {
  const db = openDb(storePath(flags.db));
  try {
    const run = flags.run ? findRun(db, flags.run) : null;
    const rows = leaderboard(trialScores(finishedTrials(db, run?.id)));
    if (flags.json) {
      out(JSON.stringify({ run: run?.id ?? null, rows }));
      return;
    }
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
