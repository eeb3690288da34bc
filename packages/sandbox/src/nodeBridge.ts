import type { IncomingMessage, ServerResponse } from 'node:http';

// Per-connection headers describe the Node socket, not the request; a web Request must not carry them.
const hopByHopHeaders: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export interface BridgedRequest {
  request: Request;
  /**
   * Stops feeding the web Request and lets Node read and drop whatever is left of the body, so the socket is never
   * left paused with bytes the handler did not want. Call it once the handler has answered.
   */
  discardUnreadBody(): void;
}

/**
 * A web Request over a Node request: the body streams with backpressure (nothing is read until the handler
 * pulls), and the signal aborts when the client goes away before the answer is written.
 */
export function toWebRequest(incoming: IncomingMessage, outgoing: ServerResponse, fallbackHost: string): BridgedRequest {
  const abort = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) abort.abort(new DOMException('The client closed the connection', 'AbortError'));
  });

  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index];
    const value = raw[index + 1];
    if (name !== undefined && value !== undefined && !hopByHopHeaders.has(name.toLowerCase()) && !name.startsWith(':')) {
      headers.append(name, value);
    }
  }

  const method = incoming.method ?? 'GET';
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? fallbackHost}`);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: abort.signal };
  const body = hasBody ? streamBody(incoming) : undefined;
  if (body !== undefined) {
    init.body = body.stream;
    // Node's fetch needs this for a streamed body.
    init.duplex = 'half';
  }
  return {
    request: new Request(url, init),
    discardUnreadBody() {
      body?.detach();
      // With no 'data' listener left, what arrives is dropped.
      incoming.resume();
    },
  };
}

function streamBody(incoming: IncomingMessage): { stream: ReadableStream<Uint8Array>; detach: () => void } {
  let listening = false;
  const listeners: { data?: (chunk: Buffer) => void; end?: () => void; error?: (error: Error) => void } = {};
  const detach = () => {
    if (listeners.data) incoming.off('data', listeners.data);
    if (listeners.end) incoming.off('end', listeners.end);
    if (listeners.error) incoming.off('error', listeners.error);
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (listening) {
          incoming.resume();
          return;
        }
        // Listening lazily: an answer that never reads the body leaves Node free to discard it.
        listening = true;
        listeners.data = (chunk) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
        };
        listeners.end = () => {
          detach();
          controller.close();
        };
        listeners.error = (error) => {
          detach();
          controller.error(error);
        };
        incoming.on('data', listeners.data);
        incoming.on('end', listeners.end);
        incoming.on('error', listeners.error);
      },
      cancel() {
        detach();
        incoming.pause();
      },
    },
    { highWaterMark: 1 },
  );
  return { stream, detach };
}

/** Writes a web Response to Node, streaming the body and stopping if the client leaves. */
export async function writeWebResponse(response: Response, outgoing: ServerResponse, closeConnection: boolean): Promise<void> {
  outgoing.statusCode = response.status;
  if (response.statusText !== '') outgoing.statusMessage = response.statusText;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
  if (closeConnection) outgoing.setHeader('Connection', 'close');
  if (response.body === null) {
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (outgoing.destroyed) {
        await reader.cancel();
        return;
      }
      if (!outgoing.write(value)) await waitForDrain(outgoing);
    }
    outgoing.end();
  } finally {
    reader.releaseLock();
  }
}

function waitForDrain(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off('drain', done);
      outgoing.off('close', done);
      resolve();
    };
    outgoing.on('drain', done);
    outgoing.on('close', done);
  });
}
