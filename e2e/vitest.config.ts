import { defineE2eProject } from './e2eProject.ts';

/** End-to-end journeys: the built demo over real HTTP, driven in Debian's Chromium with a fake webcam. */
export default defineE2eProject({
  name: 'e2e',
  root: new URL('.', import.meta.url),
  include: ['*.e2e.test.ts'],
  globalSetup: new URL('./globalSetup.ts', import.meta.url),
});
