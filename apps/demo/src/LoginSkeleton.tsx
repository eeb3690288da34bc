import type { ReactNode } from 'react';

/** Holds the login's place (its dark camera stage) until there is a login to show. */
export function LoginSkeleton({ children }: { children?: ReactNode }) {
  return (
    <div className="demo-skeleton">
      <div className="demo-skeleton-stage" />
      {children}
    </div>
  );
}
