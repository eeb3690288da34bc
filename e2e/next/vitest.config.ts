import { defineE2eProject } from '../e2eProject.ts';

/** apps/next-example built with `next build`, served with `next start`, the sandbox on its own origin. */
export default defineE2eProject({
  name: 'next',
  root: new URL('.', import.meta.url),
  include: ['*.e2e.test.ts'],
  globalSetup: new URL('./globalSetup.ts', import.meta.url),
  // After the other projects, so its server and Chromium do not compete with their timing for two cores.
  groupOrder: 1,
});
