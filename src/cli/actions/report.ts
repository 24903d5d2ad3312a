import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { userError } from '../../errors.js';
import { reportData, reportRun } from '../../orchestrate/report-data.js';
import { renderReport } from '../../report/html.js';
import { storePath } from '../../store/db.js';
import { writeFileAtomic } from '../../util/fs.js';
import { openStore, out, VERSION } from '../context.js';
import { startViewServer } from '../view-server.js';

export interface ReportFlags {
  run?: string;
  out: string;
  json?: boolean;
  db?: string;
}

export interface ViewFlags {
  port: number;
  run?: string;
  json?: boolean;
  db?: string;
}

function openExistingStore(flag?: string) {
  const path = storePath(flag);
  if (!existsSync(path)) throw userError('cli.db', `no store at ${path}`, 'run something first (npm start, shipbench run …) or pass --db');
  return openStore(path);
}

// report: the newest (or a named) run as one HTML file.
export async function reportAction(flags: ReportFlags): Promise<void> {
  const db = openExistingStore(flags.db);
  try {
    const data = reportData(db, reportRun(db, flags.run), VERSION);
    if (flags.json) {
      out(JSON.stringify(data));
      return;
    }
    const file = resolve(flags.out);
    await writeFileAtomic(file, renderReport(data));
    const s = data.summary;
    out(`wrote ${file}: ${s.run ? `run ${s.run.name}, ${s.trials.length} trials` : 'no run'}, ${s.markets.length} markets`);
  } finally {
    db.close();
  }
}

// view: the report served live from the store until interrupted.
export async function viewAction(flags: ViewFlags): Promise<void> {
  const db = openExistingStore(flags.db);
  if (flags.run) reportRun(db, flags.run);
  let server;
  try {
    server = await startViewServer(db, { port: flags.port, run: flags.run, version: VERSION });
  } catch (error) {
    db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw userError('cli.port', `port ${flags.port} is already in use`, 'pick another with --port, or --port 0 for any free one');
    throw error;
  }
  out(flags.json ? JSON.stringify({ url: server.url }) : `serving the report at ${server.url} (Ctrl-C stops)`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        db.close();
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
