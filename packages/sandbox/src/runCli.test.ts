import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { cliUsage } from './parseCliArgs.js';
import { runCli, type CliIo } from './runCli.js';

function fakeIo() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stopListeners = new Set<() => void>();
  const io: CliIo = {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    onStopRequest(listener) {
      stopListeners.add(listener);
      return () => stopListeners.delete(listener);
    },
  };
  /** What SIGINT does in the real CLI. */
  const requestStop = () => {
    for (const listener of [...stopListeners]) listener();
  };
  return { io, stdout, stderr, stopListeners, requestStop };
}

async function waitForLine(lines: string[], pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const line = lines.find((candidate) => pattern.test(candidate));
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no line matching ${pattern} in ${JSON.stringify(lines)}`);
}

describe('runCli', () => {
  it('--help prints the usage and exits 0 without listening', async () => {
    const { io, stdout, stopListeners } = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(stdout).toEqual([cliUsage]);
    expect(stopListeners.size).toBe(0);
  });

  it('a bad flag prints why on stderr and exits 2', async () => {
    const { io, stdout, stderr } = fakeIo();
    expect(await runCli(['--port', 'eighty'], io)).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual(['biometric-sandbox: --port must be an integer from 0 to 65535, got eighty', 'Run biometric-sandbox --help for the options.']);
  });

  it('serves until asked to stop, prints the URL and a curl hint, signs with --secret', async () => {
    const { io, stdout, stopListeners, requestStop } = fakeIo();
    const exitCode = runCli(['--port', '0', '--secret', 'cli-secret-cli-secret-cli-secret!'], io);
    const listening = await waitForLine(stdout, /^Biometric sandbox listening on /);
    const url = listening.replace('Biometric sandbox listening on ', '');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout[1]).toBe(
      `Create a session: curl -s -X POST ${url}/v2/biometric-validations -H 'Content-Type: application/json' -d '{"scenario":"success"}'`,
    );

    const created = await fetch(`${url}/v2/biometric-validations`, { method: 'POST' });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { token: string } };
    await expect(jwtVerify(data.token, new TextEncoder().encode('cli-secret-cli-secret-cli-secret!'))).resolves.toBeDefined();

    requestStop();
    expect(await exitCode).toBe(0);
    expect(stdout.at(-1)).toBe('Biometric sandbox stopped.');
    expect(stopListeners.size).toBe(0);
    await expect(fetch(`${url}/v2/biometric-validations`, { method: 'POST' })).rejects.toThrow();
  });

  it('a port already in use prints why and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const { io, stderr } = fakeIo();
      expect(await runCli(['--port', String(port)], io)).toBe(1);
      expect(stderr[0]).toMatch(new RegExp(`^biometric-sandbox: could not listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
