// The lazily loaded part of guided capture: the frame loop on the main thread, feeding the face analyzer
// worker, and the light-and-sharpness fallback when the detector cannot load. Imported only once the camera
// runs with guidance on, so none of it (nor the worker, nor the model) weighs on the first paint.
import type { FrameRegion, FrameSize } from '@biometric-login/core';
import { computeFrameSignals, expectedFaceBox, faceInterior, type FrameAnalysis, type GuidanceState, initialGuidanceState, trackGuidance } from '@biometric-login/core/guidance';
import { createFaceAnalyzer, type FaceAnalyzer, FaceAnalyzerError } from './faceAnalyzer.js';

/** 'loading' until the detector answers; 'limited' when it cannot (light and sharpness are still judged). */
export type DetectorStatus = 'loading' | 'ready' | 'limited';

export interface GuidanceUpdate extends GuidanceState {
  detector: DetectorStatus;
}

export interface GuidanceLoopOptions {
  video: HTMLVideoElement;
  /** The part of the camera frame that is sent, from the frame's real size. */
  region: (frame: FrameSize) => FrameRegion;
  onUpdate: (update: GuidanceUpdate) => void;
  /** Where faceAnalyzer.worker.js and blazeface.bin are served, when the bundler does not emit them. */
  assetsUrl?: string | undefined;
  /** How long a good frame is held before it is ready. Default 1000 ms. */
  holdMs?: number | undefined;
  /** The detector gets this long to load before light and sharpness carry on alone. Default 4000 ms. */
  loadTimeoutMs?: number | undefined;
  /** Start paused (nothing may be captured now); setPaused changes it. Default false. */
  paused?: boolean | undefined;
}

export interface GuidanceLoop {
  /** Starts the hold over (after a capture, or a retry). */
  reset(): void;
  /** Stops analysing while nothing may be captured (a request in flight, an error shown), and resumes. */
  setPaused(paused: boolean): void;
  stop(): void;
}

/** A worker that fails this many frames in a row has died: light and sharpness carry on without it. */
const maxFailuresInARow = 3;
/** A person waits at most this long for a detector that does not load: then light and sharpness carry on alone. */
const defaultLoadTimeoutMs = 4000;

/** At most one frame in flight, and no more often than this: ~6 analyses a second. */
const minIntervalMs = 150;
/** The fallback reads a frame this wide on the main thread: about 1 ms. */
const fallbackWidth = 160;

function frameSize(video: HTMLVideoElement): FrameSize {
  return { width: video.videoWidth, height: video.videoHeight };
}

/** The current video frame for the worker: a VideoFrame where WebCodecs exists (no copy), else an ImageBitmap. */
async function grabFrame(video: HTMLVideoElement): Promise<VideoFrame | ImageBitmap> {
  const VideoFrameClass = (globalThis as { VideoFrame?: typeof VideoFrame }).VideoFrame;
  if (VideoFrameClass !== undefined) {
    try {
      return new VideoFrameClass(video);
    } catch {
      // A frame not yet decodable: an ImageBitmap of the element still works.
    }
  }
  return createImageBitmap(video);
}

/** The face's interior is read at this size, as the worker reads it: the same light and sharpness on the same pixels. */
const faceSide = 96;

function readCanvas(canvas: HTMLCanvasElement | OffscreenCanvas, width: number, height: number): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  // Setting a canvas's size clears and reallocates it, even to the same size.
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  // Two calls, not one on the union: TypeScript picks getContext's overload per canvas type.
  return canvas instanceof HTMLCanvasElement ? canvas.getContext('2d', { willReadFrequently: true }) : canvas.getContext('2d', { willReadFrequently: true });
}

/** Two canvases the limited mode reads through: the frame, small, and the face's interior. */
export type FallbackCanvases = readonly [HTMLCanvasElement | OffscreenCanvas, HTMLCanvasElement | OffscreenCanvas];

/**
 * Light and sharpness without the detector, on the main thread: a small copy of the frame, and the face's interior
 * where the oval asks for it, read as the worker reads a detected one.
 */
