import { BiometricLogin } from '@biometric-login/react';
import { useMemo, useState } from 'react';
import { CameraPicker } from './CameraPicker';
import { type CameraChoice, sampleFaceCamera } from './cameras';
import type { DemoConfig } from './demoConfig';
import { demoScenario, type DemoScenarioId } from './demoScenarios';
import { LoginSkeleton } from './LoginSkeleton';
import { ScenarioPicker } from './ScenarioPicker';
import { foreignRedirectUrl } from './scenarioSettings';
import type { DemoLocale, DemoText } from './text';
import { type SessionRequest, useSandboxSession } from './useSandboxSession';

export interface SandboxDemoProps {
  config: DemoConfig;
  locale: DemoLocale;
  text: DemoText['login'];
}

/** Picks a scenario, asks the sandbox for a matching session, and logs in with it. */
export function SandboxDemo({ config, locale, text }: SandboxDemoProps) {
  const [scenarioId, setScenarioId] = useState<DemoScenarioId>('success');
  const [camera, setCamera] = useState<CameraChoice>('webcam');
  const scenario = demoScenario(scenarioId);
  const [request, setRequest] = useState<SessionRequest>(() => ({ options: scenario.session }));
  const session = useSandboxSession(config.apiBaseUrl, request);
  const redirectUrl = scenario.redirect === 'foreign' ? foreignRedirectUrl : config.redirectUrl;
  const projectFlow = useMemo(() => ({ redirectUrl }), [redirectUrl]);

  const chooseScenario = (id: DemoScenarioId) => {
    setScenarioId(id);
    setRequest({ options: demoScenario(id).session });
  };

  return (
    <div className="demo-layout">
      <section className="demo-panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{text.settingsHeading}</h2>
        <ScenarioPicker text={text} value={scenarioId} onChange={chooseScenario} />
        <CameraPicker text={text} value={camera} onChange={setCamera} />
        <button type="button" className="demo-button" onClick={() => setRequest({ options: scenario.session })}>
          {text.newSession}
        </button>
      </section>
      <div className="demo-login-slot">
        {session.status === 'ready' ? (
          <BiometricLogin
            // A new session or camera starts the login over, with a fresh component.
            key={`${session.session._id}:${camera}`}
            className="demo-login"
            token={session.session.token}
            projectFlow={projectFlow}
            apiBaseUrl={config.apiBaseUrl}
            allowedRedirectOrigins={config.allowedRedirectOrigins}
            camera={camera === 'sample' ? sampleFaceCamera : undefined}
            timeoutMs={scenario.timeoutMs}
            autoStart={false}
            locale={locale}
          />
        ) : (
          <LoginSkeleton>
            {session.status === 'loading' ? (
              <p className="demo-skeleton-text" role="status">
                {text.sessionLoading}
              </p>
            ) : (
              <p className="demo-skeleton-text" role="alert">
                {text.sessionFailed(session.reason)}
              </p>
            )}
          </LoginSkeleton>
        )}
      </div>
    </div>
  );
}
