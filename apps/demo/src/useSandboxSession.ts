import type { CreateSessionOptions } from '@biometric-login/sandbox';
import { startTransition, useEffect, useState } from 'react';
import { createSandboxSession, type DemoSession } from './createSandboxSession';

/** One request for a session; a new object asks for a new session. */
export interface SessionRequest {
  options: CreateSessionOptions;
}

export type SessionState = { status: 'loading' } | { status: 'ready'; session: DemoSession } | { status: 'failed'; reason: string };

/** Creates a sandbox session for each request; an answer to an older request is dropped. */
export function useSandboxSession(apiBaseUrl: string, request: SessionRequest): SessionState {
  const [answer, setAnswer] = useState<{ request: SessionRequest; state: SessionState }>();
  useEffect(() => {
    const controller = new AbortController();
    createSandboxSession(apiBaseUrl, request.options, controller.signal).then(
      // A transition: mounting the login then renders in slices the browser can interrupt.
      (session) => startTransition(() => setAnswer({ request, state: { status: 'ready', session } })),
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ request, state: { status: 'failed', reason: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => controller.abort();
  }, [apiBaseUrl, request]);
  return answer?.request === request ? answer.state : { status: 'loading' };
}
