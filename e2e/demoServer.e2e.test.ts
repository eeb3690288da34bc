import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentSecurityPolicy, headersFile, securityHeaders, withConnectSources } from '../apps/demo/securityHeaders';
import { en as demo } from '../apps/demo/src/text/en';
import { contentTypes, type DemoServer, startDemoServer } from './demoServer';
import { liveApiBaseUrl } from './liveApi';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path exactly as written: fetch would normalise `..` away before sending it. */
function rawGet(server: DemoServer, path: string, method = 'GET'): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the e2e server (the built demo plus the sandbox on one origin)', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer(inject('demoDir'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(['/', '/index.html', '/callback.html'])('serves %s as HTML with the demo security headers', async (path) => {
    const answer = await rawGet(server, path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(answer.headers['permissions-policy']).toBe('camera=(self)');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body).toMatch(/^<!doctype html>/i);
    // Built: the module script is a file under /assets/, not the source entry.
    expect(answer.body).toMatch(/<script type="module"( fetchpriority="low")? crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  });

  it('serves the login page prerendered, its scripts at low priority; the callback page is left to the browser', async () => {
    const login = (await rawGet(server, '/')).body;
    expect(login).toContain(`<h1>${demo.login.heading}</h1>`);
    expect(login).toContain(demo.login.sessionLoading);
    const scriptTags = login.match(/<script type="module"[^>]*>|<link rel="modulepreload"[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThanOrEqual(2);
    for (const tag of scriptTags) expect(tag).toContain('fetchpriority="low"');
    expect(login).toContain('<script src="/prerender-locale.js"></script>');
    expect((await rawGet(server, '/callback.html')).body).toContain('<div id="root"></div>');
  });

  it('serves the built scripts as JavaScript', async () => {
    const page = await rawGet(server, '/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
    const answer = await rawGet(server, script);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it("serves every file of the build it knows, guided capture's face model (.bin) included, with the demo's headers", async () => {
    const assets = await readdir(join(inject('demoDir'), 'assets'));
    expect(assets.filter((file) => !(extname(file) in contentTypes))).toEqual([]);
    const model = assets.find((file) => /^blazeface-[\w-]+\.bin$/.test(file)) ?? '';
    const answer = await rawGet(server, `/assets/${model}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it.each(['/nope.html', '/assets/', '/src/main.tsx', '/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%00'])(
    'answers 404 for %s (no fallback page, no way out of the build folder)',
    async (path) => {
      expect((await rawGet(server, path)).status).toBe(404);
    },
  );

  it('the build carries the headers a static host must send, as _headers, which is a host\'s file, not the site\'s', async () => {
    expect(await readFile(join(inject('demoDir'), '_headers'), 'utf8')).toBe(headersFile(securityHeaders()));
    expect(await readFile(join(inject('liveDemoDir'), '_headers'), 'utf8')).toBe(headersFile(securityHeaders(withConnectSources(contentSecurityPolicy, [liveApiBaseUrl]))));
    expect((await rawGet(server, '/_headers')).status).toBe(404);
  });

  it('refuses to write to the static files', async () => {
    expect((await rawGet(server, '/index.html', 'POST')).status).toBe(405);
  });

  it('routes the API to the sandbox', async () => {
    const created = await fetch(`${server.url}/v2/biometric-validations`, { method: 'POST', body: '' });
    expect(created.status).toBe(201);
    expect(server.sessions).toHaveLength(1);
    const unknown = await fetch(`${server.url}/v2/biometric-validations/nope`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: 'route_not_found' });
  });
});
