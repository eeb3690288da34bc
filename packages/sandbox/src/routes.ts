import { createSessionPath, validatePath } from '@biometric-login/core';

export type SandboxRoute = 'createSession' | 'validate';

/** '' or '/prefix' without a trailing slash; throws on anything else so a typo does not silently 404 every call. */
export function normalizeBasePath(basePath: string): string {
  if (basePath === '' || basePath === '/') return '';
  if (!basePath.startsWith('/') || /[?#\s]/.test(basePath)) {
    throw new TypeError(`basePath must start with "/" and hold only a path, got ${JSON.stringify(basePath)}`);
  }
  return basePath.replace(/\/+$/, '');
}

/** Exact matches only: the real API has no trailing-slash or prefix leniency either. */
export function matchRoute(pathname: string, basePath: string): SandboxRoute | undefined {
  if (pathname === `${basePath}${createSessionPath}`) return 'createSession';
  if (pathname === `${basePath}${validatePath}`) return 'validate';
  return undefined;
}
