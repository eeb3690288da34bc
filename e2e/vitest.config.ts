import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The server and the sandbox in the test process run the packages' TypeScript source; the page runs the built demo.
const conditions = ['@biometric-login/source', ...defaultServerConditions];

/** End-to-end journeys: the built demo over real HTTP, driven in Debian's Chromium with a fake webcam. */
export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'e2e',
    root: here('.'),
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    globalSetup: [here('./globalSetup.ts')],
    // Each file launches its own Chromium; two cores do not run two of them well side by side.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
