import { describe, expect, it } from 'vitest';
import type { FrameRegion } from './encodeFrame.js';
import type { FrameSignals } from './frameSignals.js';
import { assessFrame, type FaceBox, type FrameAnalysis, initialGuidanceState, trackGuidance } from './guidance.js';

// A 1280x720 camera; what is sent is its face-centred 3:4 region, 540x720 in the middle.
const frame = { width: 1280, height: 720 };
const region: FrameRegion = { x: 370, y: 0, width: 540, height: 720 };
/** A well-exposed frame: its whites reach 230, the face's range is wide, nothing crushed or clipped, the face sharp. */
const goodLight: FrameSignals = {
  meanLuma: 140,
  contrast: 50,
  darkFraction: 0.01,
  brightFraction: 0.02,
  frameWhite: 230,
  faceShadows: 0.005,
  faceClipped: 0,
  faceWhite: 190,
  faceRange: 90,
  surroundClipped: 0.01,
  sharpness: 300,
  axisSharpness: 90,
  detail: 0.3,
};
/** The darkest skin of fixtures/people, well lit, in a white T-shirt against a light grey backdrop (london_137). */
const darkSkinWhiteShirt: Partial<FrameSignals> = { meanLuma: 188, frameWhite: 240, faceShadows: 0.002, faceWhite: 103, faceRange: 62, surroundClipped: 0.033, detail: 0.59 };
/** A well-placed face: 300 px wide, 330 px high (0.46 of the region), centred. */
const face: FaceBox = { x: 490, y: 195, width: 300, height: 330, score: 0.95 };

function analysis(overrides: Partial<FrameAnalysis> = {}, signals: Partial<FrameSignals> = {}): FrameAnalysis {
  return { faces: [face], frame, signals: { ...goodLight, ...signals }, ...overrides };
}

describe('assessFrame: one thing to fix, in order', () => {
  it('a well-placed, well-lit, sharp face is fit to send', () => {
    expect(assessFrame(analysis(), region)).toBeUndefined();
  });

  it.each([
    ['no face', analysis({ faces: [] }), 'face'],
    ['two faces', analysis({ faces: [face, { ...face, x: 100 }] }), 'oneFace'],
    ['a face too small for the region', analysis({ faces: [{ ...face, width: 150, height: 160 }] }), 'closer'],
    ['a face under 200 px, however tall', analysis({ faces: [{ ...face, width: 190 }] }), 'closer'],
    ['a face too big', analysis({ faces: [{ ...face, x: 420, y: 100, width: 440, height: 480 }] }), 'back'],
    ['a face off to the side', analysis({ faces: [{ ...face, x: 60 }] }), 'center'],
    ['a face too high', analysis({ faces: [{ ...face, y: 40 }] }), 'center'],
    ['most of the frame black', analysis({}, { darkFraction: 0.7 }), 'light'],
    ['a camera that got too little light (its brightest parts dim)', analysis({}, { frameWhite: 70 }), 'light'],
    ['a face in shadow (its shadows crushed)', analysis({}, { faceShadows: 0.2 }), 'light'],
    ['a face washed out (its highlights clipped)', analysis({}, { faceClipped: 0.3 }), 'light'],
    ['a flat face (no range to read)', analysis({}, { faceRange: 12 }), 'light'],
    ['backlit: a clipped window behind, the face crushed', analysis({}, { surroundClipped: 0.1, faceShadows: 0.06 }), 'light'],
    ['backlit: a clipped window behind, the face dim to its whites', analysis({}, { surroundClipped: 0.1, faceWhite: 50 }), 'light'],
    ['blurred', analysis({}, { detail: 0.01, sharpness: 5, axisSharpness: 2 }), 'still'],
    ['smeared along one axis (moving)', analysis({}, { sharpness: 30, axisSharpness: 3, detail: 0.03 }), 'still'],
  ] as const)('%s: %s', (_name, frameAnalysis, hint) => {
    expect(assessFrame(frameAnalysis, region)).toBe(hint);
  });

  it.each([
    ['the darkest skin, a white T-shirt, a light backdrop', darkSkinWhiteShirt],
    ['a very bright frame with a well-exposed face', { meanLuma: 215, brightFraction: 0.4, surroundClipped: 0.5 }],
    ['a dim room, the face still readable', { meanLuma: 70, darkFraction: 0.25, frameWhite: 130, faceShadows: 0.03, faceWhite: 139 }],
    ['a sharp face with most of its detail on one axis (wrinkles, glasses)', { axisSharpness: 50, sharpness: 300, detail: 0.3 }],
    ['a sharp face of low contrast', { sharpness: 20, axisSharpness: 7, detail: 0.12 }],
  ] as const)('fit whatever the skin, the clothes or the wall: %s', (_name, signals) => {
    expect(assessFrame(analysis({}, signals), region)).toBeUndefined();
  });

  it('asks for light before anything else when nothing can be seen, and only for extreme light without a face', () => {
    expect(assessFrame(analysis({ faces: [] }, { darkFraction: 0.9 }), region)).toBe('light');
    expect(assessFrame(analysis({ faces: [] }, { meanLuma: 215 }), region)).toBe('face');
    expect(assessFrame(analysis({ faces: [] }, { meanLuma: 240 }), region)).toBe('light');
  });

  it('without a detector, judges light and sharpness only', () => {
    expect(assessFrame(analysis({ faces: undefined }), region)).toBeUndefined();
    expect(assessFrame(analysis({ faces: undefined }, { faceShadows: 0.3 }), region)).toBe('light');
    expect(assessFrame(analysis({ faces: undefined }, { detail: 0.005 }), region)).toBe('still');
  });

  it('judges placement against a portrait region (an upright phone)', () => {
    const portraitRegion: FrameRegion = { x: 0, y: 160, width: 720, height: 960 };
    const portraitFace: FaceBox = { x: 216, y: 490, width: 288, height: 315, score: 0.9 };
    expect(assessFrame({ faces: [portraitFace], frame: { width: 720, height: 1280 }, signals: goodLight }, portraitRegion)).toBeUndefined();
    expect(assessFrame({ faces: [{ ...portraitFace, y: 250 }], frame: { width: 720, height: 1280 }, signals: goodLight }, portraitRegion)).toBe('center');
  });
});

