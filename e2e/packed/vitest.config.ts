import { defineE2eProject } from '../e2eProject.ts';

/** The packed packages installed with npm into a fresh Vite + React + TypeScript app, built, served and used in Chromium. */
export default defineE2eProject({
  name: 'packed',
  root: new URL('.', import.meta.url),
  include: ['*.e2e.test.ts'],
  // Packing, npm install and the app's build happen in the suite's beforeAll.
  hookTimeoutMs: 5 * 60_000,
  // Last, alone: its install and builds would slow every timed test running beside them.
  groupOrder: 2,
});
