import type { BrowserContext } from 'playwright';
import type { DemoServer } from './demoServer';

/** The API the real-API build of the demo calls (globalSetup builds it with this VITE_API_BASE_URL). */
export const liveApiBaseUrl = 'https://api.verifik.co';

/**
 * Answers the real-API build's calls to `liveApiBaseUrl` from `server`'s sandbox, over HTTP, so the journey runs
 * offline and `server` records every validation as it does for the sandbox build.
 */
export async function routeLiveApiTo(context: BrowserContext, server: DemoServer): Promise<void> {
  await context.route(`${liveApiBaseUrl}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(liveApiBaseUrl, server.url) });
    await route.fulfill({ response });
  });
}
