import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import type { InlineConfig } from 'vitest/node';
import { analyzerDoubles } from './packages/react/test/analyzerDoubles.js';
import { cameraFlags, chromiumPath, quietFlags } from './scripts/chromium.mjs';

// Tests run against each package's TypeScript source through this export condition, so no build is needed first.
const sourceCondition = '@biometric-login/source';
/** Debian's Chromium with a fake webcam that shows the fixture face. */
const chromiumArgs = [...quietFlags, ...cameraFlags('face')];

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The component in jsdom: Testing Library, the sandbox's MSW handlers, a fake camera. */
const domTests = {
  environment: 'jsdom',
  include: ['packages/react/src/**/*.test.tsx'],
  exclude: ['**/*.ssr.test.tsx', '**/*.browser.test.tsx'],
  setupFiles: [here('./packages/react/test/setupDom.ts')],
} satisfies InlineConfig;
const ssrTests = { environment: 'node', include: ['packages/react/src/**/*.ssr.test.tsx'] } satisfies InlineConfig;

// The peer range says React 18 or 19. resolve.dedupe resolves these from the project's root, the React 18.3 runtime
// package: React itself and every library there that binds to it, installed against React 18.
const react18Root = here('./packages/react/test/react18/');
const react18Bound = Object.keys((JSON.parse(readFileSync(join(react18Root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);

/** The same tests on React 18.3; a setup file checks that React 18 is what the component got. */
function onReact18(name: string, tests: InlineConfig): TestProjectInlineConfiguration {
  return {
    extends: true,
    root: react18Root,
    resolve: { dedupe: react18Bound },
    test: { ...tests, name, dir: here('.'), setupFiles: [...[tests.setupFiles ?? []].flat(), here('./packages/react/test/expectReact18.ts')] },
  };
}

// Storybook's stories and the end-to-end journeys keep their own project files beside their code.
const projectFiles = ['./.storybook/vitest.config.ts', './e2e/vitest.config.ts', './e2e/next/vitest.config.ts', './e2e/packed/vitest.config.ts'].filter((file) =>
  existsSync(fileURLToPath(new URL(file, import.meta.url))),
);

export default defineConfig({
  plugins: [react()],
  // react-webcam is imported only dynamically (when the camera is asked for): pre-bundled up front, so that the dev
  // server does not discover it mid-run and reload the page under a running test.
  optimizeDeps: { include: ['react-webcam'] },
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', ...ssrTests.include, 'packages/react/test/**/*.test.ts', 'apps/demo/*.test.ts', 'apps/next-example/lib/**/*.test.ts', 'e2e/**/*.unit.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.browser.test.ts'],
          // global.gc, for the test that proves the sandbox's memory stays flat (sessionStore.heap.test.ts).
          execArgv: ['--expose-gc'],
        },
      },
      // The demo's own pages run on its React (19) only.
      { extends: true, test: { ...domTests, include: [...domTests.include, 'apps/demo/src/**/*.test.tsx'], name: 'dom' } },
      onReact18('dom-react18', domTests),
      onReact18('ssr-react18', ssrTests),
      {
        extends: true,
        plugins: [analyzerDoubles()],
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      ...projectFiles,
    ],
  },
});
