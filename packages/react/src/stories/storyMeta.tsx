import type { ArgTypes, StoryFn } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { BiometricLogin, type BiometricLoginProps } from '../BiometricLogin.js';
import { faceCamera, redirectUrl, sandboxHandlers } from './storySandbox.js';

/** What every story shares: the fixture-face camera, spies for each callback, the sandbox behind MSW. */
export const baseArgs: BiometricLoginProps = {
  // Each story's loader creates its own sandbox session and the render passes its token.
  token: '',
  projectFlow: { redirectUrl },
  allowedRedirectOrigins: ['https://app.example.com'],
  camera: faceCamera,
  onSuccess: fn(),
  onError: fn(),
  navigate: fn(),
};

/**
 * Spies of a story's own, in place of the meta's shared ones: for a story that plays in the docs page, where the
 * stories run side by side.
 */
export const ownSpies = () => ({ onSuccess: fn(), onError: fn(), navigate: fn() });

const fromTheStory = { control: false } as const;

export const baseArgTypes: Partial<ArgTypes<BiometricLoginProps>> = {
  token: { ...fromTheStory, description: 'The liveness-session JWT. Here each story creates a sandbox session for it.' },
  projectFlow: { description: 'Where the browser goes on success, with `token=<login token>` added (https, or http on localhost).' },
  apiBaseUrl: { description: 'The API origin and path prefix. Default `https://api.verifik.co` (answered here by the sandbox through MSW).' },
  onSuccess: { ...fromTheStory, description: 'Called once with `{ token, data, redirectUrl, preventRedirect() }` before the redirect.' },
  onError: { ...fromTheStory, description: 'Called once per failure with a `BiometricLoginError`; branch on `error.code` (table below).' },
  className: { description: 'Added next to `bl-root` on the root; a theme hook (see the Theming story).' },
  camera: { ...fromTheStory, description: 'Where frames come from; here a fake camera filming the fixture face.' },
  locale: { ...fromTheStory, description: "'en' (default) or 'es'. Here it follows the toolbar's Language." },
  fetch: { ...fromTheStory, description: 'Injection point for tests and unusual hosts. Default the global `fetch`.' },
  navigate: { ...fromTheStory, description: 'How to leave the page on success; a spy here, so the story never leaves.' },
  checkFrame: { ...fromTheStory, description: 'A last look at the frame before it is sent; return an error to refuse it.' },
  guidance: {
    control: 'boolean',
    description: 'Guided capture: each frame is checked for one well-placed, well-lit, sharp face, one hint at a time, and nothing is sent until it is right. Default `true`; `false` sends whatever the camera shows, on the button.',
    table: { defaultValue: { summary: 'true' } },
  },
  autoCapture: {
    control: 'boolean',
    description: 'With guidance, capture and send by itself once a good face has been held still for about a second. Default `true`; `false` leaves it to the button.',
    table: { defaultValue: { summary: 'true' } },
  },
  holdMs: {
    control: 'number',
    description: 'How long a good face is held before auto-capture sends it. Default `1000` (Verifik\'s own page waits about 1.5 s); the Holding story uses ten minutes to stay on the hold.',
    table: { defaultValue: { summary: '1000' } },
  },
  sendAnywayAfterMs: {
    control: 'number',
    description: 'With guidance, how long no frame may be fit before a quiet "Send anyway" is offered below the hint, so a person the check keeps refusing is never stuck. One press sends one picture. The wait starts over after a fit frame and after "Try again". Default `10000`; `false` never offers (the Send anyway offered story uses 300 ms).',
    table: { defaultValue: { summary: '10000' } },
  },
  assetsUrl: {
    ...fromTheStory,
    description: "Folder serving the face detector's `faceAnalyzer.worker.js` and `blazeface.bin` (from the package's `dist/guidance/`), for bundlers that do not emit them. If they cannot load, guidance goes on with light and sharpness only (the Limited story).",
  },
};

/** Renders with the token the story's loader created. */
export const renderWithSession: StoryFn<BiometricLoginProps> = (args, { loaded }) => (
  <BiometricLogin {...args} token={typeof loaded.token === 'string' ? loaded.token : args.token} />
);

export const baseParameters = { msw: { handlers: sandboxHandlers } };
