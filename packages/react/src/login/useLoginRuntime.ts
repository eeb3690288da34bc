import { useEffect } from 'react';
import type * as LoginRuntimeModule from './loginRuntime.js';

export type LoginRuntime = typeof LoginRuntimeModule;

let loaded: LoginRuntime | undefined;
let loading: Promise<LoginRuntime> | undefined;

/** The login runtime: at once when it has loaded (so a click's request leaves in the click's own task), else a promise. */
export function loginRuntime(): LoginRuntime | Promise<LoginRuntime> {
  if (loaded !== undefined) return loaded;
  loading ??= import('./loginRuntime.js').then(
    (runtime) => (loaded = runtime),
    (error: unknown) => {
      // A chunk that failed to load (offline for a moment) is asked for again next time.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Starts loading the runtime as soon as the camera is asked for: it arrives long before the first click. */
export function usePreloadLoginRuntime(cameraActive: boolean): void {
  useEffect(() => {
    if (!cameraActive) return;
    Promise.resolve(loginRuntime()).catch(() => undefined);
  }, [cameraActive]);
}
