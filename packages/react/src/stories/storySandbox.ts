import { defaultApiBaseUrl, validatePath } from '@biometric-login/core';
import { createSandbox, type CreateSessionOptions } from '@biometric-login/sandbox';
import { createSandboxHandlers } from '@biometric-login/sandbox/msw';
import { createPictureCamera } from '../camera/pictureCamera.js';

// A fixed key, so a second sandbox can sign a token this one accepts but has never seen (a 404).
const secret = 'storybook-sandbox-not-a-secret';

/** Every story talks to the real API address; MSW answers it from this in-page sandbox. */
export const storySandbox = createSandbox({ secret });

/** The session token of every validate request the sandbox was sent, in order (a story counts its own). */
const validateTokens: string[] = [];

/** The sandbox's MSW handlers: the whole API, offline. A story puts its own overrides in front of them. */
export const sandboxHandlers = createSandboxHandlers(
  {
    handle(request) {
      if (request.method === 'POST' && new URL(request.url).pathname === validatePath) {
        validateTokens.push(/^Bearer +(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1] ?? '');
      }
      return storySandbox.handle(request);
    },
  },
  { baseUrl: defaultApiBaseUrl },
);

/** How many validate requests carrying this session token reached the sandbox: "nothing was sent" is 0. */
export function validateRequestsWith(token: string): number {
  return validateTokens.filter((sent) => sent === token).length;
}

/** A picture of the repository's fixtures/ (see its README), served to Storybook at /fixtures. */
export const fixtureUrl = (file: string) => `${import.meta.env.BASE_URL}fixtures/${file}`;

/** A camera that films the fixture face at normal size: no webcam, works in the static build. */
export const faceUrl = fixtureUrl('face_1280x720.jpg');
export const faceCamera = createPictureCamera(faceUrl);

/** Where the stories send the browser on success; the navigate spy catches it. */
export const redirectUrl = 'https://app.example.com/callback?next=%2Fhome';

/** A session token for a sandbox session answering with `scenario`. */
export async function sessionToken(options: CreateSessionOptions = {}): Promise<string> {
  return (await storySandbox.createSession(options)).token;
}

/** A well-formed token signed with another key: the API answers 401. */
export async function foreignToken(): Promise<string> {
  return (await createSandbox().createSession()).token;
}

/** A token with the right signature for a session the API does not know: 404. */
export async function unknownSessionToken(): Promise<string> {
  return (await createSandbox({ secret }).createSession()).token;
}

/** A session already used for a login: sending it again is a replay, and the API answers 403. */
export async function usedSessionToken(): Promise<string> {
  const token = await sessionToken();
  const image = await fetchAsBase64(faceUrl);
  const response = await storySandbox.handle(
    new Request(`${defaultApiBaseUrl}${validatePath}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ image, os: 'DESKTOP' }),
    }),
  );
  if (!response.ok) throw new Error(`the sandbox refused the first login with ${response.status}`);
  return token;
}

async function fetchAsBase64(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
