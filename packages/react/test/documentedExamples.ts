import { expect, type Mock } from 'vitest';
import documented from '../../../fixtures/verifik-validate-examples.json' with { type: 'json' };

interface DocumentedAnswer {
  id: string;
  status: number;
  classifiedAs?: string;
  body: unknown;
}

/** A documented 200: the fields onSuccess must pass on as they are. */
interface DocumentedSuccess extends DocumentedAnswer {
  body: { data: { token: string }; signature?: unknown; id?: unknown };
}

/** Verifik's own published answers of the validate endpoint, verbatim (fixtures/verifik-validate-examples.json). */
const answers: readonly DocumentedAnswer[] = documented.answers;

export const documentedSuccesses = answers.filter((answer): answer is DocumentedSuccess => answer.status === 200);
export const documentedFailures = answers.filter((answer) => answer.status !== 200);

/** onSuccess got every field of the documented answer's body with its documented value. */
export function expectEveryDocumentedField(onSuccess: Mock, answer: DocumentedSuccess): void {
  const success = onSuccess.mock.calls[0]?.[0] as { token: string; data: unknown; signature?: unknown; id?: unknown };
  expect(success.token).toBe(answer.body.data.token);
  expect(success.data).toEqual(answer.body.data);
  expect(success.signature).toEqual(answer.body.signature);
  expect(success.id).toEqual(answer.body.id);
}
