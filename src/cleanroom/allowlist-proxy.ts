import { chmodSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';

// One decision of the allowlist proxy, as the trajectory records it.
export interface ProxyDecision {
  target: string;
  allowed: boolean;
}

const MAX_HEAD = 16 * 1024;

// The text of the bridge that runs inside an `allowlist` sandbox: it listens on the sandbox's own
// loopback and carries each connection over the unix socket to the proxy outside (the sandbox has
// no other way out). It prints one line when it listens.
export function bridgeScript(socketPath: string, port: number): string {
  return `'use strict';
const net = require('net');
const server = net.createServer((client) => {
  const upstream = net.connect(${JSON.stringify(socketPath)});
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
server.listen(${port}, '127.0.0.1', () => process.stdout.write('ready\\n'));
`;
}

// "host:port" pairs, parsed; throws on anything else. Pure.
export function parseAllowlist(entries: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    const m = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry.trim());
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new Error(`"${entry}" is not host:port`);
    out.add(`${(m[1] as string).toLowerCase()}:${m[2]}`);
  }
  return out;
}

// The proxy of the `allowlist` policy: an HTTP proxy on a unix socket that opens a connection
// only to the named host:port pairs — CONNECT for TLS, absolute-form requests for plain HTTP — and
// answers 403 to everything else.
export class AllowlistProxy {
  private readonly server: Server;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly allowed: Set<string>,
    private readonly onDecision?: (d: ProxyDecision) => void,
  ) {
    this.server = createServer((socket) => this.serve(socket));
  }

  static async start(socketPath: string, allow: readonly string[], onDecision?: (d: ProxyDecision) => void): Promise<AllowlistProxy> {
    const proxy = new AllowlistProxy(parseAllowlist(allow), onDecision);
    await rm(socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(socketPath, () => resolve());
    });
    chmodSync(socketPath, 0o666);
    return proxy;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(client: Socket): void {
    this.open.add(client);
    client.on('close', () => this.open.delete(client));
    client.on('error', () => {});
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD) client.destroy();
        return;
      }
      client.off('data', onData);
      client.pause();
      this.route(client, head, end);
    };
    client.on('data', onData);
  }

  private route(client: Socket, head: Buffer, end: number): void {
    const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
    const [method = '', target = ''] = requestLine.split(' ');
    let host: string;
    let port: number;
    if (method === 'CONNECT') {
      const at = target.lastIndexOf(':');
      host = target.slice(0, at);
      port = Number(target.slice(at + 1));
    } else {
      try {
        const url = new URL(target);
        host = url.hostname;
        port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      } catch {
        client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
        return;
      }
    }
    const key = `${host.toLowerCase()}:${port}`;
    const allowed = this.allowed.has(key);
    const decision = { target: key, allowed };
    this.onDecision?.(decision);
    if (!allowed) {
      const body = `shipbench: ${key} is not on this sandbox's allowlist\n`;
      client.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      return;
    }
    const upstream = connect(port, host.replace(/^\[|\]$/g, ''));
    this.open.add(upstream);
    upstream.on('close', () => this.open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.once('connect', () => {
      if (method === 'CONNECT') {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length > 0) upstream.write(rest);
      } else {
        upstream.write(head);
      }
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  }
}
