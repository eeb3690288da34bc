import { centredRegion, type GuidanceHint } from '@biometric-login/core';
import { assessFrame } from '@biometric-login/core/guidance';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { misframed, people } from '../../test/people.js';
import { createFaceAnalyzer, type FaceAnalyzer } from './faceAnalyzer.js';
import { fallbackAnalysis } from './guidanceLoop.js';

// The other half of "every rule holds for everyone": each portrait of fixtures/people, made really dark, washed out,
// backlit, blurred or far away, is refused with its hint, whatever the skin, age, glasses or clothes; the same
// portrait untouched is fit. The real analyzer in its worker, then core's assessFrame, as the component judges.
// Exposure changes are made in linear light (a camera's stops), not by scaling sRGB values.

export interface DegradedEvaluation {
  /** Per change: how many portraits got each hint. */
  hints: Record<string, Record<string, number>>;
  table: string;
}

declare module 'vitest' {
  interface TaskMeta {
    degradedEvaluation?: DegradedEvaluation;
    limitedEvaluation?: DegradedEvaluation;
  }
}

const portraits = import.meta.glob<string>('../../../../fixtures/people/frames/*.jpg', { query: '?url', import: 'default', eager: true });

const toLinear = Float32Array.from({ length: 256 }, (_, value) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
function toSrgb(linear: number): number {
  const c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * linear ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
}

type Draw = (context: OffscreenCanvasRenderingContext2D, picture: ImageBitmap) => void;

/** Multiplies the light by 2^stops, as a camera's exposure does. */
function expose(context: OffscreenCanvasRenderingContext2D, stops: number): void {
  const { width, height } = context.canvas;
  const image = context.getImageData(0, 0, width, height);
  const gain = 2 ** stops;
  const lookup = Uint8ClampedArray.from(toLinear, (linear) => toSrgb(linear * gain));
  for (let at = 0; at < image.data.length; at += 4) {
    image.data[at] = lookup[image.data[at] ?? 0] ?? 0;
    image.data[at + 1] = lookup[image.data[at + 1] ?? 0] ?? 0;
    image.data[at + 2] = lookup[image.data[at + 2] ?? 0] ?? 0;
  }
  context.putImageData(image, 0, 0);
}

/** Each change, what it does, and the one hint it must get (or 'face', when the detector no longer finds the face). */
const changes: readonly { name: string; what: string; hint: GuidanceHint | undefined; draw: Draw }[] = [
  { name: 'as taken', what: 'the portrait as it is', hint: undefined, draw: (context, picture) => context.drawImage(picture, 0, 0) },
  {
    name: 'dark room',
    what: '3 stops under',
    hint: 'light',
    draw: (context, picture) => {
      context.drawImage(picture, 0, 0);
      expose(context, -3);
    },
  },
  {
    name: 'washed out',
    what: '5 stops over',
    hint: 'light',
    draw: (context, picture) => {
      context.drawImage(picture, 0, 0);
      expose(context, 5);
    },
  },
  {
    name: 'backlit',
    what: '4 stops under, a clipped window above and beside the person',
    hint: 'light',
    draw: (context, picture) => {
      const { width, height } = context.canvas;
      context.drawImage(picture, 0, 0);
      expose(context, -4);
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height * 0.3);
      context.fillRect(0, 0, width * 0.25, height);
      context.fillRect(width * 0.75, 0, width * 0.25, height);
    },
  },
  {
    name: 'blurred',
    what: 'Gaussian blur, sigma 8 px (3% of the face)',
    hint: 'still',
    draw: (context, picture) => {
      context.filter = 'blur(8px)';
      context.drawImage(picture, 0, 0);
    },
  },
  {
    name: 'far away',
    what: 'the frame shrunk to 0.55 around its centre',
    hint: 'closer',
    draw: (context, picture) => {
      const { width, height } = context.canvas;
      context.drawImage(picture, 0, 0, 1, 1, 0, 0, width, height);
      context.drawImage(picture, width * 0.225, height * 0.225, width * 0.55, height * 0.55);
    },
  },
];

let analyzer: FaceAnalyzer;
beforeAll(async () => {
  // Each frame judged on its own: no reuse of the previous frame's verified face.
  analyzer = createFaceAnalyzer({ recheckReuseMs: 0 });
  await analyzer.ready;
});
afterAll(() => analyzer.close());

