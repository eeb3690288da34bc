import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer, defaultServerConditions, type Plugin, type ResolvedConfig } from 'vite';
import type * as PrerenderEntry from './src/prerender.tsx';

type PrerenderModule = typeof PrerenderEntry;

const here = fileURLToPath(new URL('.', import.meta.url));
const rootMarker = '<div id="root"></div>';

/**
 * Build only: renders src/prerender.tsx in Node and puts the login page's first render into index.html's
 * #root, so the page paints (and its largest text is there) before any JavaScript has loaded.
 */
export function prerenderLoginPage(): Plugin {
  let resolved: ResolvedConfig;
  return {
    name: 'demo:prerender-login-page',
    apply: 'build',
    configResolved(config) {
      resolved = config;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (context.path !== '/index.html') return html;
        if (!html.includes(rootMarker)) throw new Error(`index.html has no ${rootMarker} to prerender into`);
        const markup = await renderInNode(resolved);
        return lowerScriptPriority(html.replace(rootMarker, `<div id="root">${markup}</div>`));
      },
    },
  };
}

/**
 * The page paints from its HTML and CSS now; the JavaScript makes it interactive. At low priority the
 * scripts no longer compete with the stylesheets for the first paint (and Lighthouse stops counting them
 * as render-blocking, which Chromium's High priority for module scripts makes it do).
 */
function lowerScriptPriority(html: string): string {
  return html
    .replaceAll('<script type="module" crossorigin', '<script type="module" fetchpriority="low" crossorigin')
    .replaceAll('<link rel="modulepreload" crossorigin', '<link rel="modulepreload" fetchpriority="low" crossorigin');
}

async function renderInNode(config: ResolvedConfig): Promise<string> {
  const server = await createServer({
    configFile: false,
    root: here,
    envDir: here,
    mode: config.mode,
    base: config.base,
    logLevel: 'warn',
    appType: 'custom',
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, ws: false },
    // The packages' TypeScript source, as the browser build uses.
    ssr: { noExternal: [/^@biometric-login\//], resolve: { conditions: ['@biometric-login/source', ...defaultServerConditions] } },
  });
  try {
    const { renderLoginPage, placeholderOrigin } = (await server.ssrLoadModule('/src/prerender.tsx')) as PrerenderModule;
    const markup = renderLoginPage();
    if (markup.includes(placeholderOrigin)) throw new Error("The prerendered login page contains the page's origin, which only the browser knows");
    return markup;
  } finally {
    await server.close();
  }
}
