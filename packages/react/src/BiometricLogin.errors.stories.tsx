import { BiometricLoginError, checkCameraSupport, defaultApiBaseUrl, validatePath } from '@biometric-login/core';
import type { Meta } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { BiometricLogin } from './BiometricLogin.js';
import { createFailingCamera } from './testing/fakeCameras.js';
import { errorStory } from './stories/errorStory.js';
import { baseArgs, baseArgTypes, baseParameters, renderWithSession } from './stories/storyMeta.js';
import { foreignToken, sessionToken, unknownSessionToken, usedSessionToken } from './stories/storySandbox.js';
import './styles.css';

/**
 * One story per error code (BiometricLogin.stories.test.ts keeps it so), each caused the way it happens for real:
 * guided capture on, as by default, so a frame leaves once the fixture face has been held still, by itself.
 */
const meta = {
  title: 'BiometricLogin/Errors',
  component: BiometricLogin,
  args: baseArgs,
  argTypes: baseArgTypes,
  // A literal: with `parameters: baseParameters` Storybook's docs enrichment adds a second `parameters` key for the
  // JSDoc above, which wins (each story sets its own handlers anyway).
  parameters: { ...baseParameters },
  render: renderWithSession,
} satisfies Meta<typeof BiometricLogin>;

export default meta;

const validate = `${defaultApiBaseUrl}${validatePath}`;
// Far more failures than the automatic retries, so the error reaches the person.
const always = Number.MAX_SAFE_INTEGER;
const cameraFailing = (name: string) => createFailingCamera(new DOMException('', name));

// The three documented 400s of the validate endpoint.

export const InvalidBiometricData = errorStory({
  code: 'INVALID_BIOMETRIC_DATA',
  cause: 'The API answers 400 `INVALID_BIOMETRIC_DATA`: no usable face in the picture.',
  session: () => sessionToken({ scenario: 'INVALID_BIOMETRIC_DATA' }),
  when: 'onCapture',
  tryAgain: true,
});

export const LivenessDetectionFailed = errorStory({
  code: 'LIVENESS_DETECTION_FAILED',
  cause: 'The API answers 400 `LIVENESS_DETECTION_FAILED`: a photo or a screen, not a live face.',
  session: () => sessionToken({ scenario: 'LIVENESS_DETECTION_FAILED' }),
  when: 'onCapture',
  tryAgain: true,
});

export const IdentityVerificationFailed = errorStory({
  code: 'IDENTITY_VERIFICATION_FAILED',
  cause: "The API answers 400 `IDENTITY_VERIFICATION_FAILED`: the face is not the account's.",
  session: () => sessionToken({ scenario: 'IDENTITY_VERIFICATION_FAILED' }),
  when: 'onCapture',
  tryAgain: true,
});

// The session.

export const SessionInvalid = errorStory({
  code: 'SESSION_INVALID',
  cause: 'The API answers 401: the token is well formed but signed with another key.',
  session: foreignToken,
  when: 'onCapture',
  tryAgain: false,
});

export const SessionInvalidReplayed = errorStory({
  code: 'SESSION_INVALID',
  cause: 'The API answers 403: the session was already used for a login (a replay).',
  session: usedSessionToken,
  when: 'onCapture',
  tryAgain: false,
});

export const SessionExpired = errorStory({
  code: 'SESSION_EXPIRED',
  cause: "The token's `exp` has passed: refused before the camera opens, nothing is sent.",
  session: () => sessionToken({ expiresInSeconds: -1 }),
  when: 'atOnce',
  tryAgain: false,
  nothingSent: true,
});

export const SessionNotFound = errorStory({
  code: 'SESSION_NOT_FOUND',
  cause: 'The API answers 404: the token is genuine but the API does not know its session.',
  session: unknownSessionToken,
  when: 'onCapture',
  tryAgain: false,
});

// The service and the network.

export const RateLimited = errorStory({
  code: 'RATE_LIMITED',
  cause: 'The API answers 429 with `Retry-After: 1`, three times: the component waits twice, then shows it.',
  session: () => sessionToken({ scenario: 'RATE_LIMITED', repeat: always }),
  when: 'onCapture',
  tryAgain: true,
  withinMs: 6000,
});

export const RequestRejected = errorStory({
  code: 'REQUEST_REJECTED',
  cause: 'The API answers another 4xx, here 413 Payload Too Large.',
  handlers: [http.post(validate, () => HttpResponse.json({ message: 'payload_too_large' }, { status: 413 }))],
  when: 'onCapture',
  tryAgain: true,
});

