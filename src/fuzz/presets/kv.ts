import type { GeneratorConfig } from '../../contracts/generator.js';
import { Rng } from '../../util/rng.js';
import type { PlannedCase } from '../record.js';

// kv: HTTP sessions against a key-value service (task kind service): each case's stdin holds 1–8
// requests over a small key space, so reads meet earlier writes; tags name the operations and
// the error paths a session exercises.

interface Request {
  method: string;
  path: string;
  body?: string;
}

const KEYS = ['a', 'b', 'user.1', 'user.2', 'cfg-x', 'n', 'counter', 'Z_9'];
const BAD_KEYS = ['bad key', 'x'.repeat(70), 'a%2Fb', ''];

function value(r: Rng): unknown {
  switch (r.int(0, 6)) {
    case 0:
      return r.int(-1000, 1000);
    case 1:
      return r.pick(['hello', 'ünïcode ✓', '', 'line\nbreak', 'x'.repeat(r.int(1, 40))]);
    case 2:
      return r.chance(0.5);
    case 3:
      return null;
    case 4:
      return { name: r.pick(['ann', 'bo']), tags: [r.int(0, 9), r.int(0, 9)], nested: { ok: r.chance(0.5) } };
    case 5:
      return [r.int(0, 3), 'two', { three: 3 }];
    default:
      return r.int(0, 5) * 1.5;
  }
}

function request(r: Rng, features: Set<string>): Request {
  const key = r.pick(KEYS);
  switch (r.int(0, 11)) {
    case 0:
    case 1:
    case 2:
      features.add('put');
      if (r.chance(0.06)) {
        features.add('invalid-json');
        return { method: 'PUT', path: `/v1/keys/${key}`, body: r.pick(['{', '{"value":}', 'not json', '']) };
      }
      if (r.chance(0.05)) {
        features.add('missing-value');
        return { method: 'PUT', path: `/v1/keys/${key}`, body: '{"val":1}' };
      }
      return { method: 'PUT', path: `/v1/keys/${key}`, body: JSON.stringify({ value: value(r) }) };
    case 3:
    case 4:
    case 5:
      features.add('get');
      return { method: 'GET', path: `/v1/keys/${key}` };
    case 6:
      features.add('delete');
      return { method: 'DELETE', path: `/v1/keys/${key}` };
    case 7: {
      features.add('list');
      const params = [r.chance(0.6) ? `prefix=${r.pick(['', 'u', 'user.', 'c', 'zz'])}` : '', r.chance(0.4) ? `limit=${r.pick(['1', '2', '10', '0', '-1', 'x'])}` : ''].filter(Boolean);
      if (params.some((p) => /limit=(0|-1|x)$/.test(p))) features.add('bad-limit');
      return { method: 'GET', path: `/v1/keys${params.length ? `?${params.join('&')}` : ''}` };
    }
    case 8:
      features.add('incr');
      return { method: 'POST', path: `/v1/keys/${r.pick(['n', 'counter', key])}/incr`, body: r.chance(0.2) ? '' : JSON.stringify({ by: r.pick([1, 5, -2, 0, 1.5, 'x']) }) };
    case 9:
      features.add('stats');
      return { method: 'GET', path: '/v1/stats' };
    case 10:
      features.add('invalid-key');
      return { method: r.pick(['GET', 'PUT']), path: `/v1/keys/${encodeURIComponent(r.pick(BAD_KEYS))}`, body: JSON.stringify({ value: 1 }) };
    default:
      features.add('routing');
      return r.pick([{ method: 'GET', path: '/' }, { method: 'PATCH', path: `/v1/keys/${key}` }, { method: 'GET', path: '/v2/keys' }, { method: 'POST', path: '/v1/stats' }]);
  }
}

export function planKv(config: GeneratorConfig, count: number): PlannedCase[] {
  const r = new Rng(config.seed, 'kv');
  const out: PlannedCase[] = [];
  for (let i = 0; i < count; i++) {
    const features = new Set<string>();
    const requests = Array.from({ length: r.int(1, 8) }, () => request(r, features));
    out.push({ id: `candidate-${i}`, features: [...features].sort(), run: { argv: [], stdin: `${JSON.stringify({ requests })}\n`, files: {}, env: {} } });
  }
  return out;
}
