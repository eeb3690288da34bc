import type { FrameRegion, FrameSize } from './encodeFrame.js';
import type { FrameSignals } from './frameSignals.js';

/**
 * What the person is asked to fix, one at a time. A new hint does not compile until every locale has
 * words for it (the react package's messages are a Record of these).
 */
export const guidanceHints = ['face', 'oneFace', 'closer', 'back', 'center', 'light', 'still'] as const;
export type GuidanceHint = (typeof guidanceHints)[number];

export interface FacePoint {
  x: number;
  y: number;
}

/** A face the detector found, in the camera frame's pixels. */
export interface FaceBox extends FrameRegion {
  /** The detector's confidence, 0..1. */
  score: number;
  /** Right eye, left eye, nose tip, mouth, right ear, left ear, as the camera sees them. */
  keypoints?: readonly FacePoint[];
}

/** One analysed camera frame. */
export interface FrameAnalysis {
  /** Faces, largest first; `undefined` when no face detector ran (light and sharpness are still judged). */
  faces: readonly FaceBox[] | undefined;
  signals: FrameSignals;
  /** The camera frame's size. */
  frame: FrameSize;
}

export interface GuidanceThresholds {
  /** More of the frame than this crushed to black: nothing can be seen ("light", before anything else). */
  maxDarkFrame: number;
  /** The frame's brightest parts (frameWhite) under this: the camera got too little light, whatever is in front of it. */
  minFrameWhite: number;
  /** More of the face than this crushed to black (faceShadows): too dark to read. */
  maxFaceShadows: number;
  /** More of the face than this clipped to white (faceClipped): too bright to read. */
  maxFaceClipped: number;
  /** The face's own dynamic range (faceRange) under this: flat, nothing to read. */
  minFaceRange: number;
  /**
   * Backlight: the surround clipped (surroundClipped over `backlitSurround`) while the face is underexposed against its
   * own range: shadows crushed (faceShadows over `backlitFaceShadows`) or its eye whites and shine dim (faceWhite under
   * `backlitFaceWhite`). A bright wall or shirt behind a well-exposed face of any skin is neither.
   */
  backlitSurround: number;
  backlitFaceShadows: number;
  backlitFaceWhite: number;
  /** Without a face, only an extreme frame asks for light: a mean above this, or more clipped highlights than the next. */
  noFaceMaxMeanLuma: number;
  noFaceMaxBrightFraction: number;
  /** The face's detail (Laplacian variance over its luma variance, at 96x96) below this: blurred. */
  minDetail: number;
  /**
   * axisSharpness / sharpness below minAxisRatio with detail under maxSmearDetail: smeared in one direction (moving). A
   * sharp face may have most of its detail on one axis (wrinkles, glasses, a fringe); a smear also takes detail away.
   */
  minAxisRatio: number;
  maxSmearDetail: number;
  /** Face height as a fraction of the height of the region that is sent. */
  minFaceFraction: number;
  maxFaceFraction: number;
  /** Face width in camera pixels. */
  minFacePixels: number;
  /** The face centre's distance from the region's centre, as a fraction of its width and its height. */
  maxOffsetX: number;
  maxOffsetY: number;
  /** The face centre moving more than this fraction of the region's height between two analyses: "hold still". */
  maxMotion: number;
}

/**
 * Light by exposure, never by the face's brightness alone; each limit well clear of every portrait of
 * fixtures/people (every skin tone, age, glasses, outfit, background) and of the labelled set's really dark, bright,
 * backlit and blurred frames. The size limits sit about 15% under a face framed as the oval asks: the detector's box for
 * the same framing differs that much between faces. See the README's "Everyone can log in".
 */
export const defaultGuidanceThresholds: GuidanceThresholds = {
  maxDarkFrame: 0.6,
  minFrameWhite: 100,
  maxFaceShadows: 0.12,
  maxFaceClipped: 0.2,
  minFaceRange: 20,
  backlitSurround: 0.03,
  backlitFaceShadows: 0.04,
  backlitFaceWhite: 64,
  noFaceMaxMeanLuma: 230,
  noFaceMaxBrightFraction: 0.8,
  minDetail: 0.02,
  minAxisRatio: 0.2,
  maxSmearDetail: 0.06,
  minFaceFraction: 0.25,
  maxFaceFraction: 0.6,
  minFacePixels: 200,
  maxOffsetX: 0.2,
  maxOffsetY: 0.15,
  maxMotion: 0.06,
};

/** The face cannot be read for the light: too dark, too bright, flat, or backlit. */
function isBadLight(signals: FrameSignals, limits: GuidanceThresholds): boolean {
  const backlit = signals.surroundClipped > limits.backlitSurround && (signals.faceShadows > limits.backlitFaceShadows || signals.faceWhite < limits.backlitFaceWhite);
  return (
    signals.frameWhite < limits.minFrameWhite ||
    signals.faceShadows > limits.maxFaceShadows ||
    signals.faceClipped > limits.maxFaceClipped ||
    signals.faceRange < limits.minFaceRange ||
    backlit
  );
}

