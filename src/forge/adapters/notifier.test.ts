import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchNotifier } from './notifier';

/** A webhook sink on loopback: keeps what it was sent; `/moved` redirects elsewhere. */
let server: Server;
let base: string;
const received: { method?: string; path?: string; type?: string; body: string }[] = [];

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  received.push({ method: req.method, path: req.url, type: req.headers['content-type'], body });
  if (req.url === '/moved') res.writeHead(302, { Location: `${base}/elsewhere` }).end();
  else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
}

beforeAll(async () => {
  server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchNotifier', () => {
  it('posts the message as JSON and answers with the status', async () => {
    const notifier = fetchNotifier(globalThis.fetch);
    expect(await notifier.post(`${base}/services/demo`, '{"text":"hi"}')).toEqual({ status: 200 });
    expect(received.at(-1)).toEqual({ method: 'POST', path: '/services/demo', type: 'application/json', body: '{"text":"hi"}' });
  });
  it('does not follow a redirect to another address', async () => {
    const before = received.length;
    expect(await fetchNotifier(globalThis.fetch).post(`${base}/moved`, '{}')).toEqual({ status: 302 });
    expect(received.slice(before).map((request) => request.path)).toEqual(['/moved']);
  });
});
