// Messages between createFaceAnalyzer (main thread) and faceAnalyzer.worker (module worker).
import type { FrameAnalysis } from '@biometric-login/core';

/** One frame analysed by the worker: faces (the detector ran) and signals, plus the worker's own time. */
export interface WorkerAnalysis extends FrameAnalysis {
  faces: NonNullable<FrameAnalysis['faces']>;
  /** Time spent in the worker for this frame, in milliseconds. */
  workerMs: number;
}

/**
 * - workerUnavailable: the worker could not start (a CSP, a 404); modelUnavailable: the model could not be fetched or read;
 * - modelRejected: the model's bytes do not match the digest the package ships, so it is not used;
 * - analysisFailed: one frame could not be analysed; timedOut: an analysis did not answer in time (a hung worker, a
 *   device too slow for the model); closed: the analyzer was closed.
 */
export const faceAnalyzerErrorCodes = ['workerUnavailable', 'modelUnavailable', 'modelRejected', 'analysisFailed', 'timedOut', 'closed'] as const;
export type FaceAnalyzerErrorCode = (typeof faceAnalyzerErrorCodes)[number];

/** Bumped whenever a message changes: a worker from another release (a stale cache, a CDN) is not talked to. */
export const workerProtocolVersion = 2;

export interface DetectorSettings {
  /** Longer side of the detector's input, a multiple of 32. */
  inputSide: number;
  /** Minimum score of the first pass. */
  minScore: number;
  /** Minimum score of the second look at each candidate. */
  recheckScore: number;
  /** A face overlapping the last verified one within this many ms skips the recheck. */
  recheckReuseMs: number;
  /** Longer side of the image the signals are computed on. */
  signalsSide: number;
}

/** The detector's defaults, in one place: the analyzer's options fall back to these. */
export const defaultDetectorSettings: DetectorSettings = { inputSide: 160, minScore: 0.7, recheckScore: 0.75, recheckReuseMs: 1000, signalsSide: 320 };

/**
 * The second look at each candidate: the region around it, twice its size, at this side, kept when the detector scores
 * its centre at least recheckScore; the first pass of that look lets anything above this through.
 */
export const recheckSide = 128;
export const recheckMinScore = 0.1;

export type WorkerRequest =
  | { type: 'init'; version: number; modelUrl: string; modelSha256: string; settings: DetectorSettings }
  | { type: 'analyze'; id: number; source: ImageBitmap | VideoFrame };

export type WorkerResponse =
  | { type: 'ready'; version: number; loadMs: number }
  | { type: 'failed'; code: FaceAnalyzerErrorCode; detail: string }
  | { type: 'result'; id: number; result: WorkerAnalysis }
  | { type: 'error'; id: number; code: FaceAnalyzerErrorCode; detail: string };
