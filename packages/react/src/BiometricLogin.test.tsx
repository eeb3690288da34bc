import { BiometricLoginError, type ErrorCode, errorCodes } from '@biometric-login/core';
import { createSandbox, type CreateSessionOptions } from '@biometric-login/sandbox';
import { act, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { documentedFailures, documentedSuccesses, expectEveryDocumentedField } from '../test/documentedExamples.js';
import { faceFrame } from '../test/faceFrame.js';
import { clickVerify, requests, sandbox, server, session, setup, validatePath, verifyButton } from '../test/loginHarness.js';
import type { UseBiometricLoginOptions } from './login/biometricLoginOptions.js';
import { BiometricLogin } from './BiometricLogin.js';
import { guidanceEn } from './guidance/guidanceText.js';
import { en, es } from './messages.js';
import { createFailingCamera, createStaticCamera } from './testing/fakeCameras.js';
import { useBiometricLogin } from './login/useBiometricLogin.js';

describe("<BiometricLogin> with Verifik's documented answers", () => {
  it.each(documentedSuccesses.map((answer) => [answer.id, answer] as const))(
    'onSuccess receives every documented field of %s with its documented value',
    async (_id, answer) => {
      server.use(http.post(validatePath, () => HttpResponse.json(answer.body as JsonBodyType)));
      const { navigate, onSuccess, user } = setup({ token: await session() });
      await clickVerify(user);
      await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
      expectEveryDocumentedField(onSuccess, answer);
      expect(new URL(navigate.mock.calls[0]?.[0] as string).searchParams.get('token')).toBe(answer.body.data.token);
    },
  );

  it.each(documentedFailures.map((answer) => [answer.id, answer] as const))(
    '%s shows the words of its code',
    async (_id, answer) => {
      server.use(http.post(validatePath, () => HttpResponse.json(answer.body as JsonBodyType, { status: answer.status })));
      const { onError, user } = setup({ token: await session() });
      await clickVerify(user);
      await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
      const code = answer.classifiedAs as ErrorCode;
      expect(onError.mock.calls[0]?.[0]).toMatchObject({ code, status: answer.status });
      expect(screen.getByRole('alert')).toHaveTextContent(en.errors[code].title);
    },
  );
});

describe('<BiometricLogin> success', () => {
  it('sends one frame and redirects with the token added, the existing query and hash kept', async () => {
    const { navigate, onSuccess, onError, user, camera } = setup({ token: await session() });
    expect(verifyButton()).toBeDisabled();
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(navigate.mock.calls[0]?.[0] as string);
    const loginToken = url.searchParams.get('token') ?? '';
    expect(`${url.origin}${url.pathname}`).toBe('https://app.example.com/callback');
    expect(url.search).toBe(`?next=%2Fhome&lang=es&token=${encodeURIComponent(loginToken)}`);
    expect(url.hash).toBe('#done');
    await expect(sandbox.verifyLoginToken(loginToken)).resolves.toMatchObject({ type: 'app-login' });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ token: loginToken, redirectUrl: url.href }));
    expect(onError).not.toHaveBeenCalled();
    expect(requests).toHaveLength(1);
    expect(await requests[0]?.json()).toEqual({ image: faceFrame.base64, os: 'DESKTOP' });
    expect(screen.getByRole('region', { name: en.regionLabel })).toHaveAttribute('data-state', 'redirecting');
    expect(screen.getByRole('status')).toHaveTextContent(en.status.redirecting);
    expect(camera.mounted).toBe(0);
  });

  it('encodes a login token that needs it, so it survives the query string', async () => {
    const awkward = 'a+b/c=d&token=evil#x y';
    server.use(http.post(validatePath, () => HttpResponse.json({ success: true, data: { token: awkward } })));
    const { navigate, user } = setup({ token: await session() });
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const url = new URL(navigate.mock.calls[0]?.[0] as string);
    expect(url.searchParams.getAll('token')).toEqual([awkward]);
    expect(url.hash).toBe('#done');
  });

  it('lets onSuccess stop the redirect', async () => {
    const onSuccess = vi.fn((success: { preventRedirect: () => void }) => success.preventRedirect());
    const { navigate, user, view } = setup({ token: await session(), onSuccess });
    await clickVerify(user);
    await waitFor(() => expect(view.container.firstElementChild).toHaveAttribute('data-state', 'succeeded'));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('still redirects when the host onSuccess throws', async () => {
    const failure = new Error('host bug');
    const onSuccess = () => {
      throw failure;
    };
    const uncaught = vi.fn();
    process.on('uncaughtException', uncaught);
    const { navigate, user } = setup({ token: await session(), onSuccess });
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(uncaught).toHaveBeenCalledWith(failure, expect.anything()));
    process.off('uncaughtException', uncaught);
  });

  it('sends one request however fast the clicks', async () => {
    const { navigate, user, camera } = setup({ token: await session() });
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    const button = verifyButton();
    await act(async () => {
      for (let click = 0; click < 5; click += 1) button.click();
    });
    await user.dblClick(button);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(requests).toHaveLength(1);
    expect(camera.captures).toBe(1);
  });

  it('works with the keyboard alone', async () => {
    const { navigate, user } = setup({ token: await session() });
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    await user.tab();
    expect(verifyButton()).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
  });

  it('never shows or logs the session token', async () => {
    const logs = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'info')];
    const token = await session({ scenario: 'LIVENESS_DETECTION_FAILED' });
    const { onError, user, view } = setup({ token });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(view.container.innerHTML).not.toContain(token);
    expect((onError.mock.calls[0]?.[0] as Error).message).not.toContain(token);
    for (const log of logs) {
      expect(JSON.stringify(log.mock.calls)).not.toContain(token);
      log.mockRestore();
    }
  });
});

