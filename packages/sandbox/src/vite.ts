import { createSessionPath } from '@biometric-login/core';
import type { Connect, Plugin } from 'vite';
import { createSandbox, type Sandbox, type SandboxOptions } from './createSandbox.js';
import { createNodeRequestListener } from './node.js';

export interface BiometricSandboxPluginOptions extends SandboxOptions {
  /** Serve this sandbox instead of creating one from the other options. */
  sandbox?: Sandbox;
}

export interface BiometricSandboxPluginApi {
  sandbox: Sandbox;
}

/**
 * Mounts the sandbox on the dev and preview servers, so the page calls the API on its own origin.
 * Vite's host check and CORS middleware run before any plugin middleware: cross-origin preflights are
 * answered by Vite under `server.cors` / `preview.cors`, the real answers carry the sandbox's CORS headers.
 */
export function biometricSandbox(options: BiometricSandboxPluginOptions = {}): Plugin<BiometricSandboxPluginApi> {
  const { sandbox: given, ...sandboxOptions } = options;
  const sandbox = given ?? createSandbox(sandboxOptions);
  const listener = createNodeRequestListener(sandbox);
  const prefix = `${sandbox.basePath}${createSessionPath}`;
  const middleware: Connect.NextHandleFunction = (incoming, outgoing, next) => {
    const path = (incoming.url ?? '').split('?')[0] ?? '';
    if (path.startsWith(prefix)) listener(incoming, outgoing);
    else next();
  };
  return {
    name: 'biometric-login-sandbox',
    // Added directly, not returned as a post hook, so it runs before Vite's transforms and SPA fallback.
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    api: { sandbox },
  };
}
