import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BiometricLoginError } from './BiometricLoginError.js';
import { classifyValidateResponse } from './classifyResponse.js';
import { documentedExamples } from './testing/documentedExamples.js';
import { validateSuccessSchema } from './validateAnswerSchema.js';

const successes = documentedExamples.answers.filter((answer) => answer.status === 200);
const failures = documentedExamples.answers.filter((answer) => answer.status !== 200);

function classify(status: number, body: unknown) {
  return classifyValidateResponse({ status, bodyText: JSON.stringify(body) }, 0);
}

describe("Verifik's documented answers", () => {
  it('has both documented 200 shapes and every documented error', () => {
    expect(successes.map((answer) => answer.version)).toEqual(['v3', 'v2']);
    expect(failures.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 403, 404, 409]);
  });

  it.each(successes.map((answer) => [answer.id, answer] as const))('%s is read with every documented field kept, with its documented type', (_id, answer) => {
    const body = answer.body as { data: Record<string, unknown>; signature?: unknown; id?: unknown };
    const result = classify(answer.status, body);
    expect(result.token).toBe(body.data.token);
    // Nothing documented is lost or changed: the data read is the data sent.
    expect(result.data).toEqual(body.data);
    expect(result.signature).toEqual(body.signature);
    expect(result.id).toEqual(body.id);
  });

  it('the current answer: the checks are words, the scores numbers', () => {
    const result = classify(200, successes[0]?.body);
    expect(result.data.verificationResults).toEqual({ livenessDetection: 'passed', identityMatch: 'passed', qualityScore: 0.95, antiSpoofing: 'passed' });
    expect(result.data.biometricData?.quality).toBe('good');
    expect(result.data.biometricData?.livenessScore).toBe(0.95);
    expect(result.data.riskScore).toBe(0.05);
  });

  it('the older answer: appLogin, livenessSession, person and the signature beside data', () => {
    const result = classify(200, successes[1]?.body);
    expect(result.data.appLogin?.status).toBe('validated');
    expect(result.data.livenessSession?.status).toBe('completed');
    expect(result.data.person).toBe('674de8df21c72be3cc42b8ab');
    expect(result.signature).toBe('abc123def456');
  });

  it.each(failures.map((answer) => [answer.id, answer] as const))('%s is classified by its status and code', (_id, answer) => {
    let error: unknown;
    try {
      classify(answer.status, answer.body);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(BiometricLoginError);
    expect(error).toMatchObject({ code: answer.classifiedAs, status: answer.status, serverMessage: (answer.body as { message: string }).message });
  });
});

describe('validateSuccessSchema', () => {
  it('drops a documented field of another type instead of failing the login', () => {
    const parsed = validateSuccessSchema.parse({
      success: true,
      data: { token: 't', biometricData: { quality: 0.91, livenessScore: '0.9', template: 'x' }, verificationResults: { livenessDetection: 0.98 }, riskScore: Number.NaN },
    });
    expect(parsed.data).toEqual({ token: 't', biometricData: { template: 'x' }, verificationResults: {} });
  });

  it('keeps a hostile __proto__ key from reaching any prototype', () => {
    const parsed = validateSuccessSchema.parse(JSON.parse('{"data":{"token":"t","__proto__":{"polluted":true},"biometricData":{"__proto__":{"polluted":true}}}}'));
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
    expect((parsed.data as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never yields a success without a non-empty, well-formed token', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), fc.string({ unit: 'binary' }), (data, token) => {
        const parsed = validateSuccessSchema.safeParse({ data: typeof data === 'object' && data !== null ? { ...data, token } : data });
        return !parsed.success || (parsed.data.data.token.length > 0 && parsed.data.data.token === parsed.data.data.token.trim());
      }),
      { numRuns: 2000 },
    );
  });
});