describe('<BiometricLogin> failures from the API', () => {
  const scenarios: [CreateSessionOptions, ErrorCode][] = [
    [{ scenario: 'INVALID_BIOMETRIC_DATA' }, 'INVALID_BIOMETRIC_DATA'],
    [{ scenario: 'LIVENESS_DETECTION_FAILED' }, 'LIVENESS_DETECTION_FAILED'],
    [{ scenario: 'IDENTITY_VERIFICATION_FAILED' }, 'IDENTITY_VERIFICATION_FAILED'],
    [{ scenario: 'INVALID_RESPONSE' }, 'INVALID_RESPONSE'],
  ];

  it.each(scenarios)('%j shows its own text, calls onError once, and "Try again" then succeeds', async (options, code) => {
    const { onError, navigate, user } = setup({ token: await session(options) });
    await clickVerify(user);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en.errors[code].title);
    expect(alert).toHaveTextContent(en.errors[code].description);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code });
    expect(requests).toHaveLength(1);
    // Focus follows the person to the next action.
    expect(screen.getByRole('button', { name: en.tryAgain })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: en.tryAgain }));
    await clickVerify(user);
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(2);
  });

  it('TIMEOUT when the API is too slow', async () => {
    const { onError, user } = setup({ token: await session({ scenario: 'SLOW', delayMs: 5000 }), timeoutMs: 100 });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'TIMEOUT' });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.TIMEOUT.title);
  });

  it('SESSION_NOT_FOUND when the API does not know the session, with no "Try again"', async () => {
    const token = await session();
    sandbox.reset();
    const { onError, user } = setup({ token });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'SESSION_NOT_FOUND', status: 404 });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('SESSION_INVALID when the API refuses the token (signed by someone else)', async () => {
    const token = (await createSandbox().createSession()).token;
    const { onError, user, camera } = setup({ token });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'SESSION_INVALID', status: 401 });
    expect(camera.mounted).toBe(0);
  });

  it('REQUEST_REJECTED for another 4xx', async () => {
    server.use(http.post(validatePath, () => HttpResponse.json({ error: 'Payload Too Large' }, { status: 413 })));
    const { onError, user } = setup({ token: await session() });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'REQUEST_REJECTED', status: 413 });
  });
});

