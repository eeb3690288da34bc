import { foreignRedirectUrl, slowTimeoutMs } from '../scenarioSettings';
import type { DemoText } from './DemoText';

const seconds = slowTimeoutMs / 1000;
const foreignHost = new URL(foreignRedirectUrl).host;

export const en: DemoText = {
  languageLabel: 'Language',
  login: {
    documentTitle: 'Face login demo · biometric-login',
    heading: 'Log in with your face',
    intro:
      'This page runs <BiometricLogin> from @biometric-login/react. It opens your camera and checks, in your browser, that one face is in the oval, well lit and sharp; then it sends one picture on its own to the verification API and, once your face is verified, takes you back to the app with a login token.',
    sandboxNote: {
      title: 'Sandbox mode',
      body: 'The verification API here is an offline stand-in, served by the same local server as this page. Your picture goes only to it and is not kept: nothing leaves this machine.',
    },
    liveNote: (apiHost) => ({
      title: 'Live mode',
      body: `Your picture is sent only to ${apiHost}, the verification service of the app that started this login.`,
    }),
    noSession: {
      title: 'No login session',
      body: "Open this page from your app's login link: it carries the session in the address (#token=…).",
    },
    settingsHeading: 'Try a scenario',
    scenarioLabel: 'What the API answers',
    scenarios: {
      success: { label: 'Success', hint: 'Your face is verified and you land on the callback page with a login token.' },
      INVALID_BIOMETRIC_DATA: { label: 'Unreadable face', hint: 'The first attempt gets INVALID_BIOMETRIC_DATA; “Try again” then succeeds.' },
      LIVENESS_DETECTION_FAILED: { label: 'Liveness check fails', hint: 'The first attempt gets LIVENESS_DETECTION_FAILED; “Try again” then succeeds.' },
      IDENTITY_VERIFICATION_FAILED: { label: 'Face does not match', hint: 'The first attempt gets IDENTITY_VERIFICATION_FAILED; “Try again” then succeeds.' },
      SERVER_ERROR: { label: 'Server error', hint: 'The first attempt and both automatic retries get HTTP 503; “Try again” then succeeds.' },
      RATE_LIMITED: { label: 'Too many attempts', hint: 'The first attempt and both automatic retries get HTTP 429; “Try again” then succeeds.' },
      SLOW: { label: 'Slow server', hint: `The API takes longer than ${seconds} s, so the component gives up (TIMEOUT); “Try again” then succeeds.` },
      INVALID_RESPONSE: { label: 'Unusable answer', hint: 'The API says success but sends no token, which the component refuses; “Try again” then succeeds.' },
      expiredSession: { label: 'Expired session', hint: 'The session token has already expired: the component says so before opening the camera.' },
      foreignRedirect: {
        label: 'Redirect outside the allowlist',
        hint: `The return address is on ${foreignHost}, which is not allowed: the component refuses it (REDIRECT_NOT_ALLOWED) and sends nothing.`,
      },
    },
    cameraLegend: 'Camera',
    cameraWebcam: 'My webcam',
    cameraSample: 'A sample face (no webcam needed)',
    newSession: 'New session',
    sessionLoading: 'Creating a sandbox session…',
    sessionFailed: (reason) => `Could not create a sandbox session (${reason}).`,
  },
  callback: {
    documentTitle: 'Login token received · biometric-login',
    heading: 'Login token received',
    intro: 'The login page sent you here with a login token in the address (?token=…). An app’s server would now verify it and open a session.',
    notVerified: {
      title: 'Decoded, not verified',
      body: 'The claims below were decoded in your browser without checking the signature. Do not trust them as they are: a server must verify the token first.',
    },
    claimsHeading: 'Claims',
    claimNames: { sub: 'Validation id', livenessSession: 'Liveness session', type: 'Token type', iat: 'Issued at', exp: 'Expires at' },
    expired: 'expired',
    truncated: (length) => `… (${length.toLocaleString('en')} characters in all)`,
    moreClaims: (count) => `${count.toLocaleString('en')} more ${count === 1 ? 'claim' : 'claims'} not shown.`,
    tokenHeading: 'The token',
    noToken: {
      title: 'No token here',
      body: 'This page expects ?token=… in its address. The token is removed from the address once read, so a reload shows this.',
    },
    malformed: { title: 'Not a readable token', body: 'The token in the address is not a JWT this page can decode.' },
    failed: {
      title: 'This page could not show the token',
      body: 'Something in the token it received stopped this page from showing it. Nothing was sent anywhere; log in again to get a new token.',
    },
    loginAgain: 'Log in again',
  },
};