function isBlurred(signals: FrameSignals, limits: GuidanceThresholds): boolean {
  const smeared = signals.axisSharpness < limits.minAxisRatio * signals.sharpness && signals.detail < limits.maxSmearDetail;
  return signals.detail < limits.minDetail || smeared;
}

/** Where the face is against the region that is sent (and the oval drawn in it). */
function placementHint(face: FaceBox, region: FrameRegion, limits: GuidanceThresholds): GuidanceHint | undefined {
  const fraction = face.height / region.height;
  if (fraction < limits.minFaceFraction || face.width < limits.minFacePixels) return 'closer';
  if (fraction > limits.maxFaceFraction) return 'back';
  const dx = (face.x + face.width / 2 - (region.x + region.width / 2)) / region.width;
  const dy = (face.y + face.height / 2 - (region.y + region.height / 2)) / region.height;
  return Math.abs(dx) > limits.maxOffsetX || Math.abs(dy) > limits.maxOffsetY ? 'center' : undefined;
}

/**
 * The one thing to fix in this frame, or `undefined` when it is fit to send. `region` is the part of the frame
 * that is sent (core's centredRegion). In order: too dark to see, no face, more than one, too small, too big,
 * off-centre, bad light, blurred.
 */
export function assessFrame(analysis: FrameAnalysis, region: FrameRegion, limits: GuidanceThresholds = defaultGuidanceThresholds): GuidanceHint | undefined {
  const { faces, signals } = analysis;
  if (signals.darkFraction > limits.maxDarkFrame) return 'light';
  if (faces !== undefined) {
    const [face] = faces;
    if (face === undefined) return signals.meanLuma > limits.noFaceMaxMeanLuma || signals.brightFraction > limits.noFaceMaxBrightFraction ? 'light' : 'face';
    if (faces.length > 1) return 'oneFace';
    const placement = placementHint(face, region, limits);
    if (placement !== undefined) return placement;
  }
  if (isBadLight(signals, limits)) return 'light';
  return isBlurred(signals, limits) ? 'still' : undefined;
}

/** Guidance over time: a hint is shown once two analyses agree, and a good frame must be held. */
export interface GuidanceState {
  /** The hint shown, or `undefined` when all is well (or nothing has been analysed yet). */
  hint: GuidanceHint | undefined;
  /** Whether any frame has been judged yet. */
  analysed: boolean;
  /** The latest frame is fit to send: the manual button may capture (no hold needed). */
  fit: boolean;
  /** 0..1: how much of the hold a well-placed, well-lit, sharp face has done. */
  holdProgress: number;
  /** The hold is done: a frame may be captured by itself. */
  ready: boolean;
  /** Since when every frame has been good, in ms of the clock passed in. */
  goodSince: number | undefined;
  /** The last assessment, and the face it saw (for motion). */
  lastHint: GuidanceHint | undefined;
  lastFace: FaceBox | undefined;
}

export const initialGuidanceState: GuidanceState = {
  hint: undefined,
  analysed: false,
  fit: false,
  holdProgress: 0,
  ready: false,
  goodSince: undefined,
  lastHint: undefined,
  lastFace: undefined,
};

export interface TrackGuidanceOptions {
  /** How long a good frame must be held before it is ready. Default 1000 ms. */
  holdMs?: number;
  limits?: GuidanceThresholds;
}

function moved(previous: FaceBox | undefined, face: FaceBox | undefined, region: FrameRegion, maxMotion: number): boolean {
  if (previous === undefined || face === undefined) return false;
  const dx = face.x + face.width / 2 - (previous.x + previous.width / 2);
  const dy = face.y + face.height / 2 - (previous.y + previous.height / 2);
  return Math.hypot(dx, dy) > maxMotion * region.height || Math.abs(face.height - previous.height) > maxMotion * region.height;
}

/** The next guidance state after one more analysed frame (pure; `now` in ms). */
export function trackGuidance(state: GuidanceState, analysis: FrameAnalysis, region: FrameRegion, now: number, options: TrackGuidanceOptions = {}): GuidanceState {
  const limits = options.limits ?? defaultGuidanceThresholds;
  const face = analysis.faces?.[0];
  const assessed = assessFrame(analysis, region, limits);
  // A face that jumps between two analyses is moving, however sharp each frame is.
  const hint = assessed === undefined && moved(state.lastFace, face, region, limits.maxMotion) ? 'still' : assessed;
  // One hint at a time, and not one that flickers: the shown hint changes when two analyses agree.
  const shown = !state.analysed || hint === state.lastHint ? hint : state.hint;
  const goodSince = hint === undefined ? (state.goodSince ?? now) : undefined;
  const holdMs = options.holdMs ?? 1000;
  const holdProgress = goodSince === undefined ? 0 : Math.min(1, (now - goodSince) / holdMs);
  return { hint: shown, analysed: true, fit: hint === undefined, holdProgress, ready: holdProgress >= 1, goodSince, lastHint: hint, lastFace: face };
}
