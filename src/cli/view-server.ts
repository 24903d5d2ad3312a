import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { marketDetail, reportRun, reportSummary, taskDetail, trajectoryPage, trialDetail } from '../orchestrate/report-data.js';
import { viewerPage } from '../report/html.js';
import type { Db } from '../store/db.js';

const MAX_PAGE = 500;

export interface ViewServer {
  url: string;
  close(): Promise<void>;
}

// Serves the report from the store on loopback: the page, and its data page by page under /api.
// Every request reads the store afresh, so a run in progress shows up as it goes.
export async function startViewServer(db: Db, options: { port: number; run?: string; version: string }): Promise<ViewServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown, type = 'application/json') => {
      const text = type === 'application/json' ? JSON.stringify(body) : String(body);
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(text);
    };
    if (req.method !== 'GET') return send(405, { error: 'only GET' });
    const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
    const limit = Math.min(MAX_PAGE, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
    try {
      if (url.pathname === '/') return send(200, viewerPage(), 'text/html');
      if (url.pathname === '/api/summary') return send(200, reportSummary(db, reportRun(db, options.run), options.version));
      let m = /^\/api\/trials\/([^/]+)$/.exec(url.pathname);
      if (m) return reply(send, trialDetail(db, decodeURIComponent(m[1] as string), offset, limit));
      m = /^\/api\/trials\/([^/]+)\/trajectory$/.exec(url.pathname);
      if (m) return reply(send, trajectoryPage(db, decodeURIComponent(m[1] as string), offset, limit));
      m = /^\/api\/tasks\/([^/]+)$/.exec(url.pathname);
      if (m) return reply(send, taskDetail(db, reportRun(db, options.run), decodeURIComponent(m[1] as string)));
      m = /^\/api\/markets\/([^/]+)$/.exec(url.pathname);
      if (m) return reply(send, marketDetail(db, decodeURIComponent(m[1] as string)));
      return send(404, { error: 'no such page' });
    } catch (error) {
      return send(500, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function reply(send: (status: number, body: unknown) => void, body: unknown): void {
  if (body === null) send(404, { error: 'not found' });
  else send(200, body);
}
