import { answerValidation } from './answerValidation.js';
import { authorizeValidation } from './authorizeValidation.js';
import { allowOriginFor, preflightResponse, withCorsHeaders, type AllowedOrigins } from './cors.js';
import { maxSessionTtlSeconds, parseCreateSessionOptions, type CreateSessionOptions, type ResolvedSessionOptions } from './createSessionOptions.js';
import { parseValidateBody } from './parseValidateBody.js';
import { randomHex, randomObjectId } from './randomId.js';
import { readLimitedBody } from './readLimitedBody.js';
import { documentedBadRequest, errorResponse, jsonResponse } from './responses.js';
import { matchRoute, normalizeBasePath, type SandboxRoute } from './routes.js';
import type { SandboxScenario } from './scenarios.js';
import { createSessionStore } from './sessionStore.js';
import { sleep as defaultSleep, type Sleep } from './sleep.js';
import { createTokenKey, randomSecret, SandboxTokenError } from './tokens.js';

/** The real API's limit on a validate body. */
export const maxValidateBodyBytes = 5 * 1024 * 1024;
// Create bodies hold four small fields; anything bigger is a mistake.
const maxCreateBodyBytes = 16 * 1024;

export interface SandboxOptions {
  /** HS256 key for every token this sandbox signs. Default: a random key per sandbox. */
  secret?: string;
  /** The clock, in ms since the epoch. Default Date.now. */
  now?: () => number;
  /** Default lifetime of a session token, at most 3600 (an hour). Default 600 (the real API's 10 minutes). */
  sessionTtlSeconds?: number;
  /**
   * How many sessions are kept at most, pending and completed together. Default 10,000. When full, a new session
   * evicts the oldest one, whose token is then refused as an unknown session (404 biometric_validation_not_found).
   */
  maxSessions?: number;
  /** How the SLOW scenario waits; must reject when `signal` aborts. Default: setTimeout. */
  sleep?: Sleep;
  /** Origins allowed by CORS; '*' (default) echoes whichever Origin asks. */
  allowedOrigins?: AllowedOrigins;
  /** A path prefix in front of `/v2/...`, such as '/verifik'. Default none: the paths are exactly the API's. */
  basePath?: string;
}

/** What creating a session answers (the `data` of the HTTP answer). */
export interface SandboxSession {
  _id: string;
  /** The Bearer JWT for validate; carries `livenessSession`, `sub` (= _id), `scenario`, `iat`, `exp`. */
  token: string;
  livenessSession: string;
  status: 'pending';
  /** When `token` expires, ISO 8601. */
  expiresAt: string;
  scenario: SandboxScenario;
  repeat: number;
  delayMs: number;
}

/** The claims of the login token a successful validation returns. */
export interface LoginTokenClaims {
  /** The validation id (`_id`). */
  sub: string;
  livenessSession: string;
  type: 'app-login';
  iat: number;
  exp: number;
}

export interface Sandbox {
  /** The normalized path prefix ('' when none). */
  readonly basePath: string;
  /** The whole API as one fetch-style handler. Never rejects: failures are answered as JSON errors. */
  handle(request: Request): Promise<Response>;
  /** Same as `POST /v2/biometric-validations`; rejects with a RangeError whose message is the HTTP error code. */
  createSession(options?: CreateSessionOptions): Promise<SandboxSession>;
  /** Resolves the claims of a login token this sandbox issued; rejects with SandboxTokenError otherwise. */
  verifyLoginToken(token: string): Promise<LoginTokenClaims>;
  /** Forgets every session. */
  reset(): void;
}

const defaultMaxSessions = 10_000;

