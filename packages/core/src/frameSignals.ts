import type { FrameRegion } from './encodeFrame.js';

// Cheap image signals for guided capture: the frame downscaled (about 320x180) and the face's inner part at a
// fixed size (96x96), about 0.5 ms together in V8. Pure: no DOM.
//
// Light is judged by exposure, never by how dark a face is: a darker skin is darker at the same exposure, and a
// white shirt or wall is brighter than almost any face. What tells whether a face can be read is whether its
// shadows are crushed to black or its highlights clipped to white, how far its own brightest parts (eye whites,
// teeth, the shine on skin: they reflect alike on every skin) reach, and whether the frame as a whole got light.

export interface FrameSignals {
  /** Mean BT.601 luma of the frame, 0..255. */
  meanLuma: number;
  /** Standard deviation of the frame's luma. */
  contrast: number;
  /** Fraction of the frame's pixels with crushed shadows (luma <= 16). */
  darkFraction: number;
  /** Fraction of the frame's pixels with clipped highlights (luma >= 240). */
  brightFraction: number;
  /** The frame's 98th percentile of luma: how far its brightest parts reach; low when the camera got little light. */
  frameWhite: number;
  /** Fraction of the face's pixels with crushed shadows (luma <= 16): detail lost to black. */
  faceShadows: number;
  /** Fraction of the face's pixels with clipped highlights (luma >= 240): detail lost to white. */
  faceClipped: number;
  /** The face's 98th percentile of luma: its eye whites, teeth and the shine on its skin. */
  faceWhite: number;
  /** The face's own dynamic range: its 95th minus its 5th percentile of luma. */
  faceRange: number;
  /** Fraction of the frame around the face box with clipped highlights: a window or a lamp behind the person. */
  surroundClipped: number;
  /** Variance of the 4-neighbour Laplacian over the face: low when blurred. */
  sharpness: number;
  /** The weaker of the horizontal and vertical second-derivative variances: low under motion blur. */
  axisSharpness: number;
  /** sharpness over the face's luma variance: fine detail against the face's own contrast, so it does not depend on skin or light. */
  detail: number;
}

/** An image for the signals: RGBA (default) or one luma channel. */
export interface SignalImage {
  pixels: ArrayLike<number>;
  width: number;
  height: number;
  channels?: 1 | 4;
}

export interface FrameSignalsOptions {
  /** 4 for RGBA (default), 1 for luma. */
  channels?: 1 | 4;
  /** The face box in the frame's pixels; without it, the face is looked for where the oval asks for it (see expectedFaceBox). */
  region?: FrameRegion;
  /**
   * The face's inner part (faceInterior of the box) read at a fixed size from the camera frame, for the face's light and
   * sharpness; without it they are measured on the face box's interior in the frame given.
   */
  face?: SignalImage;
}

/** Luma at or under this is a crushed shadow; at or over the next, a clipped highlight. */
const shadowLuma = 16;
const highlightLuma = 240;

/**
 * The part of a face box that is face: its inner 70% (eyes, nose, mouth, cheeks), not the hair, ears and background
 * a detector's box also holds. Light and sharpness are read there.
 */
export function faceInterior(box: FrameRegion): FrameRegion {
  const inset = 0.15;
  return { x: box.x + box.width * inset, y: box.y + box.height * inset, width: box.width * (1 - 2 * inset), height: box.height * (1 - 2 * inset) };
}

/**
 * Where a face that follows the oval is, inside the region that is sent: centred, 0.45 of the region's width and 0.36
 * of its height (a face at the size guided capture asks for). Without a detector, light and sharpness are read there.
 */
export function expectedFaceBox(region: FrameRegion): FrameRegion {
  const width = region.width * 0.45;
  const height = region.height * 0.36;
  return { x: region.x + (region.width - width) / 2, y: region.y + (region.height - height) / 2, width, height };
}

