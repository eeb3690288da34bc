import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import * as errorStories from './BiometricLogin.errors.stories.js';
import { BiometricLogin } from './BiometricLogin.js';
import type { BiometricLoginSuccess } from './login/biometricLoginOptions.js';
import { createPendingCamera } from './testing/fakeCameras.js';
import { BiometricLoginDocs } from './stories/BiometricLoginDocs.js';
import { withCaughtRedirect } from './stories/CaughtRedirect.js';
import { captureTimeoutMs, readyVerifyButton, wordsFor } from './stories/errorStory.js';
import { heldStill } from './stories/guidanceStory.js';
import { baseArgs, baseArgTypes, baseParameters, ownSpies, renderWithSession } from './stories/storyMeta.js';
import { sessionToken, validateRequestsWith } from './stories/storySandbox.js';
import { nightTheme, ThemeLegend, themeRule } from './stories/ThemeLegend.js';
import './stories/stories.css';
import './styles.css';

/**
 * `<BiometricLogin>` opens the camera, sends one frame to Verifik's validate endpoint with the
 * liveness-session token, and on success sends the browser to the project flow's redirect URL with the
 * login token added. Every state it can be in, one story each; every error in **BiometricLogin/Errors**.
 */
const meta = {
  title: 'BiometricLogin',
  component: BiometricLogin,
  tags: ['autodocs'],
  args: baseArgs,
  argTypes: baseArgTypes,
  parameters: {
    ...baseParameters,
    docs: { page: () => <BiometricLoginDocs errorStories={errorStories} /> },
  },
  loaders: [async () => ({ token: await sessionToken() })],
  render: renderWithSession,
} satisfies Meta<typeof BiometricLogin>;

export default meta;
type Story = StoryObj<typeof meta>;

// The story that reaches its state by clicking also plays in the docs page, so it shows the state too; the ones
// that send by themselves get there anyway. There they run side by side, so each needs spies of its own rather
// than the meta's shared ones.
const playsInDocs = { docs: { story: { autoplay: true } } };