function positiveIntegerOption(name: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0 || value > max) throw new RangeError(`${name} must be an integer from 1 to ${max}, got ${value}`);
  return value;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const allowedOrigins = options.allowedOrigins ?? '*';
  const basePath = normalizeBasePath(options.basePath ?? '');
  const sessionTtlSeconds = positiveIntegerOption('sessionTtlSeconds', options.sessionTtlSeconds, 600, maxSessionTtlSeconds);
  const maxSessions = positiveIntegerOption('maxSessions', options.maxSessions, defaultMaxSessions);
  if (options.secret === '') throw new RangeError('secret must not be empty');
  const key = createTokenKey(options.secret ?? randomSecret(), now);
  const store = createSessionStore({ now, maxSessions });

  async function openSession(resolved: ResolvedSessionOptions): Promise<SandboxSession> {
    const id = randomObjectId();
    const livenessSession = randomHex(16);
    const { scenario, repeat, delayMs, expiresInSeconds } = resolved;
    const { token, expiresAt } = await key.sign({ sub: id, livenessSession, scenario }, expiresInSeconds);
    store.add({ id, livenessSession, scenario, repeat, delayMs, attempts: 0, status: 'pending', expiresAtMs: expiresAt * 1000 });
    return { _id: id, token, livenessSession, status: 'pending', expiresAt: new Date(expiresAt * 1000).toISOString(), scenario, repeat, delayMs };
  }

  async function handleCreateSession(request: Request): Promise<Response> {
    const body = await readLimitedBody(request, maxCreateBodyBytes);
    if (body.status === 'tooLarge') return errorResponse(413, 'payload_too_large');
    let input: unknown;
    // An empty body is a plain "create me a success session".
    if (body.bytes.byteLength > 0) {
      try {
        input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes));
      } catch {
        return errorResponse(400, 'invalid_json');
      }
    }
    const parsed = parseCreateSessionOptions(input, sessionTtlSeconds);
    if (!parsed.ok) return errorResponse(400, parsed.message);
    return jsonResponse(201, { data: await openSession(parsed.value) });
  }

  async function handleValidate(request: Request): Promise<Response> {
    const authorization = await authorizeValidation(request, key, store);
    if (!authorization.ok) return authorization.response;
    const body = await readLimitedBody(request, maxValidateBodyBytes);
    if (body.status === 'tooLarge') return errorResponse(413, 'payload_too_large');
    if (!isJsonContentType(request.headers.get('Content-Type'))) return errorResponse(415, 'unsupported_media_type');
    const parsed = parseValidateBody(body.bytes);
    if (!parsed.ok) return parsed.message === 'INVALID_BIOMETRIC_DATA' ? documentedBadRequest(parsed.message) : errorResponse(400, parsed.message);
    return answerValidation(authorization.session, parsed.image, { key, now, sleep, store, signal: request.signal });
  }

  async function route(request: Request, matched: SandboxRoute): Promise<Response> {
    if (request.method !== 'POST') return errorResponse(405, 'method_not_allowed', { Allow: 'POST, OPTIONS' });
    switch (matched) {
      case 'createSession':
        return handleCreateSession(request);
      case 'validate':
        return handleValidate(request);
    }
  }

  return {
    basePath,
    async handle(request) {
      const allowOrigin = allowOriginFor(request, allowedOrigins);
      let matched: SandboxRoute | undefined;
      try {
        matched = matchRoute(new URL(request.url).pathname, basePath);
      } catch {
        matched = undefined;
      }
      if (matched !== undefined && request.method === 'OPTIONS') return preflightResponse(allowOrigin);
      let response: Response;
      try {
        response = matched === undefined ? errorResponse(404, 'route_not_found') : await route(request, matched);
      } catch {
        // An abort (client gone, SLOW cut short) is not a sandbox fault; anything else is a bug worth a 500.
        response = request.signal.aborted ? errorResponse(499, 'request_aborted') : errorResponse(500, 'internal_error');
      }
      return withCorsHeaders(response, allowOrigin);
    },
    async createSession(sessionOptions) {
      const parsed = parseCreateSessionOptions(sessionOptions, sessionTtlSeconds);
      if (!parsed.ok) throw new RangeError(parsed.message);
      return openSession(parsed.value);
    },
    async verifyLoginToken(token) {
      const claims = await key.verify(token);
      const { sub, livenessSession, type, iat, exp } = claims;
      if (type !== 'app-login' || typeof sub !== 'string' || typeof livenessSession !== 'string' || iat === undefined || exp === undefined) {
        throw new SandboxTokenError('not_a_login_token');
      }
      return { sub, livenessSession, type, iat, exp };
    },
    reset() {
      store.clear();
    },
  };
}

function isJsonContentType(value: string | null): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
