/**
 * The demo's HTTP security headers, shared by vite.config.ts (dev and preview servers), the e2e tests that serve
 * the built demo, and the Next.js example (apps/next-example/proxy.ts), which is served with the same policy.
 * Plain data: nothing here runs at import.
 */

/** The built demo: no inline script or style, network only to its own origin (the sandbox). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Vite's dev server injects inline scripts (React refresh preamble) and style tags (CSS HMR): dev only, never preview. */
export const devContentSecurityPolicy = withScriptSources(contentSecurityPolicy, ["'unsafe-inline'"]).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** The policy with more `connect-src` origins, for a build that calls a real API on another origin. */
export function withConnectSources(policy: string, origins: readonly string[]): string {
  return origins.length === 0 ? policy : policy.replace("connect-src 'self'", ["connect-src 'self'", ...origins].join(' '));
}

/** The policy with more `script-src` sources, after 'self'. */
export function withScriptSources(policy: string, sources: readonly string[]): string {
  return sources.length === 0 ? policy : policy.replace("script-src 'self'", ["script-src 'self'", ...sources].join(' '));
}

/** The policy with a per-response nonce in `script-src`, for a server that renders its own inline scripts (Next.js). */
export function withScriptNonce(policy: string, nonce: string): string {
  return withScriptSources(policy, [`'nonce-${nonce}'`]);
}

/** Every header the demo is served with, around the given Content-Security-Policy. */
export function securityHeaders(policy: string = contentSecurityPolicy): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'Permissions-Policy': 'camera=(self)',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * The headers as a `_headers` file, the format Netlify and Cloudflare Pages read from the site's root: every path
 * of the site gets them. `vite build` writes it into the build (vite.config.ts); the README shows it.
 */
export function headersFile(headers: Readonly<Record<string, string>>): string {
  return ['/*', ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}
