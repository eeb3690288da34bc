// Guided capture's extras around the status line: the hold's progress, the notes, the offer to send anyway, the
// camera picker. Loaded with guided capture's words, once the camera runs.
import type { UseBiometricLoginResult } from '../login/biometricLoginOptions.js';
import type { GuidanceText } from './guidanceText.js';

export interface GuidanceExtrasProps {
  login: UseBiometricLoginResult;
  text: GuidanceText;
  /** Where the hold bar goes: just above the status line; the notes and the picker go below. */
  part: 'hold' | 'notes';
  /** The hold bar means "it will go by itself": without auto-capture there is none. */
  autoCapture: boolean;
}

/** More than one camera: a labelled picker; the choice holds until the login unmounts. */
function CameraPicker({ login, label }: { login: UseBiometricLoginResult; label: string }) {
  const { cameras, selected, select } = login.camera;
  if (cameras.length < 2) return null;
  return (
    <label className="bl-camera">
      {label}
      <select value={selected ?? ''} onChange={(event) => select(event.target.value)}>
        {cameras.map((camera, index) => (
          <option key={camera.deviceId} value={camera.deviceId}>
            {camera.label || `${label} ${index + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function GuidanceExtras({ login, text, part, autoCapture }: GuidanceExtrasProps) {
  const { state, guidance, camera } = login;
  if (part === 'hold') {
    const holding = autoCapture && state.status === 'ready' && guidance.status === 'active' && guidance.fit;
    return holding ? <progress className="bl-hold" aria-label={text.holdLabel} max={1} value={guidance.holdProgress} /> : null;
  }
  return (
    <>
      {/* Always there, empty until the offer: a live region that appears with its content is often not announced. */}
      <div className="bl-offer" aria-live="polite">
        {login.canSendAnyway ? (
          <>
            <p className="bl-note">{text.sendAnywayOffer}</p>
            <button type="button" className="bl-button bl-button-secondary" onClick={() => void login.sendAnyway()}>
              {text.sendAnyway}
            </button>
          </>
        ) : null}
      </div>
      {camera.lowResolution ? <p className="bl-note">{text.lowResolution}</p> : null}
      {state.status === 'ready' && guidance.status === 'limited' ? <p className="bl-note">{text.limited}</p> : null}
      <CameraPicker login={login} label={text.cameraLabel} />
    </>
  );
}
