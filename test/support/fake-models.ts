import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { SUBMIT_WORD } from '../../src/agent/kinds/mini.js';
import { findTask } from '../../src/tasks/load-task.js';

export interface FakeModel {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

type Answer = (body: Record<string, unknown>, content: string, turn: number) => Record<string, unknown>;

// A local HTTP server that answers each request on `path` with the next scripted reply (the last
// one repeats), shaped by `answer` into a provider's wire format. Only loopback.
async function startFake(path: string, base: string, replies: string[], answer: Answer, failFirst = 0): Promise<FakeModel> {
  const requests: FakeModel['requests'] = [];
  let turn = 0;
  let failures = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((text) => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      requests.push({ path: req.url ?? '', body });
      if (req.method !== 'POST' || !req.url?.endsWith(path)) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      if (failures < failFirst) {
        failures++;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'the model is overloaded', type: 'server_error' } }));
        return;
      }
      const content = replies[Math.min(turn++, replies.length - 1)] ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(body, content, turn)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { baseURL: `http://127.0.0.1:${port}${base}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// The OpenAI chat-completions wire format (POST {base}/chat/completions). The first `failFirst`
// requests get a 500, as from an overloaded provider.
export function startFakeOpenAI(replies: string[], failFirst = 0): Promise<FakeModel> {
  return startFake('/chat/completions', '/v1', replies, (body, content, turn) => ({
    id: `chatcmpl-${turn}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
  }), failFirst);
}

// Anthropic's messages wire format (POST {base}/v1/messages).
export function startFakeAnthropic(replies: string[]): Promise<FakeModel> {
  return startFake('/v1/messages', '', replies, (body, content, turn) => ({
    id: `msg_${turn}`,
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: [{ type: 'text', text: content }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 150, output_tokens: 90 },
  }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}

// A model session that probes the wc reference, writes the known wc rebuild (changed by `edit`),
// then submits.
export function scriptedWcSession(edit: (source: string) => string = (source) => source): string[] {
  const solution = join(findTask('wc').dir, 'solution');
  const source = edit(readFileSync(join(solution, 'wc.js'), 'utf8'));
  const compile = readFileSync(join(solution, 'compile.sh'), 'utf8');
  return [
    "THOUGHT: first see how the reference counts.\n```bash\nprintf 'one two\\nthree\\n' | wc && printf 'x y' > sample.txt && wc -c sample.txt && ls docs\n```",
    `THOUGHT: write the rebuild.\n\`\`\`bash\ncat > wc.js <<'SHIPBENCH_EOF'\n${source}\nSHIPBENCH_EOF\ncat > compile.sh <<'SHIPBENCH_EOF'\n${compile}\nSHIPBENCH_EOF\nbash compile.sh && printf 'one two\\nthree\\n' | ./executable\n\`\`\``,
    'I think it is done now.',
    `\`\`\`bash\necho ${SUBMIT_WORD}\n\`\`\``,
  ];
}


// A model session over a market episode: sprint 1 checks the reference is out of reach and ships
// the known wc rebuild; sprint 2 reads the inbox, tries to rewrite it and raises the price; every
// later sprint submits at once (the last reply repeats).
export function scriptedMarketSession(price: number): string[] {
  const [, write] = scriptedWcSession();
  return [
    "THOUGHT: is there a reference to study?\n```bash\nwc --version; echo rc=$?; ls -A /run/shipbench/bin; cat price.txt\n```",
    write as string,
    `\`\`\`bash\necho ${SUBMIT_WORD}\n\`\`\``,
    "THOUGHT: read the week's inbox, then charge more.\n```bash\nhead -c 3000 /run/shipbench/inbox/week-1.md; (echo forged > /run/shipbench/inbox/week-1.md) 2>&1; echo " + String(price) + ' > price.txt\n```',
    `\`\`\`bash\necho ${SUBMIT_WORD}\n\`\`\``,
  ];
}
