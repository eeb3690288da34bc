// Main-thread client of the face analyzer worker. Nothing runs at import: the worker and the model are
// fetched only when createFaceAnalyzer() is called (after the camera starts).
import { blazefaceSha256 } from './modelDigest.js';
import { type DetectorSettings, defaultDetectorSettings, type FaceAnalyzerErrorCode, type WorkerAnalysis, type WorkerRequest, type WorkerResponse, workerProtocolVersion } from './protocol.js';

export interface FaceAnalyzerOptions {
  /**
   * Folder (absolute URL or path ending in '/') that serves faceAnalyzer.worker.js and blazeface.bin (copy them from
   * the package's dist/guidance/), for setups whose bundler does not emit `new URL('./x', import.meta.url)`
   * assets. Default: next to this module, as Vite, webpack 5 and Next.js emit them.
   */
  assetsUrl?: string;
  /** Detector input's longer side in pixels, a multiple of 32. Default 160. */
  inputSide?: number;
  /** Minimum score of the first pass. Default 0.7. */
  minScore?: number;
  /** Minimum score when each candidate is looked at again, centred and larger. Default 0.75. */
  recheckScore?: number;
  /** A face overlapping the last verified one within this many ms is not rechecked. Default 1000. */
  recheckReuseMs?: number;
  /** An analysis that has not answered after this many ms rejects with 'timedOut'. Default 3000 (a frame takes about 25). */
  analysisTimeoutMs?: number;
}

/** A frame takes about 25 ms in the worker on a 2-core laptop; one that takes a hundred times that will not guide anyone. */
const defaultAnalysisTimeoutMs = 3000;

export interface FaceAnalyzer {
  /** Resolves when the model is loaded; rejects with a FaceAnalyzerError if it cannot be. */
  readonly ready: Promise<void>;
  /** Analyses one frame. The source is transferred to the worker: do not use it afterwards. Rejects with 'timedOut' when it does not answer in time. */
  analyze(source: ImageBitmap | VideoFrame): Promise<WorkerAnalysis>;
  /** Ends the worker; pending analyses reject with code 'closed'. */
  close(): void;
}

export class FaceAnalyzerError extends Error {
  readonly code: FaceAnalyzerErrorCode;
  constructor(code: FaceAnalyzerErrorCode, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'FaceAnalyzerError';
    this.code = code;
  }
}

export function createFaceAnalyzer(options: FaceAnalyzerOptions = {}): FaceAnalyzer {
  const settings: DetectorSettings = {
    ...defaultDetectorSettings,
    ...(options.inputSide !== undefined && { inputSide: options.inputSide }),
    ...(options.minScore !== undefined && { minScore: options.minScore }),
    ...(options.recheckScore !== undefined && { recheckScore: options.recheckScore }),
    ...(options.recheckReuseMs !== undefined && { recheckReuseMs: options.recheckReuseMs }),
  };
  // Literal `new URL(..., import.meta.url)` forms so that bundlers (Vite, webpack 5, Next.js) emit both files.
  const assets = options.assetsUrl === undefined ? undefined : new URL(options.assetsUrl, location.href);
  const modelUrl = assets ? new URL('blazeface.bin', assets) : new URL('./blazeface.bin', import.meta.url);

  const analysisTimeoutMs = options.analysisTimeoutMs ?? defaultAnalysisTimeoutMs;
  const pending = new Map<number, { resolve: (r: WorkerAnalysis) => void; reject: (e: FaceAnalyzerError) => void; timer: ReturnType<typeof setTimeout> }>();
  let nextId = 1;
  let failure: FaceAnalyzerError | undefined;
  let settleReady: { resolve: () => void; reject: (e: FaceAnalyzerError) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => { settleReady = { resolve, reject }; });
  ready.catch(() => undefined); // observed through analyze() as well

  const fail = (error: FaceAnalyzerError) => {
    failure ??= error;
    settleReady?.reject(failure);
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(failure);
    }
    pending.clear();
  };

  let worker: Worker | undefined;
  try {
    worker = assets
      ? new Worker(new URL('faceAnalyzer.worker.js', assets), { type: 'module', name: 'face-analyzer' })
      : new Worker(new URL('./faceAnalyzer.worker.js', import.meta.url), { type: 'module', name: 'face-analyzer' });
  } catch (cause) {
    // a CSP without worker-src 'self' (or script-src) throws SecurityError here
    fail(new FaceAnalyzerError('workerUnavailable', { cause }));
  }
  /** The pending analysis with this id, taken off the list with its deadline cleared. */
  const settle = (id: number) => {
    const entry = pending.get(id);
    if (entry === undefined) return undefined;
    clearTimeout(entry.timer);
    pending.delete(id);
    return entry;
  };
  const onMessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        // A worker of another release speaks another protocol: not talked to, as if it had not loaded.
        if (message.version !== workerProtocolVersion) fail(new FaceAnalyzerError('workerUnavailable', { cause: `worker protocol ${message.version}, not ${workerProtocolVersion}` }));
        else settleReady?.resolve();
        return;
      case 'failed':
        fail(new FaceAnalyzerError(message.code, { cause: message.detail }));
        return;
      case 'result':
        settle(message.id)?.resolve(message.result);
        return;
      case 'error':
        settle(message.id)?.reject(new FaceAnalyzerError(message.code, { cause: message.detail }));
        return;
    }
    message satisfies never;
  };
  // the script failed to load or evaluate (404, CSP, syntax): the detector is unavailable
  const onError = (event: ErrorEvent) => fail(new FaceAnalyzerError('workerUnavailable', { cause: event.message }));
  worker?.addEventListener('message', onMessage);
  worker?.addEventListener('error', onError);
  worker?.postMessage({ type: 'init', version: workerProtocolVersion, modelUrl: modelUrl.href, modelSha256: blazefaceSha256, settings } satisfies WorkerRequest);

  return {
    ready,
    analyze(source) {
      if (failure || !worker) {
        source.close();
        return Promise.reject(failure ?? new FaceAnalyzerError('workerUnavailable'));
      }
      const id = nextId++;
      const active = worker;
      return new Promise<WorkerAnalysis>((resolve, reject) => {
        const timer = setTimeout(() => settle(id)?.reject(new FaceAnalyzerError('timedOut', { cause: `no answer in ${analysisTimeoutMs} ms` })), analysisTimeoutMs);
        pending.set(id, { resolve, reject, timer });
        active.postMessage({ type: 'analyze', id, source } satisfies WorkerRequest, [source]);
      });
    },
    close() {
      worker?.removeEventListener('message', onMessage);
      worker?.removeEventListener('error', onError);
      worker?.terminate();
      worker = undefined;
      fail(new FaceAnalyzerError('closed'));
    },
  };
}
