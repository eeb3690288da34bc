import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallbackPage } from './CallbackPage';
import { en } from './text/en';

const text = en.callback;
const openedAt = Date.UTC(2030, 0, 1, 12, 0, 0);

/** A token whose payload segment is `payload` as it is: any text, JSON or not. */
function tokenWithPayload(payload: string): string {
  return `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(payload).toString('base64url')}.c2lnbmF0dXJl`;
}

function renderPage(token: string | undefined) {
  render(<CallbackPage token={token} openedAt={openedAt} />);
  return { heading: screen.getByRole('heading', { level: 1 }).textContent };
}

/** Each claim as the page shows it, [name, value], in order. */
function shownClaims(): [string, string][] {
  const list = within(screen.getByRole('region', { name: text.claimsHeading }));
  return list.queryAllByRole('term').map((term) => [term.querySelector('code')?.textContent ?? '', term.nextElementSibling?.textContent ?? '']);
}

describe('<CallbackPage> with hostile claims', () => {
  it('shows a __proto__ claim, and claims named like Object.prototype members, as text', () => {
    const { heading } = renderPage(tokenWithPayload('{"__proto__":{"polluted":true},"constructor":"c","toString":1,"sub":"abc"}'));
    expect(heading).toBe(text.heading);
    expect(shownClaims()).toEqual([
      ['__proto__', '{"polluted":true}'],
      ['constructor', 'c'],
      ['toString', '1'],
      ['sub', 'abc'],
    ]);
    // Only the project's own claims get a friendly name.
    expect(screen.queryByText(text.claimNames.sub ?? '')).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows nested objects and arrays, null and booleans as JSON text', () => {
    renderPage(tokenWithPayload('{"roles":["a",{"b":[1,null]}],"profile":{"name":"Ana","verified":true},"none":null,"flag":false}'));
    expect(shownClaims()).toEqual([
      ['roles', '["a",{"b":[1,null]}]'],
      ['profile', '{"name":"Ana","verified":true}'],
      ['none', 'null'],
      ['flag', 'false'],
    ]);
  });

  it('shows a date only for a time claim that is a valid date: exp of 1e20, -1, a string or an object stays as it is', () => {
    renderPage(tokenWithPayload('{"exp":1e20,"iat":-1,"nbf":"tomorrow","auth_time":{"at":1}}'));
    expect(shownClaims()).toEqual([
      ['exp', '100000000000000000000'],
      ['iat', '-1'],
      ['nbf', 'tomorrow'],
      ['auth_time', '{"at":1}'],
    ]);
  });

  it('shows a valid exp as a date, and says when it has passed', () => {
    const exp = openedAt / 1000 - 60;
    renderPage(tokenWithPayload(JSON.stringify({ exp })));
    const [[name, shown = ''] = []] = shownClaims();
    expect(name).toBe('exp');
    expect(shown).toContain('Jan 1, 2030');
    expect(shown).toContain(`(${exp})`);
    expect(shown).toContain(text.expired);
  });

  it('cuts a huge claim short and says how long it was', () => {
    renderPage(tokenWithPayload(JSON.stringify({ [`n${'a'.repeat(5_000)}`]: 'x'.repeat(1_000_000) })));
    const [[name, value] = []] = shownClaims();
    expect(name?.length).toBeLessThan(1_000);
    expect(value?.length).toBeLessThan(1_000);
    expect(value).toContain(text.truncated(1_000_000));
  });

  it('shows the first claims of a payload with thousands, and how many more there are', () => {
    renderPage(tokenWithPayload(JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`c${index}`, index])))));
    expect(shownClaims()).toHaveLength(100);
    expect(screen.queryByText(text.moreClaims(4_900))).not.toBeNull();
  });

  it('survives nesting too deep to turn back into JSON', () => {
    const { heading } = renderPage(tokenWithPayload(`{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}`));
    // However deep the engine parses, the page shows either the claim or "not a readable token", never nothing.
    expect([text.heading, text.malformed.title]).toContain(heading);
  });

  it.each([
    ['a payload that is not JSON', tokenWithPayload('{"sub": "abc"')],
    ['a payload that is a JSON array', tokenWithPayload('[1,2,3]')],
    ['a payload that is a JSON string', tokenWithPayload('"sub"')],
    ['a payload that is null', tokenWithPayload('null')],
    ['a payload that is not UTF-8', `e30.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.sig`],
    ['a payload that is not base64url', 'e30.not*base64.sig'],
    ['two segments', 'e30.e30'],
    ['an empty token', ''],
  ])('says "not a readable token" for %s', (_name, token) => {
    expect(renderPage(token).heading).toBe(text.malformed.title);
    expect(screen.queryByRole('link', { name: text.loginAgain })).not.toBeNull();
  });

  it('says there is no token when there is none', () => {
    expect(renderPage(undefined).heading).toBe(text.noToken.title);
  });
});

describe('callback.html', () => {
  afterEach(() => {
    vi.doUnmock('./ClaimList');
    vi.resetModules();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('shows a clear message, not a blank page, when rendering the page throws', async () => {
    // A fresh page module graph, with a claim list that throws.
    vi.resetModules();
    vi.doMock('./ClaimList', () => ({
      ClaimList: () => {
        throw new TypeError('a claim nobody thought of');
      },
    }));
    // React reports the error it caught; that is expected here.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    document.body.innerHTML = '<div id="root"></div>';
    window.history.replaceState(null, '', `/callback.html?token=${tokenWithPayload('{"sub":"abc"}')}`);

    await import('./callback');

    await screen.findByRole('heading', { level: 1, name: text.failed.title });
    expect(screen.queryByText(text.failed.body)).not.toBeNull();
    expect(screen.queryByRole('link', { name: text.loginAgain })).not.toBeNull();
    expect(reported).toHaveBeenCalled();
    // The token was still taken out of the address.
    expect(window.location.search).toBe('');
  });
});
