import type { ErrorCode } from '@biometric-login/core';
import type { StoryContext, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { BiometricLogin } from '../BiometricLogin.js';
import { type BiometricLoginMessages, en, es } from '../messages.js';
import { sandboxHandlers, sessionToken, validateRequestsWith } from './storySandbox.js';

type Globals = StoryContext['globals'];

/**
 * How long guided capture may take to get going: the camera's first frame, the face detector's worker and model,
 * its first verdict (two analyses that agree), and (for a frame taken by itself) the hold.
 */
export const captureTimeoutMs = 10_000;

/**
 * The primary button once it may send: the picture camera shows a real frame and, with guided capture, the face
 * detector has loaded and judged the face fit.
 */
export async function readyVerifyButton(canvas: { findByRole: (role: 'button', options: { name: string }) => Promise<HTMLElement> }, name: string): Promise<HTMLElement> {
  const verify = await canvas.findByRole('button', { name });
  await waitFor(() => expect(verify).toBeEnabled(), { timeout: captureTimeoutMs });
  return verify;
}

/** The words the person reads, in the toolbar's language. */
export function wordsFor(globals: Globals): BiometricLoginMessages {
  return globals.locale === 'es' ? es : en;
}

export interface ErrorStorySpec {
  code: ErrorCode;
  /** What makes the error happen in this story, for the docs' error table. */
  cause: string;
  /** The session token; default a sandbox session that would succeed. */
  session?: () => Promise<string>;
  args?: StoryObj<typeof BiometricLogin>['args'];
  /** MSW handlers put in front of the sandbox's. */
  handlers?: HttpHandler[];
  /**
   * 'atOnce': shown without the camera's frame (refused token or redirect, camera failure); 'onCapture': after a
   * good face was held still and captured by itself (guided capture's default), as a person meets it.
   */
  when: 'atOnce' | 'onCapture';
  /** The story's cause says nothing is sent: check that the sandbox saw no validate request with its token. */
  nothingSent?: boolean;
  /** Whether "Try again" is offered: only where the person can change the outcome. */
  tryAgain: boolean;
  /** How long the error may take once the frame is taken, automatic retries included. Default 2 s. */
  withinMs?: number;
  globals?: Globals;
}

/**
 * One story for one error code: the cause comes from the sandbox, an MSW handler or a fake camera; `play`
 * checks the alert's words, the buttons left, and that `onError` fired once with the code.
 */
export function errorStory(spec: ErrorStorySpec): StoryObj<typeof BiometricLogin> {
  const { code, cause, session = () => sessionToken(), args, handlers = [], when, tryAgain, withinMs = 2000, globals, nothingSent = false } = spec;
  return {
    args,
    globals,
    parameters: {
      errorCode: code,
      errorCause: cause,
      docs: { description: { story: cause } },
      msw: { handlers: [...handlers, ...sandboxHandlers] },
    },
    loaders: [async () => ({ token: await session() })],
    async play({ canvas, args: played, globals: current, loaded }) {
      const words = wordsFor(current);
      if (when === 'onCapture') {
        // Nobody clicks: the camera starts, the face is judged fit and held, and the frame is taken by itself.
        const root = await canvas.findByRole('region', { name: words.regionLabel });
        await waitFor(() => expect(['capturing', 'submitting', 'failed']).toContain(root.dataset.state), { timeout: captureTimeoutMs });
      }
      const alert = await canvas.findByRole('alert', undefined, { timeout: withinMs });
      await expect(alert).toHaveTextContent(words.errors[code].title);
      await expect(alert).toHaveTextContent(words.errors[code].description);
      await expect(canvas.getByRole('status')).toHaveTextContent(words.status.failed);
      await waitFor(() => expect(played.onError).toHaveBeenCalledTimes(1));
      await expect(played.onError).toHaveBeenCalledWith(expect.objectContaining({ code }));
      const buttons = canvas.queryAllByRole('button').map((button) => button.textContent);
      await expect(buttons).toEqual(tryAgain ? [words.tryAgain] : []);
      await expect(played.onSuccess).not.toHaveBeenCalled();
      await expect(played.navigate).not.toHaveBeenCalled();
      if (nothingSent) await expect(validateRequestsWith(String(loaded.token))).toBe(0);
    },
  };
}
