import { type FocusEvent, useEffect, useMemo, useRef } from 'react';
import { type BiometricLoginLocale, type BiometricLoginMessageOverrides, resolveMessages } from './messages.js';
import type { UseBiometricLoginOptions } from './biometricLoginOptions.js';
import { useBiometricLogin } from './useBiometricLogin.js';

export interface BiometricLoginProps extends UseBiometricLoginOptions {
  /** 'en' (default) or 'es'; anything else falls back to English. */
  locale?: BiometricLoginLocale | (string & {});
  /** Override any string; what is left out falls back to the locale, then English. */
  messages?: BiometricLoginMessageOverrides;
  className?: string;
}

/** Drop-in face login: opens the camera, sends one frame, and on success sends the browser on. */
export function BiometricLogin({ locale = 'en', messages, className, ...options }: BiometricLoginProps) {
  const login = useBiometricLogin(options);
  const text = useMemo(() => resolveMessages(locale, messages), [locale, messages]);
  const { state, error, camera } = login;
  const errorText = error ? text.errors[error.code] : undefined;

  // Keyboard users keep their place: when the button they used disappears or is disabled, focus moves to the next action.
  const root = useRef<HTMLElement>(null);
  const action = useRef<HTMLButtonElement>(null);
  const interacted = useRef(false);
  useEffect(() => {
    const focused = root.current?.ownerDocument.activeElement;
    const focusLost = focused === null || focused === undefined || focused === root.current?.ownerDocument.body;
    if (interacted.current && focusLost && action.current && !action.current.disabled) action.current.focus();
  }, [state.status]);

  return (
    <section
      ref={root}
      className={className ? `bl-root ${className}` : 'bl-root'}
      data-state={state.status}
      data-error={error?.code}
      aria-label={text.regionLabel}
      aria-busy={login.isBusy}
      lang={locale === 'es' ? 'es' : 'en'}
      onFocus={(event: FocusEvent) => {
        if (event.target instanceof HTMLButtonElement) interacted.current = true;
      }}
    >
      <div className="bl-stage" data-camera={camera.active ? 'on' : 'off'}>
        {camera.active ? <camera.Preview {...camera.props} label={text.videoLabel} className="bl-video" /> : null}
        <div className="bl-guide" aria-hidden="true" />
        {login.isBusy ? <div className="bl-spinner" aria-hidden="true" /> : null}
      </div>
      <p className="bl-status" role="status" aria-live="polite">
        {text.status[state.status]}
      </p>
      {errorText ? (
        <div className="bl-alert" role="alert">
          <p className="bl-alert-title">{errorText.title}</p>
          <p className="bl-alert-description">{errorText.description}</p>
        </div>
      ) : null}
      <div className="bl-actions">
        {error ? (
          login.canRetry ? (
            <button ref={action} type="button" className="bl-button" onClick={login.retry}>
              {text.tryAgain}
            </button>
          ) : null
        ) : state.status === 'idle' ? (
          <button ref={action} type="button" className="bl-button" onClick={login.start}>
            {text.startCamera}
          </button>
        ) : (
          <button ref={action} type="button" className="bl-button" disabled={!login.canCapture} onClick={() => void login.capture()}>
            {text.verify}
          </button>
        )}
      </div>
    </section>
  );
}
