import { fileURLToPath } from 'node:url';
import { biometricSandbox } from '@biometric-login/sandbox/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv } from 'vite';
import { readBuildSettings } from './buildSettings.ts';
import { prerenderLoginPage } from './prerender.ts';
import { contentSecurityPolicy, devContentSecurityPolicy, headersFile, securityHeaders, withConnectSources } from './securityHeaders.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => {
  const settings = readBuildSettings(loadEnv(mode, here, 'VITE_'));
  const apiOrigins = settings.mode === 'live' ? [settings.apiOrigin] : [];
  return {
    envDir: here,
    plugins: [
      react(),
      prerenderLoginPage(),
      // The headers a static host must send with the build, as a `_headers` file Netlify and Cloudflare Pages read.
      {
        name: 'demo:headers-file',
        apply: 'build',
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(securityHeaders(withConnectSources(contentSecurityPolicy, apiOrigins))) });
        },
      },
      ...(settings.mode === 'sandbox' ? [biometricSandbox()] : []),
    ],
    // The packages' TypeScript source, through their entry points, so a change shows without rebuilding them.
    resolve: { conditions: ['@biometric-login/source', ...defaultClientConditions] },
    build: {
      // One stylesheet for the page instead of one per chunk: one request fewer before the first paint.
      cssCodeSplit: false,
      rolldownOptions: {
        input: { main: fileURLToPath(new URL('index.html', import.meta.url)), callback: fileURLToPath(new URL('callback.html', import.meta.url)) },
      },
    },
    server: {
      host: '127.0.0.1',
      port: 5173,
      strictPort: false,
      headers: securityHeaders(withConnectSources(devContentSecurityPolicy, apiOrigins)),
    },
    preview: {
      host: '127.0.0.1',
      port: 4173,
      strictPort: false,
      headers: securityHeaders(withConnectSources(contentSecurityPolicy, apiOrigins)),
    },
  };
});
