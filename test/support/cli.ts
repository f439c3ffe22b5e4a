import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/scope-doctor.js` as a person would, with only PATH and the given environment. */
export function runScopeDoctor(args: readonly string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  return runProcess(process.execPath, ['bin/scope-doctor.js', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdin });
}

/** Runs a program to its end with exactly the environment given, and keeps what it printed. */
export function runProcess(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string; stdin?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // Without a stdin to give, closed unwritten: writing to a program that never reads it can fail with EPIPE.
    if (options.stdin === undefined) child.stdin.destroy();
    else child.stdin.end(options.stdin);
  });
}
