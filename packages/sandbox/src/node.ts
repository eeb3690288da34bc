import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from './createSandbox.js';
import { type BridgedRequest, toWebRequest, writeWebResponse } from './nodeBridge.js';
import { errorResponse } from './responses.js';

export type NodeRequestListener = (incoming: IncomingMessage, outgoing: ServerResponse) => void;

/** Sockets that end once the answer on them is written; a request pipelined behind it is not acted on. */
const closingSockets = new WeakSet<Socket>();
/** How long a closing connection keeps reading what the client is still sending, at most. */
const lingerMs = 5_000;

/** Serves a sandbox (or any fetch-style handler) from node:http, Connect or Express. */
export function createNodeRequestListener(sandbox: Pick<Sandbox, 'handle'>): NodeRequestListener {
  return (incoming, outgoing) => {
    // The answer before it said `Connection: close`: a client sends this one again on a new connection.
    if (closingSockets.has(incoming.socket)) {
      incoming.resume();
      return;
    }
    void respond(sandbox, incoming, outgoing);
  };
}

async function respond(sandbox: Pick<Sandbox, 'handle'>, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const fallbackHost = `${incoming.socket.localAddress ?? 'localhost'}:${incoming.socket.localPort ?? 80}`;
  let bridged: BridgedRequest;
  try {
    bridged = toWebRequest(incoming, outgoing, fallbackHost);
  } catch {
    // Only an unparsable Host header gets here: the request never reaches the sandbox.
    await writeWebResponse(errorResponse(400, 'invalid_request'), outgoing, false);
    return;
  }
  const answer = (response: Response, close: boolean) => {
    // Answered before the whole body arrived (a 401 or a 413 on a big upload): the rest of it cannot be told from
    // a next request, so the connection ends with this answer.
    const closing = close || !incoming.complete;
    bridged.discardUnreadBody();
    if (closing) closeAfterAnswer(incoming.socket);
    return writeWebResponse(response, outgoing, closing);
  };
  try {
    await answer(await sandbox.handle(bridged.request), false);
  } catch {
    if (!outgoing.headersSent) await answer(errorResponse(500, 'internal_error'), true);
    else outgoing.destroy();
  }
}

/**
 * Node ends the socket of a `Connection: close` answer with destroySoon(), which destroys it as soon as the answer
 * is written. Bytes the client is still uploading then reach a closed socket, the kernel answers them with a reset,
 * and the client fails with ECONNRESET, perhaps before it has read the answer. This socket instead sends its FIN
 * after the answer and keeps reading (and dropping) until the client closes its side, for at most lingerMs.
 */
function closeAfterAnswer(socket: Socket): void {
  if (closingSockets.has(socket)) return;
  closingSockets.add(socket);
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
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
