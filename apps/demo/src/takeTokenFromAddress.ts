// Tokens arrive in the address; once read they are removed from it (and from the history entry) with replaceState.

type Place = Pick<Location, 'pathname' | 'search' | 'hash'>;
type History = Pick<globalThis.History, 'state' | 'replaceState'>;

function take(params: URLSearchParams): string | undefined {
  const token = params.get('token')?.trim();
  params.delete('token');
  return token === '' ? undefined : token;
}

function joined(prefix: '?' | '#', params: URLSearchParams): string {
  const text = params.toString();
  return text === '' ? '' : `${prefix}${text}`;
}

/** The liveness-session token from `#token=…`: a fragment never reaches a server or its logs. */
export function takeTokenFromFragment(location: Place, history: History): string | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('token')) return undefined;
  const token = take(params);
  history.replaceState(history.state, '', `${location.pathname}${location.search}${joined('#', params)}`);
  return token;
}

/** The login token the redirect put in `?token=…`. */
export function takeTokenFromQuery(location: Place, history: History): string | undefined {
  const params = new URLSearchParams(location.search);
  if (!params.has('token')) return undefined;
  const token = take(params);
  history.replaceState(history.state, '', `${location.pathname}${joined('?', params)}${location.hash}`);
  return token;
}
