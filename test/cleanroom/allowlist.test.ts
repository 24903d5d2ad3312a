import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowlist, type ProxyDecision } from '../../src/cleanroom/allowlist-proxy.js';
import { AgentSandbox } from '../../src/cleanroom/agent-sandbox.js';
import { caseLimitDefaults } from '../../src/sandbox/spec.js';
import { tempDir } from '../support/fixtures.js';

async function serve(text: string): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => res.end(text));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

// Speaks HTTP through the proxy the sandbox's environment names, with bash alone (no curl needed):
// a CONNECT, then a GET through the tunnel.
const viaProxy = (target: string) =>
  `p=\${HTTPS_PROXY#http://}; exec 3<>/dev/tcp/\${p%:*}/\${p#*:} || exit 9; printf 'CONNECT ${target} HTTP/1.1\\r\\nHost: ${target}\\r\\n\\r\\n' >&3; read -r status <&3; echo "$status"; if [[ $status == *200* ]]; then read -r _ <&3; printf 'GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n' >&3; tail -1 <&3; fi`;

describe('the allowlist policy', () => {
  let cleanup: () => Promise<void>;
  let sandbox: AgentSandbox;
  let allowed: { server: Server; port: number };
  let denied: { server: Server; port: number };
  const decisions: ProxyDecision[] = [];
  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    allowed = await serve('allowed service');
    denied = await serve('denied service');
    sandbox = await AgentSandbox.create({
      root: t.dir,
      programName: 'wc',
      reference: null,
      hide: [],
      brokerHide: [],
      policy: 'allowlist',
      allow: [`127.0.0.1:${allowed.port}`],
      onProxyDecision: (d) => decisions.push(d),
      stepLimits: { ...caseLimitDefaults, timeoutMs: 20_000 },
      brokerLimits: caseLimitDefaults,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    for (const s of [allowed, denied]) await new Promise<void>((resolve) => s.server.close(() => resolve()));
    await cleanup();
  });

  it('reaches a listed host:port through the proxy and nothing else', async () => {
    const ok = await sandbox.exec(viaProxy(`127.0.0.1:${allowed.port}`));
    expect(ok.stdout.toString()).toMatch(/^HTTP\/1.1 200 Connection Established\r?\nallowed service$/);
    const refused = await sandbox.exec(viaProxy(`127.0.0.1:${denied.port}`));
    expect(refused.stdout.toString()).toMatch(/^HTTP\/1.1 403 Forbidden/);
    expect(refused.stdout.toString()).not.toContain('denied service');
    // Straight connections, around the proxy, go nowhere: the sandbox has no network of its own.
    const direct = await sandbox.exec(`(exec 3<>/dev/tcp/127.0.0.1/${allowed.port} && echo CONNECTED) 2>&1 || echo BLOCKED`);
    expect(direct.stdout.toString()).toContain('BLOCKED');
    expect(decisions).toEqual([
      { target: `127.0.0.1:${allowed.port}`, allowed: true },
      { target: `127.0.0.1:${denied.port}`, allowed: false },
    ]);
  });

  it('accepts host:port pairs only', () => {
    expect([...parseAllowlist(['API.example.com:443', '[::1]:8080'])]).toEqual(['api.example.com:443', '[::1]:8080']);
    expect(() => parseAllowlist(['example.com'])).toThrow(/not host:port/);
    expect(() => parseAllowlist(['example.com:70000'])).toThrow(/not host:port/);
  });
});
