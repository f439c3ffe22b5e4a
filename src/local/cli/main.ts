/**
 * The `scope-doctor` command: real stdin/stdout, fetch and signals around runCli, which does the work.
 */
import { ReadStream } from 'node:tty';
import { promptHidden } from './prompt';
import { runCli } from './run';
import { MAX_EXPLAIN_CHARS } from '../../core/explain';

const MAX_STDIN_BYTES = MAX_EXPLAIN_CHARS;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    chunks.push(buffer);
    // Past the largest input any command takes (a HAR for explain): stop, and let that command's limit explain it.
    if (size > MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveEmulator(port: number | undefined, announce: (url: string) => void): Promise<void> {
  const { startEmulator } = await import('../../emulator');
  const emulator = await startEmulator({ port });
  announce(emulator.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
}

async function runStart(): Promise<void> {
  const { runStart: start } = (await import('../start')) as { runStart: () => Promise<void> };
  await start();
}

const stdin = process.stdin;
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  readStdin,
  promptSecret: stdin.isTTY && stdin instanceof ReadStream ? (question) => promptHidden(question, stdin, (t) => process.stderr.write(t)) : undefined,
  terminal: {
    stdout: { tty: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) },
    stderr: { tty: process.stderr.isTTY === true, write: (text) => void process.stderr.write(text) },
  },
  fetch: (url, init) => fetch(url, init),
  serveEmulator,
  runStart,
});
