import { BiometricLoginError } from './BiometricLoginError.js';

export interface FrameSize {
  width: number;
  height: number;
}

/**
 * The largest frame sent, for a landscape camera; a portrait camera (an upright phone) gets them turned, so a
 * 720x1280 camera is held to 720 wide and 1280 high, as a 1280x720 one is to 1280 by 720.
 */
export interface FrameLimits {
  /** Default 1280. */
  maxWidth?: number;
  /** Default 720: Verifik's own login page wants at least 600 px of height. */
  maxHeight?: number;
}

export interface FrameRegion extends FrameSize {
  x: number;
  y: number;
}

export interface FrameOptions extends FrameLimits {
  /**
   * Width/height of the face-centred region sent, cut from the middle of the camera frame at full
   * resolution. Default 3/4 (portrait: 540x720 of a 1280x720 camera): the face keeps every pixel, the
   * background is left out. 'camera' sends the whole frame.
   */
  aspectRatio?: number | 'camera';
}

export interface EncodeFrameOptions extends FrameOptions {
  /** JPEG quality from 0 to 1. Default 0.85. */
  quality?: number;
  /** Reuse one canvas across captures; by default one is made per call. */
  canvas?: HTMLCanvasElement;
}

export interface EncodedFrame extends FrameSize {
  /** Raw base64 JPEG, no `data:` prefix. */
  base64: string;
  /** Size of the JPEG in bytes. */
  bytes: number;
}

export const defaultFrameLimits = { maxWidth: 1280, maxHeight: 720 } as const;
export const defaultJpegQuality = 0.85;
export const defaultAspectRatio = 3 / 4;

/** The centred region of `source` with the given width/height ratio, as large as fits. */
export function centredRegion(source: FrameSize, aspectRatio: number | 'camera' = defaultAspectRatio): FrameRegion {
  if (aspectRatio === 'camera' || !(aspectRatio > 0)) return { x: 0, y: 0, ...source };
  const width = Math.min(source.width, Math.round(source.height * aspectRatio));
  const height = Math.min(source.height, Math.round(width / aspectRatio));
  // Even offsets: a VideoFrame's visible rectangle must fall on chroma samples of 4:2:0 video.
  const even = (value: number) => 2 * Math.floor(value / 2);
  return { x: even((source.width - width) / 2), y: even((source.height - height) / 2), width, height };
}

/** The largest size within the limits that keeps the source's aspect ratio; never upscales. */
export function fitFrameSize(source: FrameSize, limits: FrameLimits = {}): FrameSize {
  const maxWidth = limits.maxWidth ?? defaultFrameLimits.maxWidth;
  const maxHeight = limits.maxHeight ?? defaultFrameLimits.maxHeight;
  if (!(source.width > 0 && source.height > 0)) {
    throw new BiometricLoginError('CAPTURE_FAILED', { detail: 'the video has no dimensions yet' });
  }
  const scale = Math.min(1, maxWidth / source.width, maxHeight / source.height);
  return { width: Math.max(1, Math.round(source.width * scale)), height: Math.max(1, Math.round(source.height * scale)) };
}

export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** The frame as the camera delivers it: a playing <video> has it in videoWidth/videoHeight. */
export function videoFrameSize(video: Pick<HTMLVideoElement, 'videoWidth' | 'videoHeight'>): FrameSize {
  return { width: video.videoWidth, height: video.videoHeight };
}

/**
 * Draws the face-centred region of the current video frame into `canvas` at the camera's own resolution
 * (within the limits; never the on-screen size, never mirrored). Calling it once before the real capture
 * warms the canvas: the first draw into a new canvas costs more than the draw and the JPEG encode after it.
 */
export function drawFrame(source: HTMLVideoElement, canvas: HTMLCanvasElement, options: FrameOptions = {}): FrameSize {
  const region = centredRegion(fitFrameSize(videoFrameSize(source), { maxWidth: Infinity, maxHeight: Infinity }), options.aspectRatio);
  const camera = videoFrameSize(source);
  const portrait = camera.height > camera.width;
  const maxWidth = options.maxWidth ?? defaultFrameLimits.maxWidth;
  const maxHeight = options.maxHeight ?? defaultFrameLimits.maxHeight;
  const size = fitFrameSize(region, portrait ? { maxWidth: maxHeight, maxHeight: maxWidth } : { maxWidth, maxHeight });
  if (canvas.width !== size.width) canvas.width = size.width;
  if (canvas.height !== size.height) canvas.height = size.height;
  const context = canvas.getContext('2d', { alpha: false });
  if (context === null) throw new BiometricLoginError('CAPTURE_FAILED', { detail: 'no 2D canvas context' });
  drawRegion(context, source, region, size);
  return size;
}

/** One frame as the JPEG to send: drawn by drawFrame, then encoded. */
export function encodeFrame(source: HTMLVideoElement, options: EncodeFrameOptions = {}): EncodedFrame {
  const canvas = options.canvas ?? source.ownerDocument.createElement('canvas');
  const size = drawFrame(source, canvas, options);
  const dataUrl = canvas.toDataURL('image/jpeg', options.quality ?? defaultJpegQuality);
  const prefix = 'data:image/jpeg;base64,';
  if (!dataUrl.startsWith(prefix)) throw new BiometricLoginError('CAPTURE_FAILED', { detail: 'the browser did not encode a JPEG' });
  const base64 = dataUrl.slice(prefix.length);
  return { base64, bytes: base64ByteLength(base64), ...size };
}

/**
 * Where WebCodecs exists, a VideoFrame cropped to the region converts only those pixels from the camera's
 * YUV (measured in Chromium: ~40% faster than drawImage cropping the whole frame); elsewhere drawImage.
 */
function drawRegion(context: CanvasRenderingContext2D, source: HTMLVideoElement, region: FrameRegion, size: FrameSize): void {
  const VideoFrameClass = (globalThis as { VideoFrame?: typeof VideoFrame }).VideoFrame;
  if (VideoFrameClass !== undefined) {
    let frame: VideoFrame | undefined;
    try {
      frame = new VideoFrameClass(source, { visibleRect: region });
      context.drawImage(frame, 0, 0, size.width, size.height);
      return;
    } catch {
      // An odd-sized or not yet decodable frame: the plain path below still works.
    } finally {
      frame?.close();
    }
  }
  context.drawImage(source, region.x, region.y, region.width, region.height, 0, 0, size.width, size.height);
}

/**
 * True when a sample of the frame is (nearly) one flat colour: cameras, Chromium's fake one included,
 * deliver black frames before the first real one. `rgba` is ImageData.data of a small sample.
 */
export function isBlankFrame(rgba: ArrayLike<number>, tolerance = 6): boolean {
  let min = 255;
  let max = 0;
  for (let index = 0; index + 2 < rgba.length; index += 4) {
    const luma = ((rgba[index] ?? 0) * 299 + (rgba[index + 1] ?? 0) * 587 + (rgba[index + 2] ?? 0) * 114) / 1000;
    if (luma < min) min = luma;
    if (luma > max) max = luma;
  }
  return max - min <= tolerance;
}
