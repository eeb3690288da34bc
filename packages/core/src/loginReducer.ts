import type { BiometricLoginError } from './BiometricLoginError.js';
import type { ValidateBiometricResult } from './classifyResponse.js';
import { errorCodeInfo } from './errorCodes.js';

export const loginStatuses = ['idle', 'startingCamera', 'ready', 'capturing', 'submitting', 'redirecting', 'succeeded', 'failed'] as const;
export type LoginStatus = (typeof loginStatuses)[number];

export type LoginState =
  | { status: 'idle' }
  | { status: 'startingCamera' }
  | { status: 'ready' }
  | { status: 'capturing' }
  | { status: 'submitting' }
  /** Success; the browser is being sent to `redirectUrl`. */
  | { status: 'redirecting'; result: ValidateBiometricResult; redirectUrl: string }
  /** Success, and the host stopped the redirect (onSuccess called preventDefault). */
  | { status: 'succeeded'; result: ValidateBiometricResult }
  | { status: 'failed'; error: BiometricLoginError };

export type LoginEvent =
  | { type: 'START_CAMERA' }
  | { type: 'CAMERA_READY' }
  | { type: 'CAMERA_FAILED'; error: BiometricLoginError }
  | { type: 'CAPTURE' }
  | { type: 'FRAME_CAPTURED' }
  | { type: 'CAPTURE_FAILED'; error: BiometricLoginError }
  | { type: 'SUBMIT_SUCCEEDED'; result: ValidateBiometricResult; redirectUrl: string | undefined }
  | { type: 'SUBMIT_FAILED'; error: BiometricLoginError }
  | { type: 'RETRY' }
  | { type: 'RESET'; error?: BiometricLoginError };

export const initialLoginState: LoginState = { status: 'idle' };

/** The state to start from: failed at once when the configuration was refused before any camera or request. */
export function createLoginState(error?: BiometricLoginError): LoginState {
  return error === undefined ? initialLoginState : { status: 'failed', error };
}

/**
 * The whole login flow as a pure function. Events that make no sense in a state leave it untouched
 * (the same object), so a double click or a late camera callback changes nothing.
 */
export function loginReducer(state: LoginState, event: LoginEvent): LoginState {
  if (event.type === 'RESET') return createLoginState(event.error);
  switch (state.status) {
    case 'idle':
      return event.type === 'START_CAMERA' ? { status: 'startingCamera' } : state;
    case 'startingCamera':
      if (event.type === 'CAMERA_READY') return { status: 'ready' };
      if (event.type === 'CAMERA_FAILED') return { status: 'failed', error: event.error };
      return state;
    case 'ready':
      if (event.type === 'CAPTURE') return { status: 'capturing' };
      if (event.type === 'CAMERA_FAILED') return { status: 'failed', error: event.error };
      return state;
    case 'capturing':
      if (event.type === 'FRAME_CAPTURED') return { status: 'submitting' };
      if (event.type === 'CAPTURE_FAILED' || event.type === 'CAMERA_FAILED') return { status: 'failed', error: event.error };
      return state;
    case 'submitting':
      if (event.type === 'SUBMIT_FAILED') return { status: 'failed', error: event.error };
      if (event.type === 'SUBMIT_SUCCEEDED') {
        return event.redirectUrl === undefined
          ? { status: 'succeeded', result: event.result }
          : { status: 'redirecting', result: event.result, redirectUrl: event.redirectUrl };
      }
      return state;
    case 'failed':
      if (event.type === 'RETRY') return retryFrom(state.error);
      // The camera was kept for a retry and has now gone: that is the more urgent problem.
      if (event.type === 'CAMERA_FAILED' && needsCamera(state)) return { status: 'failed', error: event.error };
      return state;
    case 'redirecting':
    case 'succeeded':
      return state;
    default:
      return state satisfies never;
  }
}

function retryFrom(error: BiometricLoginError): LoginState {
  const info = errorCodeInfo[error.code];
  if (!info.userCanRetry) return { status: 'failed', error };
  return info.kind === 'camera' ? { status: 'startingCamera' } : { status: 'ready' };
}

/** Whether the camera should be streaming in this state; everything else stops its tracks. */
export function needsCamera(state: LoginState): boolean {
  switch (state.status) {
    case 'startingCamera':
    case 'ready':
    case 'capturing':
    case 'submitting':
      return true;
    case 'failed': {
      const info = errorCodeInfo[state.error.code];
      return info.userCanRetry && info.kind !== 'camera';
    }
    case 'idle':
    case 'redirecting':
    case 'succeeded':
      return false;
    default:
      return state satisfies never;
  }
}

/** A capture or request is under way, or the page is leaving: the primary action is unavailable. */
export function isBusy(state: LoginState): boolean {
  return state.status === 'capturing' || state.status === 'submitting' || state.status === 'redirecting';
}
