import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from './createSandbox.js';
import { toWebRequest, writeWebResponse } from './nodeBridge.js';
import { errorResponse } from './responses.js';

export type NodeRequestListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/** Serves a sandbox (or any fetch-style handler) from node:http, Connect or Express. */
export function createNodeRequestListener(sandbox: Pick<Sandbox, 'handle'>): NodeRequestListener {
  return (incoming, outgoing) => {
    void respond(sandbox, incoming, outgoing);
  };
}

async function respond(sandbox: Pick<Sandbox, 'handle'>, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const fallbackHost = `${incoming.socket.localAddress ?? 'localhost'}:${incoming.socket.localPort ?? 80}`;
  let bridged;
  try {
    bridged = toWebRequest(incoming, outgoing, fallbackHost);
  } catch {
    // Only an unparsable Host header gets here: the request never reaches the sandbox.
    await writeWebResponse(errorResponse(400, 'invalid_request'), outgoing, false);
    return;
  }
  try {
    const response = await sandbox.handle(bridged.request);
    await writeWebResponse(response, outgoing, bridged.bodyWasCancelled());
  } catch {
    if (!outgoing.headersSent) await writeWebResponse(errorResponse(500, 'internal_error'), outgoing, true);
    else outgoing.destroy();
  }
}

export interface StartSandboxServerOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox signs tokens with a guessable-in-tests key, so it stays off the network unless asked. */
  host?: string;
  /** Serve this sandbox instead of creating one from the other options. */
  sandbox?: Sandbox;
}

export interface SandboxServer {
  /** Base URL to pass as the client's apiBaseUrl, e.g. http://127.0.0.1:43123 (no trailing slash). */
  url: string;
  port: number;
  host: string;
  sandbox: Sandbox;
  /** Stops listening and drops open connections (which aborts any SLOW answer in progress). */
  close(): Promise<void>;
}

export function startSandboxServer(options: StartSandboxServerOptions = {}): Promise<SandboxServer> {
  const { port = 0, host = '127.0.0.1', sandbox: given, ...sandboxOptions } = options;
  const sandbox = given ?? createSandbox(sandboxOptions);
  const server = createServer(createNodeRequestListener(sandbox));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: boundPort } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${urlHost}:${boundPort}${sandbox.basePath}`,
        port: boundPort,
        host,
        sandbox,
        close() {
          closing ??= new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
