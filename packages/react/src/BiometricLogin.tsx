import { type FocusEvent, useEffect, useId, useMemo, useRef } from 'react';
import type { UseBiometricLoginOptions, UseBiometricLoginResult } from './login/biometricLoginOptions.js';
import type { GuidanceText } from './guidance/guidanceText.js';
import { type BiometricLoginLocale, type BiometricLoginMessageOverrides, type BiometricLoginMessages, resolveMessages } from './messages.js';
import { useBiometricLogin } from './login/useBiometricLogin.js';
import { useGuidanceChunk } from './guidance/loadGuidance.js';

export interface BiometricLoginProps extends UseBiometricLoginOptions {
  /** 'en' (default) or 'es'; anything else falls back to English. */
  locale?: BiometricLoginLocale | (string & {});
  /** Override any string; what is left out falls back to the locale, then English. */
  messages?: BiometricLoginMessageOverrides;
  className?: string;
}

/**
 * The one line the polite live region says: the flow's status, or, while the camera is ready, the guidance: the
 * hint to follow (limited guidance has hints too: light and stillness), "hold still" while auto-capture's hold
 * fills, or the ready words when the person is to press the button.
 */
function statusLine(login: UseBiometricLoginResult, text: BiometricLoginMessages, guidanceText: GuidanceText | undefined, autoCapture: boolean): string {
  const { state, guidance } = login;
  // Ready, unguided, yet nothing can be taken: a camera being switched, until the new one shows a frame.
  if (state.status === 'ready' && guidance.status === 'off' && !login.canCapture) return text.checkingCamera;
  if (state.status !== 'ready' || guidance.status === 'off') return text.status[state.status];
  if (guidanceText === undefined || guidance.status === 'loading' || (guidance.hint === undefined && !guidance.fit)) return text.checkingCamera;
  if (guidance.hint !== undefined) return guidanceText.hints[guidance.hint];
  return guidance.status === 'active' && autoCapture ? guidanceText.holdStill : text.status.ready;
}


/** Drop-in face login: opens the camera, checks the face, sends one frame, and on success sends the browser on. */
export function BiometricLogin({ locale = 'en', messages, className, ...options }: BiometricLoginProps) {
  const login = useBiometricLogin(options);
  const text = useMemo(() => resolveMessages(locale, messages), [locale, messages]);
  const { state, error, camera, guidance } = login;
  // Guided capture's words and extras load once needed: with guidance, or for a camera picker or a notice.
  const extras = camera.active && (guidance.status !== 'off' || camera.cameras.length > 1 || camera.lowResolution);
  // Guided capture's words and extras (hold bar, notes, the offer, the camera picker): its one lazy chunk.
  const chunk = useGuidanceChunk(extras);
  const guidanceText = useMemo(() => chunk?.resolveGuidanceText(locale, messages?.guidance), [chunk, locale, messages?.guidance]);
  const Extras = chunk?.GuidanceExtras;
  const errorText = error ? text.errors[error.code] : undefined;
  const statusId = useId();
  const guided = state.status === 'ready' && guidance.status === 'active';

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
      data-guidance={guided ? (guidance.hint ?? (guidance.fit ? 'fit' : 'checking')) : undefined}
      aria-label={text.regionLabel}
      aria-busy={login.isBusy}
      lang={locale === 'es' ? 'es' : 'en'}
      onFocus={(event: FocusEvent) => {
        if (event.target instanceof HTMLButtonElement) interacted.current = true;
      }}
    >
      <div className="bl-stage" data-camera={camera.active ? 'on' : 'off'} data-orientation={camera.orientation}>
        {camera.active ? <camera.Preview {...camera.props} label={text.videoLabel} className="bl-video" /> : null}
        <div className="bl-guide" aria-hidden="true" />
        {login.isBusy ? <div className="bl-spinner" aria-hidden="true" /> : null}
      </div>
      {camera.active && guidanceText && Extras ? <Extras login={login} text={guidanceText} part="hold" autoCapture={options.autoCapture ?? true} /> : null}
      <p id={statusId} className="bl-status" role="status" aria-live="polite">
        {statusLine(login, text, guidanceText, options.autoCapture ?? true)}
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
          <button
            ref={action}
            type="button"
            className="bl-button"
            disabled={!login.canCapture}
            aria-describedby={state.status === 'ready' && !login.canCapture ? statusId : undefined}
            onClick={() => void login.capture()}
          >
            {text.verify}
          </button>
        )}
      </div>
      {camera.active && guidanceText && Extras ? <Extras login={login} text={guidanceText} part="notes" autoCapture={options.autoCapture ?? true} /> : null}
    </section>
  );
}
