import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLoggedIn, openLogin } from './demoLogin';
import { useDemoSuite } from './demoSuite';
import { startAndLandByItself } from './guidedCapture';
import { expectCleanConsole } from './observedPage';
import { readPeople, samplePeople, writePeopleVideos } from './peopleWebcam';

// Everyone can log in, through Chromium's own fake webcam (the camera's video path, as the issue measured it) and the
// built demo under its CSP: one portrait of fixtures/people per collection and skin-tone class is sent by itself and
// lands on the callback page. Each portrait's webcam is fixed at launch, so each has its own Chromium.

const misframed = new Set(['congress_D000355']);
const sample = samplePeople(readPeople(), misframed);
const videos = mkdtempSync(join(tmpdir(), 'people-webcam-'));

describe('portraits of fixtures/people as the webcam of the built demo', () => {
  beforeAll(async () => {
    await writePeopleVideos(
      sample.map((person) => person.name),
      videos,
    );
  }, 120_000);
  afterAll(() => rmSync(videos, { recursive: true, force: true }));

  it('the sample covers every skin-tone class of both collections', () => {
    expect(new Set(sample.map((person) => person.ita_class))).toEqual(new Set(['very_light', 'light', 'intermediate', 'tan', 'brown', 'dark']));
    expect(new Set(sample.map((person) => person.set))).toEqual(new Set(['london', 'congress']));
  });

  describe.each(sample)('$name ($set, $ita_class)', (person) => {
    const suite = useDemoSuite('face', 'sandbox', join(videos, `${person.name}.y4m`));

    it('is sent by itself, once, and lands on the callback page', async () => {
      const { page } = suite.observed;
      const session = await openLogin(suite.observed, suite.server);
      const token = await startAndLandByItself(page);
      await expectLoggedIn(suite.observed, suite.server, session, token);
      expect(suite.observed.validateRequests).toHaveLength(1);
      expectCleanConsole(suite.observed);
    });
  });
});
