import type { ErrorCode } from '@biometric-login/core';
import type { StoryContext, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { BiometricLogin } from '../BiometricLogin.js';
import { type BiometricLoginMessages, en, es } from '../messages.js';
import { sandboxHandlers, sessionToken } from './storySandbox.js';

type Globals = StoryContext['globals'];

/** The primary button once the camera is ready (the fake camera needs a moment to show a real frame). */
export async function readyVerifyButton(canvas: { findByRole: (role: 'button', options: { name: string }) => Promise<HTMLElement> }, name: string): Promise<HTMLElement> {
  const verify = await canvas.findByRole('button', { name });
  await waitFor(() => expect(verify).toBeEnabled(), { timeout: 5000 });
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
  /** 'atOnce': shown without any click (refused token or redirect, camera failure); 'onVerify': after "Verify identity". */
  when: 'atOnce' | 'onVerify';
  /** Whether "Try again" is offered: only where the person can change the outcome. */
  tryAgain: boolean;
  /** How long the error may take, automatic retries included. Default 2 s. */
  withinMs?: number;
  globals?: Globals;
}

/**
 * One story for one error code: the cause comes from the sandbox, an MSW handler or a fake camera; `play`
 * checks the alert's words, the buttons left, and that `onError` fired once with the code.
 */
export function errorStory(spec: ErrorStorySpec): StoryObj<typeof BiometricLogin> {
  const { code, cause, session = () => sessionToken(), args, handlers = [], when, tryAgain, withinMs = 2000, globals } = spec;
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
    async play({ canvas, args: played, globals: current, userEvent }) {
      const words = wordsFor(current);
      if (when === 'onVerify') {
        const verify = await readyVerifyButton(canvas, words.verify);
        await userEvent.click(verify);
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
    },
  };
}
