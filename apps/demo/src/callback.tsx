import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CallbackFailed, CallbackPage } from './CallbackPage';
import { PageErrorBoundary } from './PageErrorBoundary';
import { takeTokenFromQuery } from './takeTokenFromAddress';

// Taken once, before React renders, and removed from the address (and this history entry) at once.
const token = takeTokenFromQuery(window.location, window.history);
const root = document.getElementById('root');
if (root === null) throw new Error('callback.html has no #root');

createRoot(root).render(
  <StrictMode>
    <PageErrorBoundary fallback={<CallbackFailed />}>
      <CallbackPage token={token} openedAt={Date.now()} />
    </PageErrorBoundary>
  </StrictMode>,
);
