import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { BiometricLogin } from './BiometricLogin.js';
import { createPictureCamera } from './camera/pictureCamera.js';
import { withCaughtRedirect } from './stories/CaughtRedirect.js';
import { captureTimeoutMs, readyVerifyButton, wordsFor } from './stories/errorStory.js';
import {
  attributeValuesDuring,
  guidanceWordsFor,
  heldStill,
  hintStory,
  loginRegion,
  longerThanAHoldMs,
  waitForGuidance,
} from './stories/guidanceStory.js';
import { createPictureCameras } from './stories/pictureCameras.js';
import { baseArgs, baseArgTypes, baseParameters, ownSpies, renderWithSession } from './stories/storyMeta.js';
import { fixtureUrl, sandboxHandlers, sessionToken, validateRequestsWith } from './stories/storySandbox.js';
import './stories/stories.css';
import './styles.css';

/**
 * Guided capture: before anything is sent, each camera frame is checked for one well-placed, well-lit, sharp
 * face, and the status line asks for one fix at a time. Each story films a fixture picture (fixtures/README.md)
 * through a real MediaStream, and the real face detector judges it in its worker.
 */
const meta = {
  title: 'BiometricLogin/Guidance',
  component: BiometricLogin,
  args: baseArgs,
  argTypes: baseArgTypes,
  // An object literal, not `baseParameters` itself: Storybook's docs enrichment adds a second `parameters` key for the
  // JSDoc above when the first is not a literal, and that one would win (the MSW handlers gone).
  parameters: { ...baseParameters },
  loaders: [async () => ({ token: await sessionToken() })],
  render: renderWithSession,
} satisfies Meta<typeof BiometricLogin>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Checking: Story = {
  parameters: {
    docs: { description: { story: 'The face detector is still downloading (its model never arrives here): the button waits, and the status line says why. After 8 s without it, guided capture goes on without the detector (Limited).' } },
    msw: { handlers: [http.get(/\/blazeface\.bin$/, () => delay('infinite')), ...sandboxHandlers] },
  },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    const root = await loginRegion(canvas, globals);
    const verify = await canvas.findByRole('button', { name: words.verify });
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: captureTimeoutMs });
    await expect(canvas.getByRole('status')).toHaveTextContent(words.checkingCamera);
    await expect(verify).toBeDisabled();
    await expect(verify).toHaveAccessibleDescription(words.checkingCamera);
    // No verdict, and none coming while the model downloads: no oval colour, no hint, no hold bar.
    await expect(await attributeValuesDuring(root, 'data-guidance', longerThanAHoldMs)).toEqual([null]);
    await expect(canvas.getByRole('status')).toHaveTextContent(words.checkingCamera);
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const NoFace = hintStory({ hint: 'face', picture: 'noface_coffee_1280x720.jpg', description: 'A coffee cup and no face.' });

export const TwoFaces = hintStory({ hint: 'oneFace', picture: 'two_faces_1280x720.jpg', description: 'Two faces side by side: only one may log in.' });

export const TooFar = hintStory({ hint: 'closer', picture: 'face_far_1280x720.jpg', description: 'The face is small in the middle of the frame (about 120 px wide; Verifik wants 234).' });

export const TooNear = hintStory({ hint: 'back', picture: 'face_near_1280x720.jpg', description: 'The face fills more than the oval.' });

export const OffCentre = hintStory({ hint: 'center', picture: 'face_offcenter_1280x720.jpg', description: 'The face at normal size, near the left edge.' });

export const TooDark = hintStory({ hint: 'light', picture: 'face_dark_1280x720.jpg', description: 'The face in a dim room (mean brightness 26 of 255).' });

export const Blurred = hintStory({ hint: 'still', picture: 'face_blur_1280x720.jpg', description: 'The face out of focus, as when the person moves.' });

export const TooFarInSpanish = hintStory({ hint: 'closer', picture: 'face_far_1280x720.jpg', description: 'As TooFar, with the Spanish words.', globals: { locale: 'es' } });

