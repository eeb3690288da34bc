import { displayText, shortened } from './displayText';
import type { Claim } from './readTokenClaims';
import type { DemoLocale } from './text';

export interface ClaimListProps {
  claims: readonly Claim[];
  /** Friendly names of the claims this project issues; others show their name only. */
  names: Readonly<Record<string, string>>;
  expiredLabel: string;
  /** What follows a value cut short, given its full length. */
  truncated: (length: number) => string;
  /** The line under the list when not every claim is shown. */
  moreClaims: (count: number) => string;
  locale: DemoLocale;
  /** When the page was opened, in ms since the epoch: what "expired" is measured against. */
  now: number;
}

// A payload is whatever the address brought: only this much of it is shown.
const maxClaims = 100;
const maxNameLength = 100;
const maxValueLength = 500;

// JWT NumericDate claims (RFC 7519): seconds since the epoch.
const timeClaims = new Set(['iat', 'exp', 'nbf', 'auth_time']);
// Beyond this, in ms either side of 1970, a Date is invalid (ECMAScript's time range).
const maxTimeMs = 8.64e15;

/** The claim as a date, when it is a time claim holding a number that is one; undefined otherwise. */
function claimDate(name: string, value: unknown): Date | undefined {
  if (!timeClaims.has(name) || typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value * 1000 > maxTimeMs) return undefined;
  return new Date(value * 1000);
}

function describe({ name, value }: Claim, { locale, now, expiredLabel, truncated }: ClaimListProps): string {
  const date = claimDate(name, value);
  if (date === undefined) return shortened(displayText(value), maxValueLength, truncated);
  const shown = `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date)} (${String(value)})`;
  return name === 'exp' && date.getTime() <= now ? `${shown}, ${expiredLabel}` : shown;
}

export function ClaimList(props: ClaimListProps) {
  const shown = props.claims.slice(0, maxClaims);
  return (
    <>
      <dl className="demo-claims">
        {shown.map((claim) => {
          // Own names only: `names.constructor` or `names.__proto__` would be Object's, not a friendly name.
          const friendlyName = Object.hasOwn(props.names, claim.name) ? props.names[claim.name] : undefined;
          return (
            <div key={claim.name} className="demo-claim">
              <dt>
                <code>{shortened(claim.name, maxNameLength, props.truncated)}</code>
                {friendlyName === undefined ? null : <span className="demo-claim-name">{friendlyName}</span>}
              </dt>
              <dd>{describe(claim, props)}</dd>
            </div>
          );
        })}
      </dl>
      {props.claims.length > shown.length ? <p className="demo-claims-more">{props.moreClaims(props.claims.length - shown.length)}</p> : null}
    </>
  );
}
