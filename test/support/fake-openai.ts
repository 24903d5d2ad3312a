import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface FakeModel {
  baseURL: string;
  requests: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

// A local HTTP server that speaks the OpenAI chat-completions wire format and answers each request
// with the next scripted reply (the last one repeats). Only loopback.
export async function startFakeOpenAI(replies: string[]): Promise<FakeModel> {
  const requests: FakeModel['requests'] = [];
  let turn = 0;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      requests.push({ path: req.url ?? '', body });
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      const content = replies[Math.min(turn++, replies.length - 1)] ?? '';
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${turn}`,
          object: 'chat.completion',
          created: 1_700_000_000,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { baseURL: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}