describe('trackGuidance: agreeing hints, a held good frame, motion', () => {
  const step = (state = initialGuidanceState, at: number, frameAnalysis = analysis()) => trackGuidance(state, frameAnalysis, region, at, { holdMs: 1000 });

  it('fills the hold over a second of good frames, then is ready', () => {
    let state = step(undefined, 0);
    expect(state).toMatchObject({ analysed: true, fit: true, hint: undefined, holdProgress: 0, ready: false });
    state = step(state, 500);
    expect(state.holdProgress).toBeCloseTo(0.5);
    state = step(state, 999);
    expect(state.ready).toBe(false);
    state = step(state, 1000);
    expect(state).toMatchObject({ holdProgress: 1, ready: true });
  });

  it('a bad frame empties the hold at once, and the hold starts over', () => {
    let state = step(step(undefined, 0), 900);
    state = step(state, 950, analysis({ faces: [] }));
    expect(state).toMatchObject({ fit: false, holdProgress: 0, ready: false });
    state = step(state, 1000);
    state = step(state, 1900);
    expect(state.ready).toBe(false);
    state = step(state, 2000);
    expect(state.ready).toBe(true);
  });

  it('shows a new hint only once two analyses agree (no flicker in the live region)', () => {
    let state = step(undefined, 0, analysis({ faces: [] }));
    expect(state.hint).toBe('face');
    state = step(state, 150, analysis({ faces: [{ ...face, x: 60 }] }));
    expect(state.hint).toBe('face');
    state = step(state, 300, analysis({ faces: [{ ...face, x: 60 }] }));
    expect(state.hint).toBe('center');
  });

  it('a face that jumps between two analyses is moving: "still", however sharp each frame is', () => {
    let state = step(undefined, 0);
    state = step(state, 150, analysis({ faces: [{ ...face, x: face.x + 80 }] }));
    expect(state).toMatchObject({ fit: false, lastHint: 'still', ready: false });
  });
});
