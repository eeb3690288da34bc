import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// Your server hands the session token over in the URL fragment, which never reaches a server's logs.
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
if (token !== null) window.history.replaceState(null, '', window.location.pathname);

function Page() {
  // Your server exchanges the login token in ?token= and opens its own session (see apps/next-example).
  if (window.location.pathname === '/callback') return <h1>Signed in</h1>;
  return token === null ? <p>Open this page with #token=&lt;liveness-session JWT&gt;.</p> : <App token={token} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
