import { type ErrorCode, errorCodeInfo, errorCodes } from '@biometric-login/core';
import { Controls, Description, Heading, Markdown, Primary, Stories, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { composeStories } from '@storybook/react-vite';
import type * as ErrorStoriesModule from '../BiometricLogin.errors.stories.js';
import { en } from '../messages.js';

const usage = `
\`\`\`tsx
import { BiometricLogin } from '@biometric-login/react';
import '@biometric-login/react/styles.css';

<BiometricLogin
  token={livenessSessionJwt}                                  // from POST /v2/biometric-validations
  projectFlow={{ redirectUrl: 'https://app.example.com/cb' }} // where the browser goes on success
  allowedRedirectOrigins={['https://app.example.com']}        // refuse any other redirect
  onSuccess={(success) => {}}                                 // success.preventRedirect() keeps the page
  onError={(error) => console.info(error.code)}               // one of the codes below
  locale="es"                                                 // 'en' (default) or 'es'
/>
\`\`\`

The root carries \`data-state\` (\`idle\`, \`startingCamera\`, \`ready\`, \`capturing\`, \`submitting\`,
\`redirecting\`, \`succeeded\`, \`failed\`) and, when failed, \`data-error\` with the code. Theme it through the
\`--bl-*\` custom properties on \`.bl-root\` (see the Theming story). Every story here talks to the offline
sandbox through MSW and films a fixture face instead of a webcam; switch the language with the toolbar's globe.
`;

const guidedCapture = `
On by default: before anything is sent, each camera frame is checked in a worker for one well-placed, well-lit,
sharp face. The status line asks for one fix at a time (also the disabled button's description), the oval turns
solid and a bar fills while the face is held still, and after about a second the frame is sent by itself. The root's
\`data-guidance\` says what it sees (\`fit\`, a hint such as \`closer\`, or \`checking\`). \`autoCapture={false}\` leaves the
sending to the button, \`guidance={false}\` turns it all off. Never a dead end: when no frame has been fit for
\`sendAnywayAfterMs\` (10 s by default; \`false\` turns it off), a secondary "Send anyway" button below the hint sends
the picture as it is, once. Every hint, the hold, the offer, the camera picker and the notes are in
**BiometricLogin/Guidance**.
`;

/** The error stories module, as `import * as errorStories` gives it. */
export type ErrorStories = typeof ErrorStoriesModule;

interface ErrorStoryLink {
  name: string;
  href: string;
  cause: string;
}

function storiesByCode(stories: ErrorStories): Map<ErrorCode, ErrorStoryLink[]> {
  const byCode = new Map<ErrorCode, ErrorStoryLink[]>();
  // Storybook's own names and ids, through its public composeStories.
  for (const story of Object.values(composeStories(stories))) {
    const code = story.parameters?.errorCode as ErrorCode | undefined;
    if (code === undefined) continue;
    const link = { name: story.storyName, href: `./?path=/story/${story.id}`, cause: String(story.parameters?.errorCause ?? '') };
    byCode.set(code, [...(byCode.get(code) ?? []), link]);
  }
  return byCode;
}

/** `code` spans in a cause, as in Markdown. */
function withCode(text: string) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

const kindLabel = { verification: 'the face', session: 'the session', network: 'the service', camera: 'the camera', configuration: 'the set-up' } as const;

/** Every error code, from the library's own list and English words, with the story that shows it. */
export function ErrorCodeTable({ stories }: { stories: ErrorStories }) {
  const links = storiesByCode(stories);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">code</th>
          <th scope="col">what the person reads</th>
          <th scope="col">about</th>
          <th scope="col">handling</th>
          <th scope="col">cause, in the stories</th>
        </tr>
      </thead>
      <tbody>
        {errorCodes.map((code) => {
          const info = errorCodeInfo[code];
          return (
            <tr key={code}>
              <td>
                <code>{code}</code>
              </td>
              <td>
                <strong>{en.errors[code].title}</strong>
                <br />
                {en.errors[code].description}
              </td>
              <td>{kindLabel[info.kind]}</td>
              <td>
                {info.transient ? 'retried by itself; ' : ''}
                {info.userCanRetry ? '"Try again"' : 'no "Try again": the app has to start a new login'}
              </td>
              <td>
                {(links.get(code) ?? []).map((link) => (
                  <p key={link.href} style={{ margin: '0 0 0.5rem' }}>
                    <a href={link.href} target="_top">
                      {link.name}
                    </a>
                    : {withCode(link.cause)}
                  </p>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The component's docs page: usage, guided capture, the props table, every error code, every state. */
export function BiometricLoginDocs({ errorStories }: { errorStories: ErrorStories }) {
  return (
    <>
      <Title />
      <Subtitle>Drop-in face login on Verifik&apos;s biometric-validation API</Subtitle>
      <Description />
      <Primary />
      <Heading>Usage</Heading>
      <Markdown>{usage}</Markdown>
      <Heading>Guided capture</Heading>
      <Markdown>{guidedCapture}</Markdown>
      <Heading>Props</Heading>
      <Controls />
      <Heading>Error codes</Heading>
      <Markdown>
        {
          'Every failure reaches `onError` once as a `BiometricLoginError` with one of these codes, and the person reads the words beside it (`locale="es"` has its own). Network failures, 5xx and short 429s are retried twice by themselves first.'
        }
      </Markdown>
      <ErrorCodeTable stories={errorStories} />
      <Stories title="States" />
    </>
  );
}
