import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceJpegBase64 } from './__fixtures__/images.js';
import { startSandboxServer, type SandboxServer } from './node.js';

interface Documented {
  requests: { id: string; body: { image: string; os?: string } }[];
  answers: { id: string; version: string; status: number; classifiedAs?: string; body: unknown }[];
}

// Verifik's own published examples, verbatim: what a new user copies from the documentation.
const documented = JSON.parse(readFileSync(new URL('../../../fixtures/verifik-validate-examples.json', import.meta.url), 'utf8')) as Documented;
const documented200 = documented.answers.find((answer) => answer.version === 'v3' && answer.status === 200)?.body;

/** The type at every path of a JSON value: `{ data: { riskScore: 'number', ... } }`. */
function typeAtEveryPath(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typeAtEveryPath);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, typeAtEveryPath(field)]));
  return value === null ? 'null' : typeof value;
}

/** The example's body with its placeholder picture replaced by a real face of the same form (raw or data: URL). */
function withRealFace(body: { image: string; os?: string }): { image: string; os?: string } {
  const image = body.image.startsWith('data:') ? `${body.image.slice(0, body.image.indexOf(',') + 1)}${faceJpegBase64}` : faceJpegBase64;
  return { ...body, image };
}

/** POST as Verifik's Python example does (http.client): a plain HTTP client, not this project's. */
function post(server: SandboxServer, path: string, body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    const outgoing = request(`${server.url}${path}`, { method: 'POST', headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

async function sessionToken(scenario = 'success'): Promise<string> {
  const created = await post(server, '/v2/biometric-validations', { scenario });
  return (created.body as { data: { token: string } }).data.token;
}

describe("the sandbox takes Verifik's documented requests unchanged", () => {
  it.each(documented.requests.map((example) => [example.id, example] as const))('%s: 200, the documented answer with the documented type at every path', async (_id, example) => {
    const answer = await post(server, '/v2/biometric-validations/validate', withRealFace(example.body), await sessionToken());
    expect(answer.status).toBe(200);
    expect(typeAtEveryPath(answer.body)).toEqual(typeAtEveryPath(documented200));
    const data = (answer.body as { data: { verificationResults: object; biometricData: object } }).data;
    expect(data.verificationResults).toMatchObject({ livenessDetection: 'passed', identityMatch: 'passed', antiSpoofing: 'passed' });
    expect(data.biometricData).toMatchObject({ quality: 'good' });
  });
});

describe("the sandbox answers Verifik's documented errors", () => {
  it.each(documented.answers.filter((answer) => answer.version === 'v3' && answer.status === 400).map((answer) => [answer.id, answer] as const))(
    '%s, exactly as documented',
    async (_id, example) => {
      const answer = await post(server, '/v2/biometric-validations/validate', { image: faceJpegBase64 }, await sessionToken(example.classifiedAs));
      expect(answer).toEqual({ status: 400, body: example.body });
    },
  );
});
