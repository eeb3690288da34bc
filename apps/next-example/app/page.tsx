import { BiometricLogin } from '@biometric-login/react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { readAppSession, sessionCookieName } from '../lib/appSession';
import { createLivenessSession } from '../lib/livenessSession';
import { readSettings } from '../lib/settings';

/**
 * A server component: it creates the liveness session at the API with the server's credentials and renders
 * <BiometricLogin> straight from the package (its entry is a client module), with nothing secret in its props.
 */
export default async function LoginPage() {
  // A session per visit: never prerendered at build time.
  await connection();
  const settings = readSettings();
  if (await readAppSession((await cookies()).get(sessionCookieName)?.value, settings.sessionKey)) redirect('/account');
  const session = await createLivenessSession(settings);
  return (
    <>
      <h1>Sign in</h1>
      <BiometricLogin
        token={session.token}
        apiBaseUrl={settings.apiBaseUrl}
        projectFlow={{ redirectUrl: `${settings.appOrigin}/callback` }}
        allowedRedirectOrigins={[settings.appOrigin]}
      />
    </>
  );
}
