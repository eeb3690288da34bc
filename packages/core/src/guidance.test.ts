import { describe, expect, it } from 'vitest';
import type { FrameRegion } from './encodeFrame.js';
import type { FrameSignals } from './frameSignals.js';
import { assessFrame, type FaceBox, type FrameAnalysis, initialGuidanceState, trackGuidance } from './guidance.js';

// A 1280x720 camera; what is sent is its face-centred 3:4 region, 540x720 in the middle.
const frame = { width: 1280, height: 720 };
const region: FrameRegion = { x: 370, y: 0, width: 540, height: 720 };
const goodLight: FrameSignals = { meanLuma: 140, contrast: 50, darkFraction: 0.01, brightFraction: 0.02, regionLuma: 150, backlight: -10, sharpness: 30, axisSharpness: 12 };
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
    ["a face under Verifik's 234 px, however tall", analysis({ faces: [{ ...face, width: 220 }] }), 'closer'],
    ['a face too big', analysis({ faces: [{ ...face, x: 420, y: 100, width: 440, height: 480 }] }), 'back'],
    ['a face off to the side', analysis({ faces: [{ ...face, x: 60 }] }), 'center'],
    ['a face too high', analysis({ faces: [{ ...face, y: 40 }] }), 'center'],
    ['too dark to see anything', analysis({}, { meanLuma: 30 }), 'light'],
    ['too bright', analysis({}, { meanLuma: 220 }), 'light'],
    ['clipped highlights', analysis({}, { brightFraction: 0.4 }), 'light'],
    ['backlit', analysis({}, { backlight: 60 }), 'light'],
    ['a face in shadow', analysis({}, { regionLuma: 50 }), 'light'],
    ['blurred', analysis({}, { sharpness: 5, axisSharpness: 2 }), 'still'],
    ['smeared along one axis (moving)', analysis({}, { sharpness: 30, axisSharpness: 3 }), 'still'],
  ] as const)('%s: %s', (_name, frameAnalysis, hint) => {
    expect(assessFrame(frameAnalysis, region)).toBe(hint);
  });

  it('asks for light before anything else when nothing can be seen, and only for extreme light without a face', () => {
    expect(assessFrame(analysis({ faces: [] }, { meanLuma: 30 }), region)).toBe('light');
    expect(assessFrame(analysis({ faces: [] }, { meanLuma: 215 }), region)).toBe('face');
    expect(assessFrame(analysis({ faces: [] }, { meanLuma: 240 }), region)).toBe('light');
  });

  it('without a detector, judges light and sharpness only', () => {
    expect(assessFrame(analysis({ faces: undefined }), region)).toBeUndefined();
    expect(assessFrame(analysis({ faces: undefined }, { backlight: 80 }), region)).toBe('light');
    expect(assessFrame(analysis({ faces: undefined }, { sharpness: 4 }), region)).toBe('still');
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