/** BT.601 luma of an RGBA image, 0..255. */
export function lumaFromRgba(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const luma = new Uint8Array(width * height);
  for (let pixel = 0; pixel < luma.length; pixel += 1) {
    luma[pixel] = ((rgba[pixel * 4] ?? 0) * 77 + (rgba[pixel * 4 + 1] ?? 0) * 150 + (rgba[pixel * 4 + 2] ?? 0) * 29) >> 8;
  }
  return luma;
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bounds(region: FrameRegion, width: number, height: number): Bounds {
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(width, Math.ceil(region.x + region.width));
  const y1 = Math.min(height, Math.ceil(region.y + region.height));
  return { x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

const wholeImage = (width: number, height: number): Bounds => ({ x0: 0, y0: 0, x1: width, y1: height });

function variance(sum: number, sumOfSquares: number, count: number): number {
  return Math.max(0, sumOfSquares / count - (sum / count) ** 2);
}

/** The luma value under which `fraction` of a histogram's count lies. */
function percentile(histogram: Uint32Array, count: number, fraction: number): number {
  const target = fraction * count;
  let seen = 0;
  for (let value = 0; value < histogram.length; value += 1) {
    seen += histogram[value] ?? 0;
    if (seen > target) return value;
  }
  return histogram.length - 1;
}

type FaceLight = Pick<FrameSignals, 'faceShadows' | 'faceClipped' | 'faceWhite' | 'faceRange'>;
type FaceSharpness = Pick<FrameSignals, 'sharpness' | 'axisSharpness' | 'detail'>;

function measureFace(luma: ArrayLike<number>, width: number, area: Bounds): FaceLight & FaceSharpness {
  const histogram = new Uint32Array(256);
  let count = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = area.y0; y < area.y1; y += 1) {
    for (let x = area.x0; x < area.x1; x += 1) {
      const value = luma[y * width + x] ?? 0;
      histogram[value] = (histogram[value] ?? 0) + 1;
      sum += value;
      sumOfSquares += value * value;
      count += 1;
    }
  }
  if (count === 0) return { faceShadows: 0, faceClipped: 0, faceWhite: 0, faceRange: 0, sharpness: 0, axisSharpness: 0, detail: 0 };
  let shadows = 0;
  let clipped = 0;
  for (let value = 0; value <= shadowLuma; value += 1) shadows += histogram[value] ?? 0;
  for (let value = highlightLuma; value < 256; value += 1) clipped += histogram[value] ?? 0;
  // The Laplacian needs a neighbour on every side: one pixel in from the area's edges (and the image's).
  const sharpness = measureSharpness(luma, width, { x0: Math.max(1, area.x0), y0: Math.max(1, area.y0), x1: area.x1 - 1, y1: area.y1 - 1 });
  const faceVariance = variance(sum, sumOfSquares, count);
  return {
    faceShadows: shadows / count,
    faceClipped: clipped / count,
    faceWhite: percentile(histogram, count, 0.98),
    faceRange: percentile(histogram, count, 0.95) - percentile(histogram, count, 0.05),
    ...sharpness,
    detail: faceVariance > 0 ? sharpness.sharpness / faceVariance : 0,
  };
}

function measureSharpness(luma: ArrayLike<number>, width: number, area: Bounds): Pick<FrameSignals, 'sharpness' | 'axisSharpness'> {
  let count = 0;
  let laplacianSum = 0;
  let laplacianSquares = 0;
  let xxSum = 0;
  let xxSquares = 0;
  let yySum = 0;
  let yySquares = 0;
  for (let y = area.y0; y < area.y1; y += 1) {
    for (let x = area.x0; x < area.x1; x += 1) {
      const at = y * width + x;
      const twice = 2 * (luma[at] ?? 0);
      const dxx = (luma[at - 1] ?? 0) + (luma[at + 1] ?? 0) - twice;
      const dyy = (luma[at - width] ?? 0) + (luma[at + width] ?? 0) - twice;
      laplacianSum += dxx + dyy;
      laplacianSquares += (dxx + dyy) * (dxx + dyy);
      xxSum += dxx;
      xxSquares += dxx * dxx;
      yySum += dyy;
      yySquares += dyy * dyy;
      count += 1;
    }
  }
  if (count === 0) return { sharpness: 0, axisSharpness: 0 };
  return {
    sharpness: variance(laplacianSum, laplacianSquares, count),
    axisSharpness: Math.min(variance(xxSum, xxSquares, count), variance(yySum, yySquares, count)),
  };
}

const lumaOf = (image: SignalImage): ArrayLike<number> => ((image.channels ?? 4) === 4 ? lumaFromRgba(image.pixels, image.width, image.height) : image.pixels);

/**
 * Light, clipping and sharpness of a (downscaled) frame and of the face in it. `region` is the face box (without a
 * detector: expectedFaceBox of the region that is sent); `face`, when given, its interior read sharper than the frame.
 */
export function computeFrameSignals(pixels: ArrayLike<number>, width: number, height: number, options: FrameSignalsOptions = {}): FrameSignals {
  const luma = lumaOf({ pixels, width, height, channels: options.channels ?? 4 });
  const box = bounds(options.region ?? expectedFaceBox({ x: 0, y: 0, width, height }), width, height);
  const count = width * height;
  const histogram = new Uint32Array(256);
  let sum = 0;
  let sumOfSquares = 0;
  let surround = 0;
  let surroundClipped = 0;
  for (let y = 0; y < height; y += 1) {
    const inRows = y >= box.y0 && y < box.y1;
    for (let x = 0; x < width; x += 1) {
      const value = luma[y * width + x] ?? 0;
      histogram[value] = (histogram[value] ?? 0) + 1;
      sum += value;
      sumOfSquares += value * value;
      if (!(inRows && x >= box.x0 && x < box.x1)) {
        surround += 1;
        if (value >= highlightLuma) surroundClipped += 1;
      }
    }
  }
  let dark = 0;
  let bright = 0;
  for (let value = 0; value <= shadowLuma; value += 1) dark += histogram[value] ?? 0;
  for (let value = highlightLuma; value < 256; value += 1) bright += histogram[value] ?? 0;
  const mean = sum / count;
  const face = options.face;
  const faceSignals = face
    ? measureFace(lumaOf(face), face.width, wholeImage(face.width, face.height))
    : measureFace(luma, width, bounds(faceInterior({ x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 }), width, height));
  return {
    meanLuma: mean,
    contrast: Math.sqrt(variance(sum, sumOfSquares, count)),
    darkFraction: dark / count,
    brightFraction: bright / count,
    frameWhite: percentile(histogram, count, 0.98),
    surroundClipped: surround > 0 ? surroundClipped / surround : 0,
    ...faceSignals,
  };
}
