import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegBase64 } from './__fixtures__/images.js';
import type { SandboxSession } from './createSandbox.js';
import { biometricSandbox } from './vite.js';

function addressOf(server: { resolvedUrls: { local: string[] } | null }): string {
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the server has no local URL');
  return url.replace(/\/$/, '');
}

/** Creates a session over HTTP and validates it, as the demo page would against its own origin. */
async function loginThrough(origin: string): Promise<{ session: SandboxSession; loginToken: string }> {
  const created = await fetch(`${origin}/v2/biometric-validations`, { method: 'POST' });
  expect(created.status).toBe(201);
  const { data: session } = (await created.json()) as { data: SandboxSession };
  const validated = await fetch(`${origin}/v2/biometric-validations/validate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ image: faceJpegBase64, os: 'DESKTOP' }),
  });
  expect(validated.status).toBe(200);
  const { data } = (await validated.json()) as { data: { token: string } };
  return { session, loginToken: data.token };
}

describe('biometricSandbox (Vite dev server)', () => {
  const plugin = biometricSandbox();
  let server: ViteDevServer;
  let origin: string;

  beforeAll(async () => {
    server = await createServer({ plugins: [plugin], server: { port: 0, host: '127.0.0.1' }, configFile: false, logLevel: 'silent', root: tmpdir() });
    await server.listen();
    origin = addressOf(server);
  });

  afterAll(async () => {
    await server.close();
  });

  it('serves the sandbox API on the dev server origin', async () => {
    const { session, loginToken } = await loginThrough(origin);
    await expect(plugin.api?.sandbox.verifyLoginToken(loginToken)).resolves.toMatchObject({ sub: session._id });
  });

  it('lets a page on another localhost port (Storybook) call it: Vite answers the preflight, the sandbox the request', async () => {
    const storybook = 'http://localhost:6006';
    const preflight = await fetch(`${origin}/v2/biometric-validations/validate`, {
      method: 'OPTIONS',
      headers: { Origin: storybook, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(storybook);
    const created = await fetch(`${origin}/v2/biometric-validations`, { method: 'POST', headers: { Origin: storybook } });
    expect(created.status).toBe(201);
    expect(created.headers.get('Access-Control-Allow-Origin')).toBe(storybook);
    expect(created.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
  });

  it('answers unknown API paths with the sandbox 404 and leaves other paths to Vite', async () => {
    const unknown = await fetch(`${origin}/v2/biometric-validations/nope`, { method: 'POST' });
    expect(await unknown.json()).toEqual({ error: 'Not Found', message: 'route_not_found' });
    const page = await fetch(`${origin}/@vite/client`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/javascript/);
  });
});

describe('biometricSandbox (Vite preview server)', () => {
  let directory: string;
  let server: PreviewServer;
  let origin: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sandbox-preview-'));
    await writeFile(join(directory, 'index.html'), '<!doctype html><title>preview</title>');
    server = await preview({
      plugins: [biometricSandbox({ basePath: '/verifik' })],
      preview: { port: 0, host: '127.0.0.1' },
      build: { outDir: directory },
      configFile: false,
      logLevel: 'silent',
      root: directory,
    });
    origin = addressOf(server);
  });

  afterAll(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves the sandbox API under the basePath', async () => {
    await loginThrough(`${origin}/verifik`);
  });

  it('still serves the built page', async () => {
    const page = await fetch(`${origin}/`);
    expect(await page.text()).toContain('<title>preview</title>');
  });
});