describe('<BiometricLogin> refused before anything is sent', () => {
  it('an expired session: error at once, no camera, no request', async () => {
    const { onError, camera } = setup({ token: await session({ expiresInSeconds: -1 }) });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.SESSION_EXPIRED.title);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(camera.mounts).toBe(0);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('a malformed token', () => {
    const { camera } = setup({ token: 'definitely-not-a-jwt' });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.SESSION_INVALID.title);
    expect(camera.mounts).toBe(0);
  });

  it('a token with characters no JWT has (a CR/LF): refused at once, never reaches a header', async () => {
    const token = `${await session()}\r\nX-Injected: 1`;
    const { onError, camera } = setup({ token });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.SESSION_INVALID.title);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(JSON.stringify(onError.mock.calls[0]?.[0])).not.toContain(token.trim());
    expect((onError.mock.calls[0]?.[0] as Error).message).not.toContain('X-Injected');
    expect(camera.mounts).toBe(0);
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ apiBaseUrl: 'http://api.example.com' }, 'a cleartext API on the network'],
    [{ apiBaseUrl: 'not a url' }, 'an API that is not a URL'],
    [{ timeoutMs: -1 }, 'a negative timeout'],
    [{ sendAnywayAfterMs: -1 }, 'a negative send-anyway delay'],
    [{ sendAnywayAfterMs: true as never }, 'a send-anyway delay of true'],
    [{ allowedRedirectOrigins: 'https://app.example.com' as never }, 'an allowlist that is a string'],
  ])('%j (%s): INVALID_CONFIGURATION at once, no camera, no request', async (props, _why) => {
    const { onError, camera } = setup({ token: await session(), ...props });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.INVALID_CONFIGURATION.title);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'INVALID_CONFIGURATION' });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(camera.mounts).toBe(0);
    expect(requests).toHaveLength(0);
  });

  it('a loopback http API is fine (the sandbox on this machine)', async () => {
    const { camera } = setup({ token: await session(), apiBaseUrl: 'http://127.0.0.1:8787' });
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    expect(camera.mounts).toBe(1);
  });

  it.each([
    ['https://evil.example.net/steal', ['https://app.example.com']],
    ['javascript:alert(1)', undefined],
    ['http://app.example.com/callback', undefined],
  ])('a refused redirect %s: configuration error at once', async (redirectUrl, allowedRedirectOrigins) => {
    const { onError, camera } = setup({ token: await session(), projectFlow: { redirectUrl }, allowedRedirectOrigins });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.REDIRECT_NOT_ALLOWED.title);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'REDIRECT_NOT_ALLOWED' });
    expect(camera.mounts).toBe(0);
    expect(requests).toHaveLength(0);
  });

  it('starts over when the host passes a new token', async () => {
    const { view, camera, onError } = setup({ token: await session({ expiresInSeconds: -1 }) });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    const fresh = await session();
    view.rerender(<BiometricLogin token={fresh} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} camera={camera} onError={onError} />);
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('<BiometricLogin> camera failures', () => {
  it.each([
    ['NotAllowedError', 'CAMERA_PERMISSION_DENIED'],
    ['NotFoundError', 'CAMERA_NOT_FOUND'],
    ['NotReadableError', 'CAMERA_IN_USE'],
  ] as const)('%s -> %s, and "Try again" asks for the camera again', async (name, code) => {
    const camera = createFailingCamera(new DOMException('denied', name));
    const { onError, user } = setup({ token: await session(), camera });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en.errors[code].title);
    // onError runs in an effect after the alert is committed: wait for it rather than race it.
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code });
    await user.click(screen.getByRole('button', { name: en.tryAgain }));
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
    expect(requests).toHaveLength(0);
  });

  it('CAMERA_UNSUPPORTED from the real webcam driver where there is no camera API (jsdom)', async () => {
    const { onError } = setup({ token: await session(), camera: undefined });
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'CAMERA_UNSUPPORTED' });
    expect(screen.queryByRole('button', { name: en.tryAgain })).not.toBeInTheDocument();
  });

  it('CAPTURE_FAILED when the frame cannot be grabbed, and sends nothing', async () => {
    const camera = createStaticCamera(() => {
      throw new BiometricLoginError('CAPTURE_FAILED', { detail: 'the video has no dimensions yet' });
    });
    const { onError, user } = setup({ token: await session(), camera });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'CAPTURE_FAILED' });
    expect(requests).toHaveLength(0);
  });

  it('checkFrame can refuse a frame before it is sent', async () => {
    const checkFrame = vi.fn(() => new BiometricLoginError('CAPTURE_FAILED', { detail: 'too dark' }));
    const { onError, user } = setup({ token: await session(), checkFrame });
    await clickVerify(user);
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(checkFrame).toHaveBeenCalledWith(faceFrame);
    expect(requests).toHaveLength(0);
  });

  it('the camera is released on unmount', async () => {
    const { view, camera } = setup({ token: await session() });
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    expect(camera.mounted).toBe(1);
    view.unmount();
    expect(camera.mounted).toBe(0);
  });

  it('autoStart={false} waits for "Start camera"', async () => {
    const { camera, user } = setup({ token: await session(), autoStart: false });
    expect(camera.mounts).toBe(0);
    await user.click(screen.getByRole('button', { name: en.startCamera }));
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    expect(camera.mounts).toBe(1);
  });
});