type Judge = (picture: ImageBitmap | OffscreenCanvas, size: { width: number; height: number }) => Promise<GuidanceHint | undefined>;

/** Shows every portrait, as taken and changed, to `judge`; returns the tally per change and what got a wrong hint. */
async function judgeEveryone(judge: Judge, which: readonly (typeof changes)[number][]): Promise<{ hints: Record<string, Record<string, number>>; wrong: string[]; shown: number }> {
  const hints: Record<string, Record<string, number>> = Object.fromEntries(which.map((change) => [change.name, {}]));
  const wrong: string[] = [];
  let shown = 0;
  for (const person of people) {
    if (misframed[person.name] !== undefined) continue;
    const url = portraits[`../../../../fixtures/people/frames/${person.name}.jpg`];
    if (url === undefined) throw new Error(`${person.name} is in people.csv but not in fixtures/people/frames`);
    const picture = await createImageBitmap(await (await fetch(url)).blob());
    shown += 1;
    for (const change of which) {
      const canvas = new OffscreenCanvas(picture.width, picture.height);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (context === null) throw new Error('no 2d context');
      change.draw(context, picture);
      const got = await judge(canvas, picture);
      const tally = hints[change.name] ?? {};
      tally[got ?? 'fit'] = (tally[got ?? 'fit'] ?? 0) + 1;
      // Refused with the hint for what was done to it; a face the detector no longer finds is refused too ("face").
      const right = change.hint === undefined ? got === undefined : got === change.hint || got === 'face';
      if (!right) wrong.push(`${person.name} ${change.name}: ${got ?? 'fit'} (${change.hint ?? 'fit'})`);
    }
    picture.close();
  }
  return { hints, wrong, shown };
}

function tableOf(heading: string, which: readonly (typeof changes)[number][], hints: Record<string, Record<string, number>>): string {
  return [
    heading,
    ...which.map((change) => {
      const tally = Object.entries(hints[change.name] ?? {})
        .sort(([, a], [, b]) => b - a)
        .map(([hint, count]) => `${hint} ${count}`)
        .join(', ');
      return `  ${change.name.padEnd(11)} ${change.what.padEnd(62)} ${tally}`;
    }),
  ].join('\n');
}

it('every portrait is fit as taken and refused with its hint when dark, washed out, backlit, blurred or far away', async ({ task }) => {
  const judge: Judge = async (picture) => {
    const analysis = await analyzer.analyze(picture instanceof OffscreenCanvas ? picture.transferToImageBitmap() : picture);
    return assessFrame(analysis, centredRegion(analysis.frame));
  };
  const { hints, wrong, shown } = await judgeEveryone(judge, changes);
  const table = tableOf(`  ${shown} portraits of fixtures/people, each changed as below; the real analyzer, then assessFrame against centredRegion(frame, 3/4)`, changes, hints);
  task.meta.degradedEvaluation = { hints, table };
  console.log(`Every rule for everyone\n${table}`);
  expect(wrong).toEqual([]);
}, 10 * 60_000);

it('without the detector (the limited mode), light and sharpness hold for everyone too: every portrait fit, each change refused', async ({ task }) => {
  // The limited mode cannot see size or position: it reads the face where the oval asks for it.
  const withoutSize = changes.filter((change) => change.name !== 'far away');
  const canvases = [new OffscreenCanvas(1, 1), new OffscreenCanvas(1, 1)] as const;
  const judge: Judge = async (picture, size) => {
    const analysis = fallbackAnalysis(picture, size, canvases, (frame) => centredRegion(frame));
    if (analysis === undefined) throw new Error('the limited mode read nothing');
    return assessFrame(analysis, centredRegion(analysis.frame));
  };
  const { hints, wrong, shown } = await judgeEveryone(judge, withoutSize);
  const table = tableOf(`  ${shown} portraits of fixtures/people in the limited mode (no detector: the face read where the oval asks for it)`, withoutSize, hints);
  task.meta.limitedEvaluation = { hints, table };
  console.log(`The limited mode for everyone\n${table}`);
  expect(wrong).toEqual([]);
}, 10 * 60_000);
