import { type ErrorCode, errorCodes } from '@biometric-login/core';
import { describe, expect, it } from 'vitest';
import * as errorStories from './BiometricLogin.errors.stories.js';

// Every story in the module (the default export is its meta), with the code its play function checks.
const stories = Object.entries(errorStories)
  .filter(([exportName]) => exportName !== 'default')
  .map(([exportName, story]) => ({ exportName, story: story as { parameters?: { errorCode?: unknown }; play?: unknown } }));

const exportNameFor = (code: ErrorCode) =>
  code
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

describe('BiometricLogin/Errors stories', () => {
  it('show every error code of the library, and only those', () => {
    const shown = new Set(stories.map(({ story }) => story.parameters?.errorCode));
    expect([...shown].sort()).toEqual([...errorCodes].sort());
  });

  it.each(errorCodes)('%s has a story named after it that plays it', (code) => {
    const story = stories.find(({ exportName }) => exportName === exportNameFor(code))?.story;
    expect(story, `export const ${exportNameFor(code)} = errorStory({ code: '${code}', ... })`).toBeDefined();
    expect(story?.parameters?.errorCode).toBe(code);
    expect(story?.play).toBeTypeOf('function');
  });
});
