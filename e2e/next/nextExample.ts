import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, type Sandbox } from '@biometric-login/sandbox';
import { startSandboxServer } from '@biometric-login/sandbox/node';
import type { SuiteServer } from '../demoSuite';
import { freePort, run, startServer, toolEnv } from '../processes';

const appDir = fileURLToPath(new URL('../../apps/next-example/', import.meta.url));
const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');

/** `next build` of apps/next-example, in place (its `.next/` is ignored), as its README says. */
export function buildNextExample(): Promise<string> {
  return run(process.execPath, [nextBin, 'build'], { cwd: appDir });
}

/** The example's server-side settings; the tests check that none of them reaches the browser. */
export const serverSecrets = {
  apiKey: 'e2e-api-key-kept-on-the-server',
  loginTokenSecret: 'e2e-login-token-key-of-the-sandbox',
  sessionSecret: 'e2e-session-key-of-the-app',
} as const;

export interface NextStack extends SuiteServer {
  /** The app, e.g. http://127.0.0.1:41234. */
  url: string;
  /** The API (the sandbox), on its own origin. */
  apiUrl: string;
  /** Signs with `serverSecrets.loginTokenSecret`, as the app expects. */
  sandbox: Sandbox;
  /** The Authorization header of every create-session request the API received. */
  createAuthorizations: (string | null)[];
  /** What `next start` printed so far (the callback logs why it refused a token). */
  appOutput(): string;
}

const createSessionPath = '/v2/biometric-validations';

/** The sandbox as its own server on 127.0.0.1, and `next start` of the built example pointed at it. */
export async function startNextStack(): Promise<NextStack> {
  const sandbox = createSandbox({ secret: serverSecrets.loginTokenSecret });
  const createAuthorizations: (string | null)[] = [];
  const observedSandbox: Sandbox = {
    ...sandbox,
    handle(request) {
      if (request.method === 'POST' && new URL(request.url).pathname === createSessionPath) createAuthorizations.push(request.headers.get('Authorization'));
      return sandbox.handle(request);
    },
  };
  const api = await startSandboxServer({ sandbox: observedSandbox });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = toolEnv({
    BIOMETRIC_API_URL: api.url,
    BIOMETRIC_API_KEY: serverSecrets.apiKey,
    LOGIN_TOKEN_SECRET: serverSecrets.loginTokenSecret,
    SESSION_SECRET: serverSecrets.sessionSecret,
    APP_ORIGIN: url,
  });
  let app;
  try {
    // /account answers (a redirect) without creating a session at the API.
    app = await startServer(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: appDir, env, url, readyPath: '/account' });
  } catch (error) {
    await api.close();
    throw error;
  }
  const started = app;
  return {
    url,
    apiUrl: api.url,
    sandbox,
    createAuthorizations,
    appOutput: started.output,
    reset() {
      createAuthorizations.length = 0;
      sandbox.reset();
    },
    async close() {
      await started.stop();
      await api.close();
    },
  };
}
