import type { Decorator } from '@storybook/react-vite';
import { type ComponentType, useState } from 'react';
import type { BiometricLoginProps } from '../BiometricLogin.js';

// The JWT header is the same for every sandbox token; the rest changes on each run, so the picture leaves it out.
const tokenPattern = /(token=[\w-]+)\.[\w.-]+/;

interface CaughtRedirectProps {
  Story: ComponentType<{ args: BiometricLoginProps }>;
  args: BiometricLoginProps;
}

function CaughtRedirect({ Story, args }: CaughtRedirectProps) {
  const [caught, setCaught] = useState<string>();
  const navigate = (url: string) => {
    args.navigate?.(url);
    setCaught(url);
  };
  return (
    <>
      <Story args={{ ...args, navigate }} />
      {caught === undefined ? null : (
        <aside aria-label="Caught redirect" className="story-caught-redirect">
          <p>Redirect caught, not followed:</p>
          <code>{caught.replace(tokenPattern, '$1.…')}</code>
        </aside>
      )}
    </>
  );
}

/**
 * Catches the success redirect: the story's `navigate` spy still gets the URL, the page stays, and the URL
 * (its token shortened) shows under the component.
 */
export const withCaughtRedirect: Decorator<BiometricLoginProps> = (Story, context) => <CaughtRedirect Story={Story} args={context.args} />;
