import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { createSandbox, type Sandbox, type SandboxSession } from '@biometric-login/sandbox';
import { createNodeRequestListener } from '@biometric-login/sandbox/node';
import { contentSecurityPolicy, securityHeaders, withConnectSources } from '../apps/demo/securityHeaders';

/** What the sandbox answered to one validate request that reached it. */
export interface ValidationRecord {
  authorization: string | null;
  contentType: string | null;
  status: number;
  body: unknown;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Its key signs every token; `verifyLoginToken` checks a login token the way an app's server would. */
  sandbox: Sandbox;
  /** Every session the sandbox created, in order. */
  sessions: SandboxSession[];
  /** Every validate request the sandbox answered, in order. */
  validations: ValidationRecord[];
  /** Validate requests whose connection was dropped because the API was down. */
  droppedValidations: number;
  /** While down, every validate request's socket is destroyed: a real network error in the browser. */
  setApiDown(down: boolean): void;
  /**
   * 'opaque' swaps each login token for a standard-base64 reference (with `+`, `/` and `=`), as an API with
   * opaque tokens would: the redirect must then encode it. `resolveLoginToken` maps it back to the JWT.
   */
  setLoginTokens(kind: 'jwt' | 'opaque'): void;
  resolveLoginToken(token: string): string | undefined;
  /** Forgets the records, the sessions and the switches. */
  reset(): void;
  close(): Promise<void>;
}

/** A fixed key, so a failing run can be replayed by hand; the sandbox refuses tokens signed with any other. */
export const sandboxSecret = 'e2e-sandbox-secret-not-for-production';

const apiPrefix = '/v2/biometric-validations';
const validatePath = `${apiPrefix}/validate`;

/** What the server answers each file type of the build with; anything else is a 404. */
export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  // Guided capture's face model, fetched by its worker.
  '.bin': 'application/octet-stream',
};

/** The two pages; everything else must be a file of the build. */
const pages: ReadonlyMap<string, string> = new Map([
  ['/', 'index.html'],
  ['/index.html', 'index.html'],
  ['/callback.html', 'callback.html'],
]);

/** What a file answer carries besides the demo's security headers. */
interface FileAnswer {
  status: number;
  body: string | Buffer;
  headers: Record<string, string>;
}

const notFound: FileAnswer = { status: 404, body: 'Not found', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };

/** The file under `root` a request path names, or undefined for anything outside it or unreadable as a path. */
function fileFor(root: string, url: string | undefined): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const file = resolve(root, pages.get(pathname) ?? `.${pathname}`);
  // `..` (also as %2e%2e or %2f) must not leave the build folder.
  return file.startsWith(root + sep) ? file : undefined;
}

async function fileAnswer(root: string, incoming: IncomingMessage): Promise<FileAnswer> {
  if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
    return { status: 405, body: 'Method not allowed', headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' } };
  }
  const file = fileFor(root, incoming.url);
  const contentType = file === undefined ? undefined : contentTypes[extname(file)];
  if (file === undefined || contentType === undefined || !(await stat(file).catch(() => undefined))?.isFile()) return notFound;
  return { status: 200, body: await readFile(file), headers: { 'Content-Type': contentType } };
}

/** Serves a file of the build with `pageHeaders`, the demo's security headers. */
async function serveStatic(root: string, pageHeaders: Record<string, string>, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const { status, body, headers } = await fileAnswer(root, incoming);
  outgoing.writeHead(status, { ...pageHeaders, 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  outgoing.end(incoming.method === 'HEAD' ? undefined : body);
}

/** Standard base64 that always holds `+`, `/` and `=`: each needs encoding in a query string. */
function opaqueToken(): string {
  return Buffer.concat([Buffer.from([0xfb, 0xff, 0xbf]), randomBytes(29)]).toString('base64');
}

export interface DemoServerOptions {
  /** Origins the page may call besides its own (`connect-src`), as its host must allow for a real-API build. */
  apiOrigins?: readonly string[];
}

/**
 * Serves the built demo (`root`) with the demo's security headers, and the sandbox API on the same origin,
 * as `vite preview` does, but from the test process so tests can read the sandbox and switch it off.
 */
export async function startDemoServer(root: string, { apiOrigins = [] }: DemoServerOptions = {}): Promise<DemoServer> {
  const pageHeaders = securityHeaders(withConnectSources(contentSecurityPolicy, apiOrigins));
  const sandbox = createSandbox({ secret: sandboxSecret });
  const sessions: SandboxSession[] = [];
  const validations: ValidationRecord[] = [];
  const opaqueTokens = new Map<string, string>();
  let apiDown = false;
  let loginTokens: 'jwt' | 'opaque' = 'jwt';
  let droppedValidations = 0;

  // Observes the sandbox's answers; only the opaque-token switch changes one.
  async function handle(request: Request): Promise<Response> {
    const response = await sandbox.handle(request);
    const path = new URL(request.url).pathname;
    if (path === apiPrefix && response.status === 201) {
      sessions.push(((await response.clone().json()) as { data: SandboxSession }).data);
      return response;
    }
    if (path !== validatePath) return response;
    const body: unknown = await response.clone().json().catch(() => undefined);
    const record: ValidationRecord = {
      authorization: request.headers.get('Authorization'),
      contentType: request.headers.get('Content-Type'),
      status: response.status,
      body,
    };
    validations.push(record);
    const data = (body as { data?: { token?: unknown } } | undefined)?.data;
    if (loginTokens === 'jwt' || response.status !== 200 || typeof data?.token !== 'string') return response;
    const opaque = opaqueToken();
    opaqueTokens.set(opaque, data.token);
    const swapped = { ...(body as object), data: { ...data, token: opaque } };
    record.body = swapped;
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    return new Response(JSON.stringify(swapped), { status: response.status, headers });
  }

  const api = createNodeRequestListener({ handle });
  const server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    if (path === validatePath && apiDown) {
      droppedValidations += 1;
      incoming.socket.destroy();
      return;
    }
    if (path.startsWith(apiPrefix)) {
      api(incoming, outgoing);
      return;
    }
    serveStatic(root, pageHeaders, incoming, outgoing).catch(() => outgoing.destroy());
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sandbox,
    sessions,
    validations,
    get droppedValidations() {
      return droppedValidations;
    },
    setApiDown(down) {
      apiDown = down;
    },
    setLoginTokens(kind) {
      loginTokens = kind;
    },
    resolveLoginToken(token) {
      return opaqueTokens.get(token);
    },
    reset() {
      sessions.length = 0;
      validations.length = 0;
      opaqueTokens.clear();
      droppedValidations = 0;
      apiDown = false;
      loginTokens = 'jwt';
      sandbox.reset();
    },
    close() {
      return new Promise((done) => {
        server.close(() => done());
        // Drops keep-alive connections and any SLOW answer still waiting.
        server.closeAllConnections();
      });
    },
  };
}
