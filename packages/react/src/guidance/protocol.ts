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

export interface DetectorSettings {
  /** Longer side of the detector's input, a multiple of 32 (default 160). */
  inputSide: number;
  /** Minimum score of the first pass (default 0.7). */
  minScore: number;
  /** Minimum score of the second look at each candidate (default 0.75). */
  recheckScore: number;
  /** A face overlapping the last verified one within this many ms skips the recheck (default 1000). */
  recheckReuseMs: number;
  /** Longer side of the image the signals are computed on (default 320). */
  signalsSide: number;
}

export type WorkerRequest =
  | { type: 'init'; modelUrl: string; modelSha256: string; settings: DetectorSettings }
  | { type: 'analyze'; id: number; source: ImageBitmap | VideoFrame };

export type WorkerResponse =
  | { type: 'ready'; loadMs: number }
  | { type: 'failed'; code: FaceAnalyzerErrorCode; detail: string }
  | { type: 'result'; id: number; result: WorkerAnalysis }
  | { type: 'error'; id: number; code: FaceAnalyzerErrorCode; detail: string };
