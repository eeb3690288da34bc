import '@biometric-login/react/styles.css';
import './app.css';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Face login with Next.js', referrer: 'no-referrer' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that each gets its own CSP nonce (a prerendered page could not).
  await connection();
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}
