import { describe, expect, it } from 'vitest';
import { component, expectLoggedIn, verifyAndLand } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { expectCleanConsole } from './observedPage';

describe('the real-API build: the session comes from the address once, at load', () => {
  const suite = useDemoSuite('face', 'live');

  it('a later #token= in the address does not swap the session under a running login', async () => {
    const { page } = suite.observed;
    const first = await suite.server.sandbox.createSession();
    const second = await suite.server.sandbox.createSession();
    await page.goto(`${suite.server.url}/#token=${encodeURIComponent(first.token)}`);
    await page.getByRole('button', { name: component.verify, disabled: false }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    // A link opened in this tab, or a script holding a reference to it, changes only the fragment: no reload.
    await page.evaluate(async (token) => {
      const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      window.location.hash = `token=${encodeURIComponent(token)}`;
      await changed;
      // Let React render whatever that change scheduled (its scheduler posts a task) before the frame after it.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }, second.token);
    await page.getByRole('button', { name: component.verify, disabled: false }).waitFor();
    expect(await suite.observed.getUserMediaCalls()).toBe(1);

    const token = await verifyAndLand(page);

    // The login that was running, on the session the page was opened with; the other was never sent.
    await expectLoggedIn(suite.observed, suite.server, first, token);
    expect(suite.server.validations.map((validation) => validation.authorization)).toEqual([`Bearer ${first.token}`]);
    expectCleanConsole(suite.observed);
  });
});
