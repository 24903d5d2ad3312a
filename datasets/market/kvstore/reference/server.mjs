// The reference of the kvstore market task: a small JSON key-value service on $PORT. It defines
// what customers consider correct; agents never see this file.
import { createServer } from 'node:http';

const store = new Map(); // key -> { value, version }
let writes = 0;
const KEY = /^[A-Za-z0-9._-]{1,64}$/;

function send(res, status, body) {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function parseBody(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function handle(method, url, text, res) {
  const path = url.pathname;
  if (path === '/v1/stats') {
    if (method !== 'GET') return send(res, 405, { error: 'method not allowed' });
    return send(res, 200, { keys: store.size, writes });
  }
  if (path === '/v1/keys') {
    if (method !== 'GET') return send(res, 405, { error: 'method not allowed' });
    const prefix = url.searchParams.get('prefix') ?? '';
    const limitText = url.searchParams.get('limit');
    let limit = 100;
    if (limitText !== null) {
      if (!/^[0-9]+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 1000) return send(res, 400, { error: 'limit must be an integer from 1 to 1000' });
      limit = Number(limitText);
    }
    const keys = [...store.keys()].filter((k) => k.startsWith(prefix)).sort();
    return send(res, 200, { keys: keys.slice(0, limit), count: keys.length });
  }
  const match = /^\/v1\/keys\/([^/]*)(\/incr)?$/.exec(path);
  if (!match) return send(res, 404, { error: 'no such route' });
  let key;
  try {
    key = decodeURIComponent(match[1]);
  } catch {
    key = '';
  }
  if (!KEY.test(key)) return send(res, 400, { error: 'invalid key' });
  if (match[2]) {
    if (method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    let by = 1;
    if (text !== '') {
      const body = parseBody(text);
      if (!body.ok) return send(res, 400, { error: 'invalid json' });
      if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) return send(res, 400, { error: 'body must be an object' });
      if (body.value.by !== undefined) by = body.value.by;
      if (!Number.isInteger(by)) return send(res, 400, { error: 'by must be an integer' });
    }
    const current = store.get(key);
    if (current && !Number.isInteger(current.value)) return send(res, 409, { error: 'value is not an integer' });
    const next = { value: (current?.value ?? 0) + by, version: (current?.version ?? 0) + 1 };
    store.set(key, next);
    writes++;
    return send(res, 200, { key, value: next.value, version: next.version });
  }
  if (method === 'GET') {
    const entry = store.get(key);
    if (!entry) return send(res, 404, { error: 'not found' });
    return send(res, 200, { key, value: entry.value, version: entry.version });
  }
  if (method === 'PUT') {
    const body = parseBody(text);
    if (!body.ok) return send(res, 400, { error: 'invalid json' });
    if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value) || !('value' in body.value)) return send(res, 400, { error: 'body must be an object with a value' });
    const current = store.get(key);
    const next = { value: body.value.value, version: (current?.version ?? 0) + 1 };
    store.set(key, next);
    writes++;
    return send(res, current ? 200 : 201, { key, version: next.version });
  }
  if (method === 'DELETE') {
    if (!store.delete(key)) return send(res, 404, { error: 'not found' });
    writes++;
    return send(res, 204);
  }
  return send(res, 405, { error: 'method not allowed' });
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    handle(req.method ?? 'GET', url, Buffer.concat(chunks).toString('utf8'), res);
  });
});
server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1');
