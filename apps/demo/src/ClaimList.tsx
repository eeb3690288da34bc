import type { DemoLocale } from './text';

export interface ClaimListProps {
  claims: Readonly<Record<string, unknown>>;
  /** Friendly names of the claims this project issues; others show their name only. */
  names: Readonly<Record<string, string>>;
  expiredLabel: string;
  locale: DemoLocale;
  /** When the page was opened, in ms since the epoch: what "expired" is measured against. */
  now: number;
}

// JWT NumericDate claims (RFC 7519): seconds since the epoch.
const timeClaims = new Set(['iat', 'exp', 'nbf', 'auth_time']);

function describe(name: string, value: unknown, { locale, now, expiredLabel }: ClaimListProps): string {
  if (timeClaims.has(name) && typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value * 1000);
    const shown = `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date)} (${value})`;
    return name === 'exp' && date.getTime() <= now ? `${shown}, ${expiredLabel}` : shown;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ClaimList(props: ClaimListProps) {
  return (
    <dl className="demo-claims">
      {Object.entries(props.claims).map(([name, value]) => (
        <div key={name} className="demo-claim">
          <dt>
            <code>{name}</code>
            {props.names[name] === undefined ? null : <span className="demo-claim-name">{props.names[name]}</span>}
          </dt>
          <dd>{describe(name, value, props)}</dd>
        </div>
      ))}
    </dl>
  );
}
