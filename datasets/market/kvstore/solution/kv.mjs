// The known solution of kvstore: an implementation written from the brief.
import http from 'node:http';

const data = new Map();
const counters = { writes: 0 };
const validKey = (k) => k.length >= 1 && k.length <= 64 && /^[-A-Za-z0-9._]+$/.test(k);
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function reply(res, status, payload) {
  const headers = {};
  let text = '';
  if (payload !== undefined) {
    text = JSON.stringify(payload);
    headers['content-type'] = 'application/json';
  }
  res.writeHead(status, headers).end(text);
}

const fail = (res, status, message) => reply(res, status, { error: message });

function json(text) {
  try {
    return [JSON.parse(text)];
  } catch {
    return null;
  }
}

const routes = {
  stats(req, res) {
    if (req.method !== 'GET') return fail(res, 405, 'method not allowed');
    reply(res, 200, { keys: data.size, writes: counters.writes });
  },
  list(req, res, url) {
    if (req.method !== 'GET') return fail(res, 405, 'method not allowed');
    let limit = 100;
    if (url.searchParams.has('limit')) {
      const raw = url.searchParams.get('limit');
      const n = /^\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
      if (!(n >= 1 && n <= 1000)) return fail(res, 400, 'limit must be an integer from 1 to 1000');
      limit = n;
    }
    const prefix = url.searchParams.get('prefix') || '';
    const all = Array.from(data.keys()).filter((k) => k.startsWith(prefix)).sort();
    reply(res, 200, { keys: all.slice(0, limit), count: all.length });
  },
  incr(req, res, _url, key, body) {
    if (req.method !== 'POST') return fail(res, 405, 'method not allowed');
    let by = 1;
    if (body.length > 0) {
      const parsed = json(body);
      if (!parsed) return fail(res, 400, 'invalid json');
      if (!isPlainObject(parsed[0])) return fail(res, 400, 'body must be an object');
      if ('by' in parsed[0] && parsed[0].by !== undefined) by = parsed[0].by;
      if (!Number.isInteger(by)) return fail(res, 400, 'by must be an integer');
    }
    const old = data.get(key) ?? { value: 0, version: 0 };
    if (!Number.isInteger(old.value)) return fail(res, 409, 'value is not an integer');
    const entry = { value: old.value + by, version: old.version + 1 };
    data.set(key, entry);
    counters.writes += 1;
    reply(res, 200, { key, value: entry.value, version: entry.version });
  },
  key(req, res, _url, key, body) {
    const entry = data.get(key);
    switch (req.method) {
      case 'GET':
        return entry ? reply(res, 200, { key, value: entry.value, version: entry.version }) : fail(res, 404, 'not found');
      case 'PUT': {
        const parsed = json(body);
        if (!parsed) return fail(res, 400, 'invalid json');
        if (!isPlainObject(parsed[0]) || !Object.prototype.hasOwnProperty.call(parsed[0], 'value')) return fail(res, 400, 'body must be an object with a value');
        const version = (entry?.version ?? 0) + 1;
        data.set(key, { value: parsed[0].value, version });
        counters.writes += 1;
        return reply(res, entry ? 200 : 201, { key, version });
      }
      case 'DELETE':
        if (!entry) return fail(res, 404, 'not found');
        data.delete(key);
        counters.writes += 1;
        return reply(res, 204);
      default:
        return fail(res, 405, 'method not allowed');
    }
  },
};

function route(req, res, body) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/v1/stats') return routes.stats(req, res, url);
  if (url.pathname === '/v1/keys') return routes.list(req, res, url);
  const parts = url.pathname.split('/');
  if (parts.length < 4 || parts.length > 5 || parts[1] !== 'v1' || parts[2] !== 'keys' || (parts.length === 5 && parts[4] !== 'incr')) return fail(res, 404, 'no such route');
  let key = '';
  try {
    key = decodeURIComponent(parts[3]);
  } catch {
    // An undecodable key is invalid.
  }
  if (!validKey(key)) return fail(res, 400, 'invalid key');
  return parts.length === 5 ? routes.incr(req, res, url, key, body) : routes.key(req, res, url, key, body);
}

http
  .createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => route(req, res, body));
  })
  .listen(parseInt(process.env.PORT || '8080', 10), '127.0.0.1');
