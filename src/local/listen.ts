import type { Server } from 'node:net';
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
