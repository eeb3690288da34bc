import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromiumPath, quietFlags } from '../scripts/chromium.mjs';

const configDir = fileURLToPath(new URL('.', import.meta.url));

/** Every story (render, play, axe, screenshot) as a test in headless Chromium. */
export default defineProject({
  plugins: [
    storybookTest({
      configDir,
      // One viewport for every story, so the reference screenshots keep one size.
      initialGlobals: { viewport: { value: 'screenshot', isRotated: false } },
    }),
  ],
  test: {
    name: 'storybook',
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: chromiumPath, args: [...quietFlags] },
      }),
      instances: [{ browser: 'chromium' }],
      // toMatchScreenshot writes a missing reference (and the diffs of a mismatch) through this API.
      api: { allowWrite: true },
    },
  },
});
