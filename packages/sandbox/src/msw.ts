import { createSessionPath, defaultApiBaseUrl } from '@biometric-login/core';
import { http, type HttpHandler } from 'msw';
import type { Sandbox } from './createSandbox.js';

export interface SandboxHandlersOptions {
  /** The origin (and any path) the client calls. A path here needs a sandbox created with the same basePath. */
  baseUrl?: string;
}

/** MSW handlers that answer the API's routes from a sandbox, in a browser (Storybook) or in Node tests. */
export function createSandboxHandlers(sandbox: Pick<Sandbox, 'handle'>, options: SandboxHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? defaultApiBaseUrl).replace(/\/+$/, '');
  const resolver = ({ request }: { request: Request }) => sandbox.handle(request);
  return [http.all(`${base}${createSessionPath}`, resolver), http.all(`${base}${createSessionPath}/*`, resolver)];
}
