import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as reactPackage from './index.js';

const token = `e30.${Buffer.from(JSON.stringify({ livenessSession: 'ls_1', exp: Date.now() / 1000 + 600 })).toString('base64url')}.sig`;

describe('server-side rendering (plain node, no DOM)', () => {
  it('renders the idle state with no camera and no request', () => {
    const html = renderToString(<reactPackage.BiometricLogin token={token} projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} />);
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<video');
    expect(html).not.toContain(token);
  });

  it('renders a refused configuration as an alert, in Spanish', () => {
    const html = renderToString(<reactPackage.BiometricLogin locale="es" token={token} projectFlow={{ redirectUrl: 'javascript:alert(1)' }} />);
    expect(html).toContain('data-state="failed"');
    expect(html).toContain('role="alert"');
    expect(html).toContain(reactPackage.es.errors.REDIRECT_NOT_ALLOWED.title);
  });
});
