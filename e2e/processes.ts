import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** The environment a child tool should see: Vitest's NODE_ENV=test would make Next.js and Vite build for tests. */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _vitestNodeEnv, ...env } = process.env;
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

function outputOf(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

/** Runs a command to its end; rejects with everything it printed when it fails. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const output = outputOf(child);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(output());
      else reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) ended with ${signal ?? `exit code ${code}`}:\n${output()}`));
    });
  });
}

/** A port nothing listens on right now (the OS picks it), for a server that must know its own address before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions extends RunOptions {
  /** The server's address, e.g. http://127.0.0.1:41234. */
  url: string;
  /** A path that answers once the server is ready; default '/'. */
  readyPath?: string;
  timeoutMs?: number;
}

/** Starts a long-running server and resolves once it answers over HTTP; rejects with its output if it exits first. */
export async function startServer(command: string, args: readonly string[], options: StartServerOptions): Promise<RunningServer> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = outputOf(child);
  let exited = false;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.once('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await closed;
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const readyUrl = new URL(options.readyPath ?? '/', options.url);
  for (;;) {
    if (exited) throw new Error(`${command} ${args.join(' ')} exited before ${readyUrl} answered:\n${output()}`);
    const answered = await fetch(readyUrl, { redirect: 'manual' }).then(
      () => true,
      () => false,
    );
    if (answered) return { url: options.url.replace(/\/$/, ''), output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${readyUrl} did not answer within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
