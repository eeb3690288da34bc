import { BiometricLogin } from '@biometric-login/react';
import '@biometric-login/react/styles.css';

/** The login page. `token` is the liveness-session JWT your server created (POST /v2/biometric-validations). */
export function App({ token }: { token: string }) {
  return (
    <BiometricLogin
      token={token} // required: the liveness-session JWT
      projectFlow={{ redirectUrl: `${window.location.origin}/callback` }} // where to go on success, with ?token=<login token>
      apiBaseUrl={import.meta.env.VITE_API_BASE_URL} // optional, default https://api.verifik.co
      allowedRedirectOrigins={[window.location.origin]} // optional allowlist for the redirect
      onSuccess={(success) => console.info('Signed in; going to', success.redirectUrl)} // optional; success.preventRedirect() stays
      onError={(error) => console.warn('Face login failed:', error.code)} // optional; a BiometricLoginError, branch on error.code
      locale="en" // optional: 'en' (default) or 'es'
      messages={{ tryAgain: 'Try once more' }} // optional overrides of any string
    />
  );
}
