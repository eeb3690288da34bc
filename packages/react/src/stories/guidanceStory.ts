import type { GuidanceHint } from '@biometric-login/core';
import type { StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import type { BiometricLogin } from '../BiometricLogin.js';
import { type GuidanceText, guidanceEn, guidanceEs } from '../guidance/guidanceText.js';
import { createPictureCamera } from '../camera/pictureCamera.js';
import { captureTimeoutMs, wordsFor } from './errorStory.js';
import { fixtureUrl, validateRequestsWith } from './storySandbox.js';

type Canvas = StoryContext['canvas'];
type Globals = StoryContext['globals'];

/** Longer than the hold (1 s) and the send after it: had a frame been allowed to leave, it would have. */
export const longerThanAHoldMs = 1500;

/** Guided capture's words, in the toolbar's language. */
export function guidanceWordsFor(globals: Globals): GuidanceText {
  return globals.locale === 'es' ? guidanceEs : guidanceEn;
}

/** The component's root: its `data-guidance` says what guided capture sees. */
export function loginRegion(canvas: Canvas, globals: Globals): Promise<HTMLElement> {
  return canvas.findByRole('region', { name: wordsFor(globals).regionLabel });
}

/** Waits for guided capture to settle on `value` (`fit` or a hint) once the camera and the detector run. */
export async function waitForGuidance(root: HTMLElement, value: GuidanceHint | 'fit'): Promise<void> {
  await waitFor(() => expect(root).toHaveAttribute('data-guidance', value), { timeout: captureTimeoutMs });
}

/** Every value `name` had on `element` for `ms` (the current one first), to show that a hint holds steady. */
export function attributeValuesDuring(element: Element, name: string, ms: number): Promise<(string | null)[]> {
  const seen = [element.getAttribute(name)];
  const observer = new MutationObserver(() => seen.push(element.getAttribute(name)));
  observer.observe(element, { attributes: true, attributeFilter: [name] });
  return new Promise((resolve) =>
    setTimeout(() => {
      observer.disconnect();
      resolve(seen);
    }, ms),
  );
}

/** A good face being held (give the story a long `holdMs` to keep it there): the oval is solid, the hold bar shows. */
export async function heldStill(canvas: Canvas, globals: Globals): Promise<HTMLProgressElement> {
  const root = await loginRegion(canvas, globals);
  await waitForGuidance(root, 'fit');
  const bar = canvas.getByRole('progressbar', { name: guidanceWordsFor(globals).holdLabel });
  if (!(bar instanceof HTMLProgressElement)) throw new Error('the hold bar is not a <progress>');
  return bar;
}

export interface HintStorySpec {
  hint: GuidanceHint;
  /** The fixture the picture camera films (fixtures/README.md). */
  picture: string;
  /** What is wrong with the picture, for the docs. */
  description: string;
  globals?: Globals;
}

/**
 * One story for one hint: the picture camera films a fixture that has the problem, guided capture says so in the
 * status line, and neither the button nor auto-capture lets a frame leave.
 */
export function hintStory({ hint, picture, description, globals }: HintStorySpec): StoryObj<typeof BiometricLogin> {
  return {
    args: { camera: createPictureCamera(fixtureUrl(picture)) },
    globals,
    parameters: { guidanceHint: hint, docs: { description: { story: description } } },
    async play({ canvas, args, globals: current, loaded, userEvent }) {
      const words = wordsFor(current);
      const said = guidanceWordsFor(current).hints[hint];
      const root = await loginRegion(canvas, current);
      await waitForGuidance(root, hint);
      await expect(canvas.getByRole('status')).toHaveTextContent(said);
      const verify = canvas.getByRole('button', { name: words.verify });
      await expect(verify).toBeDisabled();
      await expect(verify).toHaveAccessibleDescription(said);
      await expect(canvas.queryByRole('progressbar')).toBeNull();
      // The person presses anyway and waits: the hint holds steady (so does the screenshot), and nothing leaves.
      await userEvent.click(verify);
      await expect(await attributeValuesDuring(root, 'data-guidance', longerThanAHoldMs)).toEqual([hint]);
      await expect(canvas.getByRole('status')).toHaveTextContent(said);
      await expect(validateRequestsWith(String(loaded.token))).toBe(0);
      await expect(args.navigate).not.toHaveBeenCalled();
      await expect(args.onError).not.toHaveBeenCalled();
    },
  };
}
