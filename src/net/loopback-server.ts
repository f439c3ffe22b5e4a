/**
 * HTTP server plumbing shared by the emulator and the local server: Node-only (so not in core), below both
 * (so the emulator needs nothing from src/local).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { InputError } from '../core/model';

/**
 * Listens on 127.0.0.1 only (nothing here is for other machines) and returns the port. A port that is taken
 * or not ours to use is the person's to change, so it comes back as an InputError naming how.
 */
export async function listenOnLoopback(server: Server, port: number, howToChange: string): Promise<number> {
  await new Promise<void>((listening, failed) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') failed(new InputError(`port ${port} is already in use (another Scope Doctor?): stop it, or ${howToChange}`));
      else if (error.code === 'EACCES') failed(new InputError(`port ${port} is not allowed for this user: ${howToChange}`));
      else failed(error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      listening();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server did not get a TCP port');
  return address.port;
}

/**
 * Tracks the server's open sockets and returns its close: it destroys them too, so closing does not wait for
 * idle keep-alive clients (or a request the emulator left hanging on purpose).
 */
export function closerOf(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((closed) => {
      server.close(() => closed());
      for (const socket of sockets) socket.destroy();
    });
}

export class BodyTooLargeError extends Error {
  constructor(
    limit: number,
    /** The rest of the body will not be read: answer with `Connection: close`. */
    readonly closeConnection: boolean,
  ) {
    super(`The request is larger than ${limit} bytes.`);
  }
}

/**
 * The body as text, at most `limit` bytes so a huge upload cannot exhaust memory. A larger one is read on to
 * its end and dropped while it stays within `drainLimit`, so the 413 reaches the client and the connection
 * stays usable; past `drainLimit` it is refused at once and the rest keeps being discarded as it arrives (a
 * socket closed on unread data would reset the client before it reads the 413).
 */
export function readBody(req: IncomingMessage, limit: number, drainLimit = limit): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > drainLimit) {
      req.resume();
      reject(new BodyTooLargeError(limit, true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > drainLimit) reject(new BodyTooLargeError(limit, true));
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLargeError(limit, false)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}
