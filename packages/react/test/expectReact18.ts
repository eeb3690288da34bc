import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { beforeAll, expect } from 'vitest';

// Resolved from beside the component's source, as its own imports are: without the project's dedupe this gets React 19.
beforeAll(() => {
  expect({ react: version, reactDom: domVersion }).toEqual({ react: expect.stringMatching(/^18\.3\./), reactDom: expect.stringMatching(/^18\.3\./) });
});
