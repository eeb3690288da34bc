import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineProject, type TestProjectConfiguration } from 'vitest/config';

// The servers and the sandbox in the test process run the packages' TypeScript source; the pages run what was built.
const conditions = ['@biometric-login/source', ...defaultServerConditions];

export interface E2eProjectOptions {
  name: string;
  /** The project's folder, as a file: URL (`new URL('.', import.meta.url)`). */
  root: URL;
  include: string[];
  /** Builds what every test file of the project serves, once per run. */
  globalSetup?: URL;
  /** Default 60 s, for tests and hooks alike. */
  timeoutMs?: number;
  /** For hooks that install or build; default `timeoutMs`. */
  hookTimeoutMs?: number;
  /** Projects run in groups, lowest first (Vitest's sequence.groupOrder); default 0, with every other project. */
  groupOrder?: number;
}

/** A Vitest project that drives built apps over real HTTP in Debian's Chromium, one test file at a time. */
export function defineE2eProject(options: E2eProjectOptions): TestProjectConfiguration {
  const timeout = options.timeoutMs ?? 60_000;
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name: options.name,
      root: fileURLToPath(options.root),
      environment: 'node',
      include: options.include,
      globalSetup: options.globalSetup === undefined ? [] : [fileURLToPath(options.globalSetup)],
      // Each file launches its own Chromium; two cores do not run two of them well side by side.
      fileParallelism: false,
      testTimeout: timeout,
      hookTimeout: options.hookTimeoutMs ?? timeout,
      sequence: { groupOrder: options.groupOrder ?? 0 },
    },
  });
}
