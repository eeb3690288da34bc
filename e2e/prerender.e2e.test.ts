import { es as componentEs } from '@biometric-login/react';
import type { Page } from 'playwright';
import type { SandboxSession } from '@biometric-login/sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { es as demoEs } from '../apps/demo/src/text/es';
import { component, demo, isSessionCreated, loginRegion } from './demoLogin';
import { type DemoServer, startDemoServer } from './demoServer';
import { useDemoSuite } from './demoSuite';
import { expectCleanConsole, type ObservedPage, observePage } from './observedPage';

const storedLocaleKey = 'biometric-login-demo:locale';

/** Opens a page with its JavaScript held back; `release` lets it load. */
async function openWithoutScripts(page: Page, url: string): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await released;
    await route.continue();
  });
  // 'commit': module scripts hold back DOMContentLoaded, and they are what is held here.
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('h1').waitFor({ state: 'attached' });
  return { release };
}

/** The sandbox login page with its JavaScript held back; `release` resolves once React runs it (the login shows). */
async function openLoginWithoutScripts(page: Page, server: DemoServer): Promise<{ release: () => Promise<void> }> {
  const firstSession = page.waitForResponse(isSessionCreated);
  const { release } = await openWithoutScripts(page, `${server.url}/`);
  return {
    release: async () => {
      release();
      await firstSession;
      await page.getByRole('button', { name: new RegExp(`^(${component.startCamera}|${componentEs.startCamera})$`) }).waitFor();
    },
  };
}

const rootVisibility = (page: Page) => page.locator('#root').evaluate((root) => getComputedStyle(root).visibility);

describe('the prerendered login page', () => {
  const suite = useDemoSuite('none');

  it('paints from the HTML before any script, then React takes the same elements over (hydration, not a second render)', async () => {
    const { page } = suite.observed;
    const { release } = await openLoginWithoutScripts(page, suite.server);
    await expect(page.getByRole('heading', { level: 1, name: demo.login.heading }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(demo.login.sessionLoading).isVisible()).resolves.toBe(true);
    expect(await rootVisibility(page)).toBe('visible');
    await page.evaluate(() => Object.assign(window, { prerenderedHeading: document.querySelector('h1') }));

    await release();
    await expect(page.evaluate(() => (window as unknown as { prerenderedHeading: Element }).prerenderedHeading === document.querySelector('h1'))).resolves.toBe(true);
    // React's handlers are attached to the prerendered controls.
    await page.getByRole('combobox', { name: demo.languageLabel }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: demoEs.login.heading }).waitFor();
    await page.getByRole('button', { name: componentEs.startCamera }).waitFor();
    expectCleanConsole(suite.observed);
  });

  it('keeps what the person picked before the scripts arrived (React does not replay it)', async () => {
    const { page } = suite.observed;
    const { release } = await openWithoutScripts(page, `${suite.server.url}/`);
    await page.getByRole('combobox', { name: demo.languageLabel }).selectOption('es');
    await page.getByRole('combobox', { name: demo.login.scenarioLabel }).selectOption('expiredSession');
    await page.getByRole('radio', { name: demo.login.cameraSample }).check();

    release();
    await page.getByRole('heading', { level: 1, name: demoEs.login.heading }).waitFor();
    // The expired-session scenario's token, refused by the component before it opens any camera.
    await page.locator('.bl-root[data-error="SESSION_EXPIRED"]').waitFor();
    expect(await page.getByRole('combobox', { name: demoEs.languageLabel }).inputValue()).toBe('es');
    expect(await page.getByRole('combobox', { name: demoEs.login.scenarioLabel }).inputValue()).toBe('expiredSession');
    await expect(page.getByText(demoEs.login.scenarios.expiredSession.hint).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('radio', { name: demoEs.login.cameraSample }).isChecked()).toBe(true);
    expectCleanConsole(suite.observed);
  });

  describe('for a person who reads Spanish', () => {
    async function withPage(locale: string, stored: string | undefined, check: (observed: ObservedPage) => Promise<void>) {
      const observed = await observePage(suite.browser, { locale });
      try {
        if (stored !== undefined) await observed.context.addInitScript(({ key, value }) => localStorage.setItem(key, value), { key: storedLocaleKey, value: stored });
        await check(observed);
        expectCleanConsole(observed);
      } finally {
        await observed.close();
      }
    }

    it('keeps the English prerender hidden until the page is in Spanish', async () => {
      await withPage('es-ES', undefined, async ({ page }) => {
        const { release } = await openLoginWithoutScripts(page, suite.server);
        expect(await rootVisibility(page)).toBe('hidden');

        await release();
        await page.getByRole('heading', { level: 1, name: demoEs.login.heading }).waitFor();
        expect(await rootVisibility(page)).toBe('visible');
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.hasAttribute('data-prerender-hidden')])).toEqual(['es', false]);
      });
    });

    it('goes by the language chosen before over the browser language, both ways', async () => {
      await withPage('en-US', 'es', async ({ page }) => {
        const { release } = await openLoginWithoutScripts(page, suite.server);
        expect(await rootVisibility(page)).toBe('hidden');
        await release();
        await page.getByRole('heading', { level: 1, name: demoEs.login.heading }).waitFor();
      });
      await withPage('es-ES', 'en', async ({ page }) => {
        const { release } = await openLoginWithoutScripts(page, suite.server);
        expect(await rootVisibility(page)).toBe('visible');
        await release();
        await expect(page.getByRole('heading', { level: 1, name: demo.login.heading }).isVisible()).resolves.toBe(true);
        await page.getByRole('button', { name: component.startCamera }).waitFor();
      });
    });
  });
});

describe('the real-API build, prerendered without the session the address brings', () => {
  const suite = useDemoSuite('none');
  let live: DemoServer | undefined;
  beforeAll(async () => {
    live = await startDemoServer(inject('liveDemoDir'));
  });
  afterAll(async () => {
    await live?.close();
  });
  const liveServer = () => {
    if (live === undefined) throw new Error('the live demo server did not start');
    return live;
  };

  it('shows a placeholder, not "No login session", until React has read the token from the fragment', async () => {
    const created = await fetch(`${liveServer().url}/v2/biometric-validations`, { method: 'POST', body: '' });
    const { token } = ((await created.json()) as { data: SandboxSession }).data;
    const { page } = suite.observed;
    const { release } = await openWithoutScripts(page, `${liveServer().url}/#token=${encodeURIComponent(token)}`);
    await expect(page.locator('.demo-skeleton').isVisible()).resolves.toBe(true);
    await expect(page.getByText(demo.login.noSession.title).count()).resolves.toBe(0);

    release();
    await loginRegion(page).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await expect(page.locator('.demo-skeleton').count()).resolves.toBe(0);
    expectCleanConsole(suite.observed);
  });

  it('says there is no session once React finds no token', async () => {
    const { page } = suite.observed;
    const { release } = await openWithoutScripts(page, `${liveServer().url}/`);
    release();
    await page.getByText(demo.login.noSession.title).waitFor();
    expectCleanConsole(suite.observed);
  });
});
