import { NextResponse } from 'next/server';
import { closeAppSession } from '../../lib/appSession';
import { readSettings } from '../../lib/settings';

export function POST(): Response {
  const response = NextResponse.redirect(new URL('/', readSettings().appOrigin), 303);
  closeAppSession(response);
  return response;
}
