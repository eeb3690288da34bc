import { createSessionPath } from '@biometric-login/core';
import { cliUsage, parseCliArgs } from './parseCliArgs.js';
import { startSandboxServer } from './node.js';

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Calls `listener` once when the process is asked to stop (SIGINT, SIGTERM); returns an unsubscribe. */
  onStopRequest(listener: () => void): () => void;
}

/** The whole CLI with its process edges injected; resolves with the exit code once the server has stopped. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const command = parseCliArgs(args);
  switch (command.kind) {
    case 'help':
      io.stdout(cliUsage);
      return 0;
    case 'error':
      io.stderr(`biometric-sandbox: ${command.message}`);
      io.stderr('Run biometric-sandbox --help for the options.');
      return 2;
    case 'serve':
      break;
  }

  let server;
  try {
    server = await startSandboxServer({ port: command.port, host: command.host, secret: command.secret, basePath: command.basePath });
  } catch (error) {
    io.stderr(`biometric-sandbox: could not listen on ${command.host}:${command.port}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.stdout(`Biometric sandbox listening on ${server.url}`);
  io.stdout(
    `Create a session: curl -s -X POST ${server.url}${createSessionPath} -H 'Content-Type: application/json' -d '{"scenario":"success"}'`,
  );

  await new Promise<void>((resolve) => {
    const unsubscribe = io.onStopRequest(() => {
      unsubscribe();
      resolve();
    });
  });
  await server.close();
  io.stdout('Biometric sandbox stopped.');
  return 0;
}