export const ServerError = errorStory({
  code: 'SERVER_ERROR',
  cause: 'The API answers 503 three times: two automatic retries (0.5 s, 1 s), then the error.',
  session: () => sessionToken({ scenario: 'SERVER_ERROR', repeat: always }),
  when: 'onCapture',
  tryAgain: true,
  withinMs: 5000,
});

export const NetworkError = errorStory({
  code: 'NETWORK_ERROR',
  cause: 'The request never gets an answer (connection refused, offline): two automatic retries, then the error.',
  handlers: [http.post(validate, () => HttpResponse.error())],
  when: 'onCapture',
  tryAgain: true,
  withinMs: 5000,
});

export const Timeout = errorStory({
  code: 'TIMEOUT',
  cause: 'The API takes longer than `timeoutMs` (here 300 ms); a timeout is not retried by itself.',
  session: () => sessionToken({ scenario: 'SLOW', delayMs: 10_000 }),
  args: { timeoutMs: 300 },
  when: 'onCapture',
  tryAgain: true,
});

export const InvalidResponse = errorStory({
  code: 'INVALID_RESPONSE',
  cause: 'The API answers 200 without `data.token`: the component refuses to redirect without one.',
  session: () => sessionToken({ scenario: 'INVALID_RESPONSE' }),
  when: 'onCapture',
  tryAgain: true,
});

// The camera.

export const CameraPermissionDenied = errorStory({
  code: 'CAMERA_PERMISSION_DENIED',
  cause: 'getUserMedia rejects with `NotAllowedError`: the person or the browser blocked the camera.',
  args: { camera: cameraFailing('NotAllowedError') },
  when: 'atOnce',
  tryAgain: true,
});

export const CameraNotFound = errorStory({
  code: 'CAMERA_NOT_FOUND',
  cause: 'getUserMedia rejects with `NotFoundError`: no camera on this device.',
  args: { camera: cameraFailing('NotFoundError') },
  when: 'atOnce',
  tryAgain: true,
});

export const CameraInUse = errorStory({
  code: 'CAMERA_IN_USE',
  cause: 'getUserMedia rejects with `NotReadableError`: another app holds the camera.',
  args: { camera: cameraFailing('NotReadableError') },
  when: 'atOnce',
  tryAgain: true,
});

export const CameraUnsupported = errorStory({
  code: 'CAMERA_UNSUPPORTED',
  cause: 'No camera API here: the page is not a secure context (https or localhost) or the browser is too old.',
  args: { camera: createFailingCamera(checkCameraSupport({ isSecureContext: false })) },
  when: 'atOnce',
  tryAgain: false,
});

export const CaptureFailed = errorStory({
  code: 'CAPTURE_FAILED',
  cause: 'No usable frame: here the host\'s `checkFrame` refuses the picture (say, too dark), so nothing is sent.',
  args: { checkFrame: () => new BiometricLoginError('CAPTURE_FAILED', { detail: 'the picture is too dark' }) },
  when: 'onCapture',
  tryAgain: true,
  nothingSent: true,
});

// The host's configuration.

export const RedirectNotAllowed = errorStory({
  code: 'REDIRECT_NOT_ALLOWED',
  cause: 'The redirect URL is outside `allowedRedirectOrigins` (or not https): refused at once, nothing is sent.',
  args: { projectFlow: { redirectUrl: 'https://evil.example.net/steal' } },
  when: 'atOnce',
  tryAgain: false,
  nothingSent: true,
});

export const InvalidConfiguration = errorStory({
  code: 'INVALID_CONFIGURATION',
  cause: 'A prop the schema refuses: here `apiBaseUrl` is cleartext http on the network, so the face would cross it unencrypted. Refused at once: no camera, no request.',
  args: { apiBaseUrl: 'http://api.example.com' },
  when: 'atOnce',
  tryAgain: false,
});

// The same words in Spanish, whatever the toolbar says.

export const IdentityVerificationFailedInSpanish = errorStory({
  code: 'IDENTITY_VERIFICATION_FAILED',
  cause: 'As IdentityVerificationFailed, with the Spanish words.',
  session: () => sessionToken({ scenario: 'IDENTITY_VERIFICATION_FAILED' }),
  when: 'onCapture',
  tryAgain: true,
  globals: { locale: 'es' },
});
