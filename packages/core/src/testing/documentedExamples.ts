import { readFileSync } from 'node:fs';

export interface DocumentedRequest {
  id: string;
  version: string;
  section: string;
  body: { image: string; os?: string };
}

export interface DocumentedAnswer {
  id: string;
  version: string;
  section: string;
  status: number;
  /** For error answers: the code the client must give it. */
  classifiedAs?: string;
  body: unknown;
}

/** Verifik's own published examples of the validate endpoint, verbatim (see the file's `sources`). */
export const documentedExamples = JSON.parse(readFileSync(new URL('../../../../fixtures/verifik-validate-examples.json', import.meta.url), 'utf8')) as {
  requests: DocumentedRequest[];
  answers: DocumentedAnswer[];
};