describe('<BiometricLogin> languages', () => {
  it.each([
    ['en', en],
    ['es', es],
  ] as const)('%s renders every error code with its own words', async (locale, words) => {
    const titles = new Set<string>();
    for (const code of errorCodes) {
      const view = render(
        <BiometricLogin
          locale={locale}
          token="x.y.z"
          projectFlow={{ redirectUrl: 'https://app.example.com/cb' }}
          camera={createFailingCamera(new BiometricLoginError(code))}
        />,
      );
      // The malformed token fails first; replace it to reach the camera error.
      view.rerender(
        <BiometricLogin locale={locale} token={await session()} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} camera={createFailingCamera(new BiometricLoginError(code))} />,
      );
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert).toHaveTextContent(words.errors[code].title));
      expect(alert).toHaveTextContent(words.errors[code].description);
      titles.add(words.errors[code].title);
      view.unmount();
    }
    expect(titles.size).toBe(errorCodes.length);
  });

  it('Spanish differs from English for every string', () => {
    for (const code of errorCodes) expect(es.errors[code].title).not.toBe(en.errors[code].title);
    expect(es.verify).toBe('Verificar identidad');
  });

  it('messages override any string, and a missing one falls back to the locale', async () => {
    const messages = { verify: 'Entrar', errors: { CAMERA_IN_USE: { title: 'Cámara ocupada' } } };
    const first = setup({ token: await session(), locale: 'es', messages });
    expect(await screen.findByRole('button', { name: 'Entrar' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(es.status.ready));
    first.view.unmount();
    setup({ token: await session(), locale: 'es', messages, camera: createFailingCamera(new DOMException('busy', 'NotReadableError')) });
    const alert = await screen.findByRole('alert');
    // The overridden title, the Spanish description it did not override, and the Spanish button.
    expect(alert).toHaveTextContent('Cámara ocupada');
    expect(alert).not.toHaveTextContent(es.errors.CAMERA_IN_USE.title);
    expect(alert).toHaveTextContent(es.errors.CAMERA_IN_USE.description);
    expect(screen.getByRole('button', { name: es.tryAgain })).toBeInTheDocument();
  });

  it('an unknown locale falls back to English', async () => {
    setup({ token: await session(), locale: 'fr' });
    expect(await screen.findByRole('button', { name: en.verify })).toBeInTheDocument();
  });
});

describe('<BiometricLogin> accessibility', () => {
  it('names the video, announces status politely, and exposes data-state', async () => {
    const { view } = setup({ token: await session(), className: 'host-class' });
    const root = view.container.firstElementChild;
    expect(root).toHaveClass('bl-root', 'host-class');
    expect(screen.getByLabelText(en.videoLabel)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'));
    expect(screen.getByRole('status')).toHaveTextContent(en.status.ready);
  });
});

describe('<BiometricLogin> send anyway, without guided capture', () => {
  // The offer answers a check that keeps refusing: with none running (a camera without a video, as here, or
  // guidance={false}) there is nothing to refuse, so however short the delay, nothing is ever offered.
  it.each([
    [{}, 'a camera that shows no video'],
    [{ guidance: false }, 'guidance={false}'],
  ])('%j (%s): never offered, canSendAnyway stays false, sendAnyway() sends nothing', async (props, _why) => {
    const renders: Pick<ReturnType<typeof useBiometricLogin>, 'canSendAnyway' | 'guidance' | 'sendAnyway' | 'state'>[] = [];
    function Headless(options: UseBiometricLoginOptions) {
      const login = useBiometricLogin(options);
      renders.push(login);
      return login.camera.active ? <login.camera.Preview {...login.camera.props} label="camera" /> : null;
    }
    const headlessNavigate = vi.fn();
    const camera = createStaticCamera(faceFrame);
    render(<Headless token={await session()} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} camera={camera} navigate={headlessNavigate} sendAnywayAfterMs={0} {...props} />);
    const component = setup({ token: await session(), sendAnywayAfterMs: 0, ...props });
    await waitFor(() => expect(renders.at(-1)?.state.status).toBe('ready'));
    await waitFor(() => expect(verifyButton()).toBeEnabled());
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(renders.at(-1)?.guidance.status).toBe('off');
    expect(renders.map((login) => login.canSendAnyway)).not.toContain(true);
    await act(async () => renders.at(-1)?.sendAnyway());
    expect(renders.at(-1)?.state.status).toBe('ready');
    expect(screen.queryByRole('button', { name: guidanceEn.sendAnyway })).not.toBeInTheDocument();
    expect(screen.queryByText(guidanceEn.sendAnywayOffer)).not.toBeInTheDocument();
    expect(headlessNavigate).not.toHaveBeenCalled();
    expect(component.navigate).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
  });
});
