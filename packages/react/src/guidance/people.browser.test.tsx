import { createSandbox } from '@biometric-login/sandbox';
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import labelsJson from '../../../../fixtures/guidance-set/labels.json?raw';
import { formatGroupTable, type GroupRow, groupRows, misframed, type PersonOutcome, people } from '../../test/people.js';
import { BiometricLogin } from '../BiometricLogin.js';
import { createPictureCamera } from '../camera/pictureCamera.js';
import '../styles.css';

// Everyone can log in (issue 18): each portrait of fixtures/people as the webcam (a real MediaStream of the picture),
// shown to <BiometricLogin> with its default props and its real face-detector worker, as a person would stand in front
// of it. Each must be sent by itself; and no non-person frame of the labelled set ever is. `pnpm bench` runs this file
// and prints the tables it leaves in the tests' meta.

export interface PeopleEvaluation {
  outcomes: PersonOutcome[];
  rows: GroupRow[];
  table: string;
}
export interface NonPersonEvaluation {
  frames: number;
  /** Non-person frames that were sent by themselves (must be none). */
  sent: string[];
  table: string;
}

declare module 'vitest' {
  interface TaskMeta {
    peopleEvaluation?: PeopleEvaluation;
    nonPersonEvaluation?: NonPersonEvaluation;
  }
}

/** The issue's measurement gave each portrait 12 s; the goal is 8 s, reported beside. */
const sendWindowMs = 12_000;
/** Floors for done (issue 18): at least 97% of everyone, at least 90% of each skin tone, gender and age band present. */
const overallFloor = 0.97;
const groupFloor = 0.9;
const flooredGroupings = new Set(['skin tone (ITA)', 'gender', 'age band']);
/** Longer than a detector load, two agreeing analyses and the 1 s hold: a false face would have been sent by then. */
const nonPersonWindowMs = 4000;

const portraits = import.meta.glob<string>('../../../../fixtures/people/frames/*.jpg', { query: '?url', import: 'default', eager: true });
const labelledFrames = import.meta.glob<string>('../../../../fixtures/guidance-set/*.jpg', { query: '?url', import: 'default', eager: true });
const portraitUrl = (name: string) => portraits[`../../../../fixtures/people/frames/${name}.jpg`];

const sandbox = createSandbox();
afterEach(() => {
  cleanup();
  sandbox.reset();
});
afterAll(() => sandbox.reset());

/**
 * Mounts the component on `picture` and waits up to `windowMs` for a request to leave by itself (no click). Returns
 * the time from mount to the request, and what guided capture showed last.
 */
async function showToCamera(picture: string, windowMs: number): Promise<{ ms: number | undefined; lastGuidance: string }> {
  const { token } = await sandbox.createSession({});
  let sentAt: number | undefined;
  let onSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => {
    onSent = resolve;
  });
  const sandboxFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.url.endsWith('/validate')) {
      sentAt ??= performance.now();
      onSent();
    }
    return sandbox.handle(request);
  };
  const mountedAt = performance.now();
  const view = render(<BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} fetch={sandboxFetch} navigate={() => undefined} camera={createPictureCamera(picture)} />);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, windowMs)))]);
  clearTimeout(timer);
  const root = view.container.querySelector('.bl-root');
  const lastGuidance = root?.getAttribute('data-guidance') ?? root?.getAttribute('data-state') ?? 'none';
  view.unmount();
  return { ms: sentAt === undefined ? undefined : sentAt - mountedAt, lastGuidance };
}

describe('everyone can log in', () => {
  it('each portrait of fixtures/people is sent by itself: at least 97% of everyone, 90% of each skin tone, gender and age band', async ({ task }) => {
    expect(people.length).toBeGreaterThanOrEqual(77);
    const outcomes: PersonOutcome[] = [];
    const wronglyFramed: string[] = [];
    for (const person of people) {
      const url = portraitUrl(person.name);
      if (url === undefined) throw new Error(`${person.name} is in people.csv but not in fixtures/people/frames`);
      const { ms, lastGuidance } = await showToCamera(url, sendWindowMs);
      const expectedHint = misframed[person.name];
      if (expectedHint !== undefined) {
        // A frame whose composition failed must get its true hint and must not be sent.
        if (lastGuidance !== expectedHint || ms !== undefined) wronglyFramed.push(`${person.name}: ${ms === undefined ? lastGuidance : 'sent'} (${expectedHint})`);
        continue;
      }
      outcomes.push({ name: person.name, sent: ms !== undefined, ms, lastGuidance });
    }
    const rows = groupRows(outcomes);
    const refused = outcomes.filter((outcome) => !outcome.sent).map((outcome) => `${outcome.name} (${outcome.lastGuidance})`);
    const table = [
      `  ${outcomes.length} portraits of fixtures/people shown to <BiometricLogin> with its default props (${Object.keys(misframed).length} misframed frame shown apart: ${Object.keys(misframed).join(', ')}); sent by itself within ${sendWindowMs / 1000} s of mount`,
      formatGroupTable(rows),
      `  not sent: ${refused.length === 0 ? 'none' : refused.join(', ')}`,
    ].join('\n');
    task.meta.peopleEvaluation = { outcomes, rows, table };
    console.log(`Everyone can log in\n${table}`);

    expect(wronglyFramed).toEqual([]);
    const everyone = rows[0];
    expect(everyone?.sent ?? 0).toBeGreaterThanOrEqual(Math.ceil(overallFloor * outcomes.length));
    const belowFloor = rows.filter((row) => flooredGroupings.has(row.grouping) && row.group !== 'not labelled' && row.sent < groupFloor * row.people);
    expect(belowFloor.map((row) => `${row.grouping} ${row.group}: ${row.sent} of ${row.people}`)).toEqual([]);
  }, 30 * 60_000);

  it('no frame without a person (animals, objects, patterns, drawings, empty scenes) is ever sent by itself', async ({ task }) => {
    const nonPersonFrames = (JSON.parse(labelsJson) as { file: string; faces: unknown[] }[]).filter((frame) => frame.faces.length === 0);
    expect(nonPersonFrames.length).toBeGreaterThanOrEqual(18);
    const sent: string[] = [];
    // Three at a time (each with its own worker), as the frames are independent: the window stays the same per frame.
    for (let start = 0; start < nonPersonFrames.length; start += 3) {
      await Promise.all(
        nonPersonFrames.slice(start, start + 3).map(async (frame) => {
          const url = labelledFrames[`../../../../fixtures/guidance-set/${frame.file}`];
          if (url === undefined) throw new Error(`${frame.file} is labelled but not in fixtures/guidance-set`);
          const { ms } = await showToCamera(url, nonPersonWindowMs);
          if (ms !== undefined) sent.push(frame.file);
        }),
      );
    }
    const table = `  non-person frames sent by themselves: ${sent.length} of ${nonPersonFrames.length}${sent.length === 0 ? '' : `: ${sent.join(', ')}`} (each shown ${nonPersonWindowMs / 1000} s)`;
    task.meta.nonPersonEvaluation = { frames: nonPersonFrames.length, sent, table };
    console.log(table);
    expect(sent).toEqual([]);
  }, 10 * 60_000);
});
