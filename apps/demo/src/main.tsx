import '@biometric-login/react/styles.css';
import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { readDemoConfig } from './demoConfig';
import { LoginPage } from './LoginPage';
import { takeTokenFromFragment } from './takeTokenFromAddress';

const config = readDemoConfig(import.meta.env, window.location.origin);
// Taken once, before React renders (StrictMode renders twice), and removed from the address at once.
const initialToken = config.mode === 'live' ? takeTokenFromFragment(window.location, window.history) : undefined;
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

const page = (
  <StrictMode>
    <LoginPage config={config} initialToken={initialToken} />
  </StrictMode>
);
// The build prerenders the page into #root (prerender.ts): take it over. `vite dev` serves it empty.
// As a transition, hydration yields to the browser every few milliseconds instead of one long task.
if (root.hasChildNodes()) {
  startTransition(() => {
    hydrateRoot(root, page);
  });
} else {
  createRoot(root).render(page);
}
