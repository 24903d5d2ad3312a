// Runs one HTTP session against a service inside a sandbox: starts the service command given
// after "--" with PORT set, waits until it accepts connections, sends the requests read from
// stdin ({"requests":[{"method","path","headers","body"}]}) one after another and prints a
// transcript: "> METHOD PATH" then "< STATUS BODY" per request. JSON bodies are printed in a
// canonical form (sorted keys, no spaces), since clients parse them; other bodies as JSON strings
// when they hold a line break. Exit 0 when the service started, 3 when it never did.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const readyMs = Number(args[args.indexOf('--ready-ms') + 1] ?? 5000) || 5000;
const command = args.slice(split + 1);
// Below Linux's ephemeral range (32768+): a probe connecting to a port in that range can be given
// the same port as its own source and connect to itself, after which the service cannot listen.
const port = 20000 + Math.floor(Math.random() * 12000);

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function shown(body) {
  const text = body.replace(/\n$/, '');
  try {
    return canonical(JSON.parse(text));
  } catch {
    return /[\n\r]/.test(text) ? JSON.stringify(text) : text;
  }
}

function accepting() {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function send(r) {
  return new Promise((resolve) => {
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const headers = { ...(r.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, timeout: 10000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(`< ${res.statusCode} ${shown(Buffer.concat(chunks).toString('utf8'))}`));
      res.on('error', () => resolve('< connection failed'));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve('< connection failed'));
    req.end(body);
  });
}

async function main() {
  const input = JSON.parse(await new Promise((resolve) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8') || '{"requests":[]}'));
  }));
  const child = spawn(command[0], command.slice(1), { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', () => (exited = true));
  const deadline = Date.now() + readyMs;
  while (!(await accepting())) {
    if (exited || Date.now() > deadline) {
      process.stderr.write(exited ? 'service exited before it accepted connections\n' : `service did not accept connections on $PORT within ${readyMs} ms\n`);
      child.kill('SIGKILL');
      process.exitCode = 3;
      return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const lines = [];
  for (const r of input.requests) {
    lines.push(`> ${r.method} ${r.path}${r.body === undefined ? '' : ` ${shown(r.body)}`}`);
    lines.push(await send(r));
  }
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  child.kill('SIGKILL');
}

main().catch((error) => {
  process.stderr.write(`service driver: ${error.message}\n`);
  process.exitCode = 4;
});