export const Ready: Story = {
  // The flow's own ready state, as `guidance={false}` hosts get it: the button works at once, whatever the camera
  // shows. With guided capture (the default) this is where hints and the hold live: see BiometricLogin/Guidance.
  args: { guidance: false },
  async play({ canvas, args, globals }) {
    const words = wordsFor(globals);
    await readyVerifyButton(canvas, words.verify);
    await expect(canvas.getByRole('status')).toHaveTextContent(words.status.ready);
    await expect(canvas.getByLabelText(words.videoLabel)).toBeVisible();
    const root = canvas.getByRole('region', { name: words.regionLabel });
    await expect(root).toHaveAttribute('aria-busy', 'false');
    await expect(root).not.toHaveAttribute('data-guidance');
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const Idle: Story = {
  args: { autoStart: false },
  async play({ canvas, args, globals }) {
    const words = wordsFor(globals);
    await expect(await canvas.findByRole('button', { name: words.startCamera })).toBeEnabled();
    await expect(canvas.getByRole('status')).toHaveTextContent(words.status.idle);
    await expect(canvas.queryByLabelText(words.videoLabel)).toBeNull();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const CameraStarting: Story = {
  // A camera that never gets ready: the permission prompt is still open, say.
  args: { camera: createPendingCamera() },
  async play({ canvas, args, globals }) {
    const words = wordsFor(globals);
    await expect(await canvas.findByRole('button', { name: words.verify })).toBeDisabled();
    await expect(canvas.getByRole('status')).toHaveTextContent(words.status.startingCamera);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const Capturing: Story = {
  // Nobody clicks: the face is held still, the frame is taken by itself, and the host's frame check never
  // answers, so the flow stays between "picture taken" and "sent".
  args: { ...ownSpies(), checkFrame: fn(() => new Promise<undefined>(() => undefined)) },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(words.status.capturing), { timeout: captureTimeoutMs });
    await expect(canvas.getByRole('button', { name: words.verify })).toBeDisabled();
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    await expect(args.checkFrame).toHaveBeenCalledTimes(1);
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const Submitting: Story = {
  // The frame left by itself; the sandbox holds the answer for ten minutes, and the component waits that long.
  args: { ...ownSpies(), timeoutMs: 600_000 },
  loaders: [async () => ({ token: await sessionToken({ scenario: 'SLOW', delayMs: 600_000 }) })],
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(words.status.submitting), { timeout: captureTimeoutMs });
    await expect(canvas.getByRole('region', { name: words.regionLabel })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('button', { name: words.verify })).toBeDisabled();
    // "Submitting" shows as the request starts; the sandbox sees it a moment later.
    await waitFor(() => expect(validateRequestsWith(String(loaded.token))).toBe(1));
    await expect(args.onSuccess).not.toHaveBeenCalled();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

const jwt = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const loginRedirect = /^https:\/\/app\.example\.com\/callback\?next=%2Fhome&token=[\w-]+\.[\w-]+\.[\w-]+$/;

export const Success: Story = {
  // The button's way: with `autoCapture={false}` the person selects Verify identity once the face is right.
  // (Sent by itself: BiometricLogin/Guidance's AutoCaptureSuccess.)
  args: { ...ownSpies(), autoCapture: false },
  decorators: [withCaughtRedirect],
  parameters: playsInDocs,
  async play({ canvas, args, globals, loaded, userEvent }) {
    const words = wordsFor(globals);
    const verify = await readyVerifyButton(canvas, words.verify);
    await expect(canvas.getByRole('region', { name: words.regionLabel })).toHaveAttribute('data-guidance', 'fit');
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await userEvent.click(verify);
    await waitFor(() => expect(args.navigate).toHaveBeenCalledTimes(1));
    await expect(args.navigate).toHaveBeenCalledWith(expect.stringMatching(loginRedirect));
    await expect(validateRequestsWith(String(loaded.token))).toBe(1);
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: expect.stringMatching(jwt), redirectUrl: expect.stringMatching(loginRedirect) }));
    await expect(canvas.getByRole('status')).toHaveTextContent(words.status.redirecting);
    await expect(canvas.getByRole('complementary', { name: 'Caught redirect' })).toHaveTextContent('https://app.example.com/callback?next=%2Fhome&token=');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const SuccessRedirectPrevented: Story = {
  // The host takes over: onSuccess calls preventRedirect(), and the flow ends in `succeeded`. The frame left by itself.
  args: { ...ownSpies(), onSuccess: fn((success: BiometricLoginSuccess) => success.preventRedirect()) },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(words.status.succeeded), { timeout: captureTimeoutMs });
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(validateRequestsWith(String(loaded.token))).toBe(1);
    await expect(args.navigate).not.toHaveBeenCalled();
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const Spanish: Story = {
  // A good face held, in Spanish; a ten-minute hold, so the picture stays on the hold.
  args: { holdMs: 600_000 },
  globals: { locale: 'es' },
  async play({ canvas, globals }) {
    await expect(globals.locale).toBe('es');
    await heldStill(canvas, globals);
    await expect(canvas.getByRole('progressbar', { name: 'Quieto' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Bien. Quédate quieto…');
    await expect(canvas.getByRole('button', { name: 'Verificar identidad' })).toBeEnabled();
    await expect(canvas.getByRole('region', { name: 'Inicio de sesión facial' })).toHaveAttribute('lang', 'es');
  },
};

const themeClass = 'story-theme-night';

export const Theming: Story = {
  // A ten-minute hold, so the themed oval and hold bar stay in the picture.
  args: { className: themeClass, holdMs: 600_000 },
  render: (args, context) => (
    <>
      <style>{themeRule(themeClass, nightTheme)}</style>
      {renderWithSession(args, context)}
      <ThemeLegend theme={nightTheme} />
    </>
  ),
  async play({ canvas, globals }) {
    const words = wordsFor(globals);
    await heldStill(canvas, globals);
    const verify = await readyVerifyButton(canvas, words.verify);
    const root = canvas.getByRole('region', { name: words.regionLabel });
    await expect(root).toHaveClass('bl-root', themeClass);
    await expect(getComputedStyle(root).backgroundColor).toBe('rgb(15, 23, 42)');
    await expect(getComputedStyle(verify).backgroundColor).toBe('rgb(251, 191, 36)');
    await expect(getComputedStyle(root).borderRadius).toBe('24px');
    // The oval of a face held right takes the theme's --bl-color-guide-fit.
    await expect(root).toHaveAttribute('data-guidance', 'fit');
    const guide = root.querySelector('.bl-guide');
    await expect(guide && getComputedStyle(guide).borderTopColor).toBe('rgb(56, 189, 248)');
  },
};
