#!/usr/bin/env node
// `pnpm bench:people`: the people evaluation (issue 18), by itself: every portrait of fixtures/people shown to
// <BiometricLogin> as its webcam, per skin tone, gender, age band, glasses, ethnicity and collection; the non-person
// frames of the labelled set; and each portrait made dark, washed out, backlit, blurred or far away, with and
// without the detector. It runs the evaluation's own browser tests in Vitest and prints the tables they leave in
// their meta; `pnpm bench` runs it too. Needs Debian's Chromium, no build.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const peopleTests = ['packages/react/src/guidance/people.browser.test.tsx', 'packages/react/src/guidance/peopleDegraded.browser.test.ts'];
const metaKeys = ['peopleEvaluation', 'nonPersonEvaluation', 'degradedEvaluation', 'limitedEvaluation'];

/** Runs the evaluation's tests; returns each one's state and the tables from their meta. */
export async function measurePeople() {
  const { startVitest } = await import('vitest/node');
  const figures = { states: {} };
  const reporter = {
    onTestCaseResult(testCase) {
      const result = testCase.result();
      figures.states[testCase.name] = result.state;
      if (result.state === 'failed') figures.errors = [...(figures.errors ?? []), ...result.errors.map((error) => `${testCase.name}: ${error.message}`)];
      const meta = testCase.meta();
      for (const key of metaKeys) if (meta[key] !== undefined) figures[key] = meta[key];
    },
  };
  // A Vite build earlier in the same process (pnpm bench builds its pages) leaves NODE_ENV=production, which would give
  // the tests React's production build, without act(): they run as in the test command.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'test';
  try {
    const vitest = await startVitest('test', peopleTests, { root, watch: false, project: ['browser'], reporters: [reporter] });
    await vitest.close();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  figures.passed = Object.keys(figures.states).length === 4 && Object.values(figures.states).every((state) => state === 'passed');
  return figures;
}

export function printPeople(figures) {
  const table = (key, heading) => console.log(`${heading}\n${figures[key]?.table ?? '  no table: the test did not run'}`);
  table('peopleEvaluation', '  each portrait as the webcam, default props (time from mount to the request leaving by itself):');
  table('nonPersonEvaluation', '  frames without a person (fixtures/guidance-set):');
  table('degradedEvaluation', '  each portrait changed, the detector running (the hint it got, and how many):');
  table('limitedEvaluation', '  the same without the detector (the limited mode):');
  for (const [name, state] of Object.entries(figures.states)) if (state !== 'passed') console.log(`  FAILED: ${name} (${state})`);
  for (const error of figures.errors ?? []) console.log(`  ${error}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measurePeople();
  console.log('\nEveryone can log in (the people evaluation)');
  printPeople(figures);
  writeFileSync(new URL('people.json', import.meta.url), `${JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
  console.log('\nWritten to bench/people.json');
  if (!figures.passed) process.exitCode = 1;
}
