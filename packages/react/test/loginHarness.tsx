import { defaultApiBaseUrl, validatePath as validateApiPath } from '@biometric-login/core';
import { createSandbox, type CreateSessionOptions } from '@biometric-login/sandbox';
import { createSandboxHandlers } from '@biometric-login/sandbox/msw';
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { BiometricLogin, type BiometricLoginProps } from '../src/BiometricLogin.js';
import { en } from '../src/messages.js';
import { createStaticCamera } from '../src/testing/fakeCameras.js';
import { faceFrame } from './faceFrame.js';

// The DOM tests' world: the sandbox API behind MSW at the real address, a static camera, spies for every callback.
export const validatePath = `${defaultApiBaseUrl}${validateApiPath}`;
export const sandbox = createSandbox();
export const server = setupServer(...createSandboxHandlers(sandbox, { baseUrl: defaultApiBaseUrl }));
export const requests: Request[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  requests.length = 0;
  server.events.on('request:start', ({ request }) => {
    if (request.url === validatePath && request.method === 'POST') requests.push(request.clone());
  });
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
  sandbox.reset();
});
afterAll(() => server.close());

export async function session(options: CreateSessionOptions = {}) {
  return (await sandbox.createSession(options)).token;
}

export function setup(props: Partial<BiometricLoginProps> & { token: string }, wrapper?: (children: ReactNode) => ReactNode) {
  const user = userEvent.setup();
  const navigate = vi.fn();
  const onSuccess = vi.fn();
  const onError = vi.fn();
  const camera = createStaticCamera(faceFrame);
  const element = (
    <BiometricLogin
      projectFlow={{ redirectUrl: 'https://app.example.com/callback?next=%2Fhome&lang=es#done' }}
      navigate={navigate}
      onSuccess={onSuccess}
      onError={onError}
      camera={camera}
      {...props}
    />
  );
  const view = render(wrapper ? wrapper(element) : element);
  return { navigate, onSuccess, onError, camera, user, view };
}

export const verifyButton = () => screen.getByRole('button', { name: en.verify });

export async function clickVerify(user: ReturnType<typeof userEvent.setup>) {
  await waitFor(() => expect(verifyButton()).toBeEnabled());
  await user.click(verifyButton());
}

