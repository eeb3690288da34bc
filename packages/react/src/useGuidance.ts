import { centredRegion, type FrameSize, type GuidanceHint } from '@biometric-login/core';
import { useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest.js';
import type { CameraHandle } from './cameraDriver.js';
import type { GuidanceLoop, GuidanceUpdate } from './guidance/guidanceLoop.js';

/**
 * - 'off': no guidance (turned off, or a camera that shows no video): capture is unguided, as before;
 * - 'loading': the face detector is loading; nothing may be captured yet;
 * - 'active': every frame is checked for one well-placed, well-lit, sharp face;
 * - 'limited': the detector could not load or run: light and sharpness are still checked.
 */
export type GuidanceStatus = 'off' | 'loading' | 'active' | 'limited';

export interface GuidanceView {
  status: GuidanceStatus;
  /** The one thing the person should fix now, or `undefined` when all is well (or nothing is judged yet). */
  hint: GuidanceHint | undefined;
  /** The latest frame is fit to send: "Verify identity" may capture. */
  fit: boolean;
  /** 0..1: how much of the hold is done (in tenths, so holding still re-renders ten times, not per frame). */
  holdProgress: number;
  /** The hold is done: auto-capture may fire. */
  ready: boolean;
  /** No frame has been fit to send for `sendAnywayAfterMs` while capture was allowed: offer to send one as it is. */
  offerSendAnyway: boolean;
}

export interface GuidanceOptions {
  enabled: boolean;
  /** The live camera, once it shows a real frame. */
  camera: CameraHandle | null;
  /** The width/height ratio of the frame that is sent (FrameOptions.aspectRatio). */
  aspectRatio: number | 'camera' | undefined;
  assetsUrl: string | undefined;
  holdMs: number | undefined;
  sendAnywayAfterMs: number | false | undefined;
  /** Nothing may be captured now (a request in flight, an error shown): the frames are not analysed meanwhile. */
  paused: boolean;
}

const off: GuidanceView = { status: 'off', hint: undefined, fit: false, holdProgress: 0, ready: false, offerSendAnyway: false };
const loading: GuidanceView = { ...off, status: 'loading' };

function viewOf(update: GuidanceUpdate): GuidanceView {
  const status: GuidanceStatus = update.detector === 'ready' ? 'active' : update.detector;
  // Fit only once the shown hint agrees (two good analyses): the words, the oval and the button never disagree.
  const fit = update.fit && update.hint === undefined;
  return { status, hint: update.hint, fit, holdProgress: fit ? Math.floor(update.holdProgress * 10) / 10 : 0, ready: fit && update.ready, offerSendAnyway: update.offerSendAnyway };
}

function sameView(a: GuidanceView, b: GuidanceView): boolean {
  return a.status === b.status && a.hint === b.hint && a.fit === b.fit && a.holdProgress === b.holdProgress && a.ready === b.ready && a.offerSendAnyway === b.offerSendAnyway;
}

/** Guided capture for one camera: loads the analyzer lazily once the camera shows a frame, and stops it with the camera. */
export function useGuidance({ enabled, camera, aspectRatio, assetsUrl, holdMs, sendAnywayAfterMs, paused }: GuidanceOptions): GuidanceView {
  const video = enabled ? camera?.video : undefined;
  // The view belongs to one video: another camera (or none) starts from "loading" (or "off"), without an extra render.
  const [seen, setSeen] = useState<{ video: HTMLVideoElement; view: GuidanceView } | undefined>(undefined);
  const view = video === undefined ? off : seen?.video === video ? seen.view : loading;
  const loop = useRef<GuidanceLoop | undefined>(undefined);
  const pausedNow = useLatest(paused);

  useEffect(() => {
    if (video === undefined) return;
    let stopped = false;
    const region = (frame: FrameSize) => centredRegion(frame, aspectRatio);
    const onUpdate = (update: GuidanceUpdate) => {
      const next = viewOf(update);
      setSeen((current) => (current?.video === video && sameView(current.view, next) ? current : { video, view: next }));
    };
    // The analyzer, its worker and its model load only now, after the camera started: never before the first paint.
    import('./guidance/guidanceLoop.js').then(
      ({ startGuidance }) => {
        if (!stopped) loop.current = startGuidance({ video, region, onUpdate, assetsUrl, holdMs, sendAnywayAfterMs, paused: pausedNow.current });
      },
      () => {
        // The chunk itself could not load (offline, a CSP): the person still logs in, unguided.
        if (!stopped) setSeen({ video, view: off });
      },
    );
    return () => {
      stopped = true;
      loop.current?.stop();
      loop.current = undefined;
    };
  }, [video, aspectRatio, assetsUrl, holdMs, sendAnywayAfterMs, pausedNow]);

  // Paused, the hold is emptied at once: when capture is allowed again (after "Try again"), a good face must be
  // held anew before auto-capture fires; a hold from before the failure never counts. A loop that starts later
  // starts paused or not (above).
  useEffect(() => {
    loop.current?.setPaused(paused);
    if (paused) loop.current?.reset();
  }, [paused]);

  return view;
}