export const Holding: Story = {
  // A hold of ten minutes, so the picture stays on the hold (a real one fills in a second, then sends).
  args: { holdMs: 600_000 },
  parameters: { docs: { description: { story: 'A good face, held: the oval turns solid, "Good. Hold still…", and the bar fills for `holdMs` (a second by default) before the frame is sent by itself.' } } },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    const bar = await heldStill(canvas, globals);
    await expect(bar).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(guidanceWordsFor(globals).holdStill);
    const verify = canvas.getByRole('button', { name: words.verify });
    await expect(verify).toBeEnabled();
    await expect(verify).not.toHaveAttribute('aria-describedby');
    await new Promise((resolve) => setTimeout(resolve, longerThanAHoldMs));
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await expect(args.navigate).not.toHaveBeenCalled();
  },
};

export const AutoCaptureSuccess: Story = {
  // Spies of its own: the docs page renders it beside the others, and it sends by itself there too.
  args: ownSpies(),
  decorators: [withCaughtRedirect],
  parameters: { docs: { description: { story: 'Nobody clicks: a good face held still for about a second is captured and sent by itself, once.' } } },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    await waitFor(() => expect(args.navigate).toHaveBeenCalledTimes(1), { timeout: captureTimeoutMs });
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole('status')).toHaveTextContent(words.status.redirecting);
    // The decorator shows the caught URL on its next render, just after navigate was called.
    await expect(await canvas.findByRole('complementary', { name: 'Caught redirect' })).toHaveTextContent('https://app.example.com/callback?next=%2Fhome&token=');
    // Exactly one request left, and no second one follows.
    await new Promise((resolve) => setTimeout(resolve, longerThanAHoldMs));
    await expect(validateRequestsWith(String(loaded.token))).toBe(1);
    await expect(args.navigate).toHaveBeenCalledTimes(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The check keeps refusing the frame (a face in a dim room) until the offer shows; shared by the two stories below. */
async function waitForTheOffer({ canvas, globals, loaded }: Parameters<NonNullable<Story['play']>>[0]) {
  const words = wordsFor(globals);
  const said = guidanceWordsFor(globals);
  const root = await loginRegion(canvas, globals);
  const sendAnyway = await canvas.findByRole('button', { name: said.sendAnyway }, { timeout: captureTimeoutMs });
  await expect(canvas.getByText(said.sendAnywayOffer)).toBeVisible();
  await waitForGuidance(root, 'light');
  await expect(canvas.getByRole('status')).toHaveTextContent(said.hints.light);
  await expect(canvas.getByRole('button', { name: words.verify })).toBeDisabled();
  await expect(validateRequestsWith(String(loaded.token))).toBe(0);
  return sendAnyway;
}

const refusedUntilOffered = {
  // A delay of 300 ms instead of 10 s, so the story gets to the offer at once.
  args: { camera: createPictureCamera(fixtureUrl('face_dark_1280x720.jpg')), sendAnywayAfterMs: 300 },
  decorators: [withCaughtRedirect],
} satisfies Story;

export const SendAnywayOffered: Story = {
  ...refusedUntilOffered,
  name: 'Send anyway offered',
  parameters: {
    docs: { description: { story: 'The check keeps refusing the frame (a face in a dim room): after `sendAnywayAfterMs` (10 s by default) without a fit frame, a quiet offer to send the picture as it is, below the hint that still shows, announced in a polite live region. "Verify identity" stays disabled.' } },
  },
  async play(context) {
    await waitForTheOffer(context);
    // Nothing leaves until the person presses it.
    await new Promise((resolve) => setTimeout(resolve, longerThanAHoldMs));
    await expect(validateRequestsWith(String(context.loaded.token))).toBe(0);
  },
};

export const SendAnywaySent: Story = {
  ...refusedUntilOffered,
  name: 'Send anyway sent',
  parameters: { docs: { description: { story: 'One press of "Send anyway" sends one picture as it is, and the login goes on as any other.' } } },
  async play(context) {
    const { args, canvas, loaded, userEvent } = context;
    const sendAnyway = await waitForTheOffer(context);
    await userEvent.click(sendAnyway);
    await waitFor(() => expect(args.navigate).toHaveBeenCalledTimes(1), { timeout: captureTimeoutMs });
    await expect(await canvas.findByRole('complementary', { name: 'Caught redirect' })).toHaveTextContent('https://app.example.com/callback?next=%2Fhome&token=');
    // Exactly one request left, and no second one follows.
    await new Promise((resolve) => setTimeout(resolve, longerThanAHoldMs));
    await expect(validateRequestsWith(String(loaded.token))).toBe(1);
    await expect(args.navigate).toHaveBeenCalledTimes(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const Limited: Story = {
  args: { assetsUrl: `${import.meta.env.BASE_URL}no-such-folder/` },
  parameters: {
    docs: { description: { story: 'The detector cannot load (here `assetsUrl` names a missing folder; a strict CSP does the same): a quiet note, light and sharpness are still checked, and the person selects Verify identity. Nothing is sent by itself.' } },
  },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    await expect(await canvas.findByText(guidanceWordsFor(globals).limited, undefined, { timeout: captureTimeoutMs })).toBeVisible();
    const verify = await readyVerifyButton(canvas, words.verify);
    await expect(canvas.getByRole('status')).toHaveTextContent(words.status.ready);
    await expect(await loginRegion(canvas, globals)).not.toHaveAttribute('data-guidance');
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, longerThanAHoldMs));
    await expect(verify).toBeEnabled();
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await expect(args.navigate).not.toHaveBeenCalled();
  },
};

export const LowResolutionCamera: Story = {
  args: { camera: createPictureCamera(fixtureUrl('face_640x480.jpg')) },
  parameters: { docs: { description: { story: 'A 640x480 camera: the face is too few pixels wide for Verifik ("closer"), and a note suggests another camera.' } } },
  async play({ canvas, args, globals, loaded }) {
    const words = wordsFor(globals);
    const said = guidanceWordsFor(globals);
    const root = await loginRegion(canvas, globals);
    await waitForGuidance(root, 'closer');
    await expect(canvas.getByRole('status')).toHaveTextContent(said.hints.closer);
    await expect(canvas.getByText(said.lowResolution)).toBeVisible();
    const verify = canvas.getByRole('button', { name: words.verify });
    await expect(verify).toBeDisabled();
    await expect(verify).toHaveAccessibleDescription(said.hints.closer);
    await expect(await attributeValuesDuring(root, 'data-guidance', longerThanAHoldMs)).toEqual(['closer']);
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await expect(args.navigate).not.toHaveBeenCalled();
  },
};

const cameras = [
  { deviceId: 'front', label: 'Front camera', src: fixtureUrl('face_far_1280x720.jpg') },
  { deviceId: 'usb', label: 'USB camera', src: fixtureUrl('face_near_1280x720.jpg') },
] as const;

export const CameraPicker: Story = {
  args: { camera: createPictureCameras(cameras) },
  parameters: { docs: { description: { story: 'Two cameras: a picker appears once one is allowed. The front camera shows the face too far away; the USB camera, too near.' } } },
  async play({ canvas, args, globals, loaded, userEvent }) {
    const said = guidanceWordsFor(globals);
    const root = await loginRegion(canvas, globals);
    await waitForGuidance(root, 'closer');
    const picker = canvas.getByRole('combobox', { name: said.cameraLabel });
    await expect(picker).toHaveValue('front');
    await expect(canvas.getAllByRole('option').map((option) => option.textContent)).toEqual(['Front camera', 'USB camera']);
    await userEvent.selectOptions(picker, 'USB camera');
    await waitForGuidance(root, 'back');
    await expect(canvas.getByRole('status')).toHaveTextContent(said.hints.back);
    await expect(canvas.getByRole('combobox', { name: said.cameraLabel })).toHaveValue('usb');
    await expect(await attributeValuesDuring(root, 'data-guidance', longerThanAHoldMs)).toEqual(['back']);
    await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};
