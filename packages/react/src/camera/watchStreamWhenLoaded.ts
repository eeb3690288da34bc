import { BiometricLoginError } from '@biometric-login/core';
import { stopStream } from './stopStream.js';
import { type LoginRuntime, loginRuntime } from '../login/useLoginRuntime.js';
import type { StreamCallbacks } from './watchStream.js';

/**
 * The login runtime's watchStream, once it has loaded (it almost always has: it started loading when the camera
 * was asked for). Returns the one function that stops everything, the stream included, whenever it is called.
 */
export function watchStreamWhenLoaded(video: HTMLVideoElement, stream: MediaStream, callbacks: { readonly current: StreamCallbacks }): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  const start = (runtime: LoginRuntime) => {
    if (!stopped) stop = runtime.watchStream(video, stream, callbacks);
  };
  const runtime = loginRuntime();
  if (runtime instanceof Promise) {
    runtime.then(start, (cause: unknown) => {
      if (stopped) return;
      stopStream(stream);
      callbacks.current.onError(new BiometricLoginError('NETWORK_ERROR', { detail: 'the login code could not be loaded', cause }));
    });
  } else start(runtime);
  return () => {
    stopped = true;
    if (stop !== undefined) stop();
    else stopStream(stream);
  };
}
