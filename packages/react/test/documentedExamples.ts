import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface DocumentedAnswer {
  id: string;
  status: number;
  classifiedAs?: string;
  body: unknown;
}

/** Verifik's own published examples of the validate endpoint, verbatim (fixtures/verifik-validate-examples.json). */
export const documentedExamples = JSON.parse(
  readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/verifik-validate-examples.json'), 'utf8'),
) as {
  requests: { id: string; body: { image: string; os?: string } }[];
  answers: DocumentedAnswer[];
};
