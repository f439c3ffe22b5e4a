import { createServer, request, type Agent, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, closerOf, listenOnLoopback, readBody } from './loopback-server';

const servers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()));
});

/** A server that answers each POST with what readBody made of its body: the text, or the refusal. */
async function echoServer(limit: number, drainLimit?: number): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    readBody(req, limit, drainLimit).then(
      (text) => res.end(JSON.stringify({ text })),
      (error: unknown) => {
        const closeConnection = error instanceof BodyTooLargeError ? error.closeConnection : undefined;
        res.writeHead(413, closeConnection ? { Connection: 'close' } : {});
        res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error), closeConnection }));
      },
    );
  });
  servers.push(closerOf(server));
  return { port: await listenOnLoopback(server, 0, 'pick another'), server };
}

function post(port: number, body: string, agent?: Agent): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', ...(agent ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('readBody', () => {
  it('gives the body as text up to the limit', async () => {
    const { port } = await echoServer(10);
    expect(await post(port, 'é'.repeat(5))).toEqual({ status: 200, json: { text: 'ééééé' } });
  });

  it('refuses a body over the limit once it is read to its end, keeping the connection, while it stays within the drain limit', async () => {
    const { port } = await echoServer(10, 1000);
    expect(await post(port, 'x'.repeat(500))).toEqual({ status: 413, json: { message: 'The request is larger than 10 bytes.', closeConnection: false } });
  });

  it('refuses a body past the drain limit and says the connection closes', async () => {
    const { port } = await echoServer(10, 100);
    expect(await post(port, 'x'.repeat(500))).toEqual({ status: 413, json: { message: 'The request is larger than 10 bytes.', closeConnection: true } });
  });
});

describe('closerOf', () => {
  it('closes the server at once though a request is still half sent', async () => {
    const { port, server } = await echoServer(10);
    const client = connect(port, '127.0.0.1');
    // The server destroying the socket may reach the client as a reset: that is the close this test wants.
    client.on('error', () => undefined);
    const clientClosed = new Promise<void>((closed) => client.on('close', () => closed()));
    await new Promise<void>((sent) => client.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc', () => sent()));
    const started = Date.now();
    await servers.pop()!();
    await clientClosed;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.listening).toBe(false);
  });
});

describe('listenOnLoopback', () => {
  it('names a port that is taken as the person’s to change', async () => {
    const { port } = await echoServer(10);
    const second = createServer();
    await expect(listenOnLoopback(second, port, 'choose another with --port')).rejects.toThrow(
      `port ${port} is already in use (another Scope Doctor?): stop it, or choose another with --port`,
    );
  });
});
