import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { readAppSession, sessionCookieName } from '../../lib/appSession';
import { readSettings } from '../../lib/settings';

export default async function AccountPage() {
  const session = await readAppSession((await cookies()).get(sessionCookieName)?.value, readSettings().sessionKey);
  if (session === undefined) redirect('/');
  return (
    <>
      <h1>Signed in</h1>
      <p>
        Face login <code>{session.validationId}</code> opened this session.
      </p>
      <form method="post" action="/logout">
        <button type="submit">Sign out</button>
      </form>
    </>
  );
}
