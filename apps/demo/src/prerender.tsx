import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { readDemoConfig } from './demoConfig';
import { LoginPage } from './LoginPage';

/** An origin no page has: prerender.ts fails the build if it shows up in the HTML. */
export const placeholderOrigin = 'https://prerender.invalid';

/**
 * The login page as React's first render in the browser makes it, for index.html at build time (see
 * ../prerender.ts): the page paints from the HTML, and main.tsx hydrates it instead of rendering it again.
 * The origin reaches only what renders after hydration (the login and its session), never this HTML.
 */
export function renderLoginPage(): string {
  const config = readDemoConfig(import.meta.env, placeholderOrigin);
  return renderToString(
    <StrictMode>
      <LoginPage config={config} initialToken={undefined} />
    </StrictMode>,
  );
}