export function fallbackAnalysis(source: CanvasImageSource, frame: FrameSize, canvases: FallbackCanvases, sent: (frame: FrameSize) => FrameRegion): FrameAnalysis | undefined {
  if (frame.width === 0 || frame.height === 0) return undefined;
  const width = fallbackWidth;
  const height = Math.max(1, Math.round((fallbackWidth * frame.height) / frame.width));
  const scale = width / frame.width;
  const box = expectedFaceBox(sent(frame));
  const inner = faceInterior(box);
  const frameContext = readCanvas(canvases[0], width, height);
  const faceContext = readCanvas(canvases[1], faceSide, faceSide);
  if (frameContext === null || faceContext === null) return undefined;
  frameContext.drawImage(source, 0, 0, width, height);
  faceContext.drawImage(source, inner.x, inner.y, inner.width, inner.height, 0, 0, faceSide, faceSide);
  const region = { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
  const face = { pixels: faceContext.getImageData(0, 0, faceSide, faceSide).data, width: faceSide, height: faceSide };
  return { faces: undefined, signals: computeFrameSignals(frameContext.getImageData(0, 0, width, height).data, width, height, { region, face }), frame };
}

/** Starts analysing the video. Every listener, timer and the worker end with stop(). */
export function startGuidance(options: GuidanceLoopOptions): GuidanceLoop {
  const { video } = options;
  let state: GuidanceState = initialGuidanceState;
  let detector: DetectorStatus = 'loading';
  let stopped = false;
  let paused = options.paused ?? false;
  let failures = 0;
  let inFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fallbackCanvases = [video.ownerDocument.createElement('canvas'), video.ownerDocument.createElement('canvas')] as const;
  let analyzer: FaceAnalyzer | undefined;

  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  /** Frames grabbed before this (say, in flight when capture stopped) belong to a hold that no longer counts. */
  let resetAt = Number.NEGATIVE_INFINITY;
  const publish = () => options.onUpdate({ ...state, detector });
  /** Judges a frame as of the moment it was grabbed, not when the worker answered: the hold is the person's, not the worker's. */
  const take = (analysis: FrameAnalysis, grabbedAt: number) => {
    if (paused || grabbedAt < resetAt) return;
    clearTimeout(holdTimer);
    state = trackGuidance(state, analysis, options.region(analysis.frame), grabbedAt, { holdMs: options.holdMs });
    publish();
    // A hold under way completes on time, not at whichever analysis comes after it: every frame so far was good.
    if (state.fit && !state.ready && state.goodSince !== undefined) {
      const due = state.goodSince + (options.holdMs ?? 1000);
      holdTimer = setTimeout(() => {
        if (stopped || paused) return;
        take(analysis, due);
      }, Math.max(0, due - performance.now()));
    }
  };
  const limit = () => {
    if (detector === 'limited' || stopped) return;
    detector = 'limited';
    clearTimeout(holdTimer);
    resetAt = performance.now();
    analyzer?.close();
    analyzer = undefined;
    state = initialGuidanceState;
    publish();
  };

  try {
    analyzer = createFaceAnalyzer({ assetsUrl: options.assetsUrl });
    const loadTimer = setTimeout(limit, options.loadTimeoutMs ?? defaultLoadTimeoutMs);
    analyzer.ready.then(
      () => {
        clearTimeout(loadTimer);
        if (stopped || detector === 'limited') return;
        detector = 'ready';
        publish();
      },
      () => {
        clearTimeout(loadTimer);
        limit();
      },
    );
  } catch {
    limit();
  }

  async function step() {
    timer = undefined;
    if (stopped) return;
    const started = performance.now();
    if (!paused && !inFlight && video.readyState >= 2 && video.videoWidth > 0) {
      inFlight = true;
      try {
        const grabbedAt = performance.now();
        if (detector === 'ready' && analyzer !== undefined) take(await analyzer.analyze(await grabFrame(video)), grabbedAt);
        else if (detector === 'limited') {
          const analysis = fallbackAnalysis(video, frameSize(video), fallbackCanvases, options.region);
          if (analysis !== undefined) take(analysis, grabbedAt);
        }
        failures = 0;
      } catch (error) {
        // One frame that could not be analysed is skipped; a worker that fails frame after frame has died, and one
        // that does not answer in time is hung or too slow for this device: no one waits on it.
        failures += 1;
        const hung = error instanceof FaceAnalyzerError && error.code === 'timedOut';
        if (detector === 'ready' && (hung || failures >= maxFailuresInARow)) limit();
      } finally {
        inFlight = false;
      }
    }
    if (!stopped) timer = setTimeout(() => void step(), Math.max(0, minIntervalMs - (performance.now() - started)));
  }
  void step();

  return {
    reset() {
      clearTimeout(holdTimer);
      resetAt = performance.now();
      state = initialGuidanceState;
      publish();
    },
    setPaused(next) {
      paused = next;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(holdTimer);
      analyzer?.close();
      analyzer = undefined;
    },
  };
}
