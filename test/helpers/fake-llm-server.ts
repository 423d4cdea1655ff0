/**
 * A model provider on 127.0.0.1 port 0 that replays recorded answers: the OpenAI chat completions API
 * (`POST …/chat/completions`) and the Anthropic messages API (`POST …/messages`). Each request is
 * recorded (path, headers, the use its prompt names, the body); `reply` decides what comes back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type FakeReply =
  /** a completion whose message is this text */
  | { text: string }
  /** an HTTP status with an error body (and headers, e.g. retry-after) */
  | { status: number; headers?: Record<string, string> }
  /** a 200 whose body is this, as it is: not the provider's format */
  | { raw: string }
  /** no answer at all, until the client gives up */
  | { hang: true };

export interface FakeRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** the use the prompt names ("plan", "chat", "blocker", "quiet") */
  use: string | undefined;
  /** everything the model was sent, as one string */
  prompt: string;
  body: Record<string, unknown>;
}

export interface FakeLlmServer {
  /** the base URL to pass as --llm-base-url */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

const completion = (text: string, model: unknown) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion',
  created: 1_767_600_000,
  model,
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 400, completion_tokens: 200, total_tokens: 600 },
});

const message = (text: string, model: unknown) => ({
  id: 'msg_fake',
  type: 'message',
  role: 'assistant',
  model,
  content: [{ type: 'text', text }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 400, output_tokens: 200 },
});

export async function startFakeLlm(reply: (request: FakeRequest, index: number) => FakeReply): Promise<FakeLlmServer> {
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(data) as Record<string, unknown>;
      } catch {
        // recorded as it came
      }
      const prompt = JSON.stringify([body.system ?? null, body.messages ?? null]);
      const request: FakeRequest = { path: req.url ?? '', headers: req.headers, use: /use: (\w+)/.exec(prompt)?.[1], prompt, body };
      requests.push(request);
      const answer = reply(request, requests.length - 1);
      if ('hang' in answer) return;
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        return void res.end(JSON.stringify({ error: { message: `fake error ${answer.status}`, type: 'server_error' } }));
      }
      if ('raw' in answer) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(answer.raw);
      }
      const anthropic = request.path.endsWith('/messages');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(anthropic ? message(answer.text, body.model) : completion(answer.text, body.model)));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
