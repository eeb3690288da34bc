import { guidanceHints } from '@biometric-login/core/guidance';
import { describe, expect, it } from 'vitest';
import * as guidanceStories from '../BiometricLogin.guidance.stories.js';

// The hint each story of BiometricLogin/Guidance plays (hintStory puts it in its parameters).
const shown = Object.entries(guidanceStories)
  .filter(([exportName]) => exportName !== 'default')
  .map(([, story]) => (story as { parameters?: { guidanceHint?: unknown } }).parameters?.guidanceHint)
  .filter((hint) => hint !== undefined);

describe('BiometricLogin/Guidance stories', () => {
  it.each(guidanceHints)('the %s hint has a story that plays it', (hint) => {
    expect(shown).toContain(hint);
  });

  it('show only hints the library has', () => {
    expect(shown.filter((hint) => !(guidanceHints as readonly unknown[]).includes(hint))).toEqual([]);
  });
});
