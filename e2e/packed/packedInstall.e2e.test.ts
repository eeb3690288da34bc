import { en as component } from '@biometric-login/react';
import { type SandboxServer, startSandboxServer } from '@biometric-login/sandbox/node';
import { readFile, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../chromium';
import { expectGuidanceFilesLoaded, waitForGuidance, watchGuidanceFiles } from '../guidedCapture';
import { expectCleanConsole, observePage } from '../observedPage';
import { freePort, run, startServer, toolEnv } from '../processes';
import { createPackedProject, packageDir, packedPackages, type PackedProject, readManifest } from './packedProject';

describe('the packed packages in a fresh Vite + React + TypeScript app, installed with npm', () => {
  let api: SandboxServer | undefined;
  let project: PackedProject | undefined;
  let browser: Browser | undefined;
  const ready = () => {
    if (api === undefined || project === undefined || browser === undefined) throw new Error('the suite did not start');
    return { api, project, browser };
  };

  beforeAll(async () => {
    api = await startSandboxServer();
    // The app reads the API's address at build time, as the README's usage does.
    project = await createPackedProject({ VITE_API_BASE_URL: api.url });
    browser = await launchChromium('face');
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
    await api?.close();
  });

  it('installs the packed packages themselves (not links into the workspace) and the peers their package.json names', async () => {
    const { project } = ready();
    for (const name of packedPackages) {
      const workspace = await readManifest(packageDir(name));
      const installedDir = join(project.dir, 'node_modules', workspace.name);
      expect(await realpath(installedDir)).toBe(installedDir);
      expect((await readManifest(installedDir)).version).toBe(workspace.version);
    }
    // npm ls fails on a missing or unsatisfied dependency or peer anywhere in the tree.
    await run('npm', ['ls', '--all'], { cwd: project.dir, env: toolEnv() });
  });

  it('type-checks (tsc -b, strict) and builds with the stylesheet imported from the package', async () => {
    const { project } = ready();
    const assets = await readdir(join(project.dir, 'dist', 'assets'));
    const css = await Promise.all(assets.filter((file) => file.endsWith('.css')).map((file) => readFile(join(project.dir, 'dist', 'assets', file), 'utf8')));
    expect(css.join('\n')).toContain('.bl-root');
  });

  it('logs in through the sandbox in Chromium, the fixture face as the webcam, guided capture\'s worker and model emitted by Vite', async () => {
    const { api, project, browser } = ready();
    const port = await freePort();
    const app = await startServer(process.execPath, [join(project.dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: project.dir,
      env: toolEnv(),
      url: `http://127.0.0.1:${port}`,
    });
    const observed = await observePage(browser);
    const files = watchGuidanceFiles(observed.page);
    const failedRequests: string[] = [];
    observed.page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    observed.page.on('requestfailed', (request) => failedRequests.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`));
    try {
      const { page } = observed;
      const session = await api.sandbox.createSession();
      await page.goto(`${app.url}/#token=${session.token}`);
      const region = page.getByRole('region', { name: component.regionLabel });
      // styles.css reached the page: its custom properties are set on the root.
      expect(await region.evaluate((element) => getComputedStyle(element).getPropertyValue('--bl-color-primary').trim())).not.toBe('');

      const callback = page.waitForRequest((request) => request.isNavigationRequest() && new URL(request.url()).pathname === '/callback');
      // Guided capture found the face: the worker and the model, emitted by the app's Vite build with no configuration, loaded and ran.
      await waitForGuidance(page, 'fit');
      await page.getByRole('button', { name: component.verify, disabled: false }).click();
      const loginToken = new URL((await callback).url()).searchParams.get('token') ?? '';
      await page.getByRole('heading', { name: 'Signed in' }).waitFor();

      await expect(api.sandbox.verifyLoginToken(loginToken)).resolves.toMatchObject({ type: 'app-login', sub: session._id });
      expect(await observed.trackStatesAtPagehide()).toEqual(['ended']);
      // Every file the app and the package load (scripts, the stylesheet, and later the lazily loaded assets) arrived.
      expect(failedRequests).toEqual([]);
      expectGuidanceFilesLoaded(files);
      expectCleanConsole(observed);
    } finally {
      await observed.close();
      await app.stop();
    }
  });
});
