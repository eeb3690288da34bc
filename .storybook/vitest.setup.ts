import { afterEach, expect } from 'vitest';
import { page } from 'vitest/browser';

/**
 * After a story has rendered, played and passed axe, its picture must match the committed reference in
 * `__screenshots__/` beside the stories file. A new story writes its reference and fails once (with CI=true
 * it only fails); a changed look fails until the references are updated on purpose:
 *   pnpm vitest run --project storybook --update [stories file] [-t "Story Name"]
 */
afterEach(async ({ task }) => {
  const storyId = (task.meta as { storyId?: string }).storyId;
  // A story that already failed keeps its own error; a second one about pixels would only hide it.
  if (storyId === undefined || task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) return;
  await expect.element(page.elementLocator(document.body)).toMatchScreenshot(storyId);
});
