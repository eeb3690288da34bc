import 'server-only';

/** What the server needs, from its environment at run time (never NEXT_PUBLIC_: none of it is baked into the page). */
export interface Settings {
  /** The biometric API's origin, which the browser calls too, e.g. https://api.verifik.co or the sandbox's address. */
  apiBaseUrl: string;
  /** Sent only from this server when it creates a liveness session; never reaches the browser. Optional for the sandbox. */
  apiKey: string | undefined;
  /** The key the API signs login tokens with (the sandbox's `--secret`). */
  loginTokenKey: Uint8Array;
  /** The key this app signs its own session cookie with. */
  sessionKey: Uint8Array;
  /** This app's public origin: the callback URL is built from it, never from the request's Host header. */
  appOrigin: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set (see apps/next-example/README.md)`);
  return value;
}

function origin(name: string): string {
  const value = required(name);
  const url = new URL(value);
  if (url.origin !== value.replace(/\/$/, '')) throw new Error(`${name} must be an origin such as https://app.example.com, got ${value}`);
  return url.origin;
}

/** Read per request rather than at import, so `next build` needs none of these. */
export function readSettings(): Settings {
  const encoder = new TextEncoder();
  return {
    apiBaseUrl: origin('BIOMETRIC_API_URL'),
    apiKey: process.env.BIOMETRIC_API_KEY || undefined,
    loginTokenKey: encoder.encode(required('LOGIN_TOKEN_SECRET')),
    sessionKey: encoder.encode(required('SESSION_SECRET')),
    appOrigin: origin('APP_ORIGIN'),
  };
}
