import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

/** The toolbar's language feeds every story's `locale` prop; a story may pin it with `globals: { locale }`. */
const withLocale: Decorator = (Story, context) => {
  const locale = context.globals.locale === 'es' ? 'es' : 'en';
  return <Story args={{ ...context.args, locale }} />;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the component',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [withLocale],
  loaders: [
    // The worker is served next to iframe.html (staticDirs), so the static build also works under a sub-path.
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
        onUnhandledRequest(request, print) {
          // A call to the API that no story handler answers is a broken story, never a trip to the real service.
          if (new URL(request.url).hostname === 'api.verifik.co') print.error();
        },
      });
      return worker;
    }),
  ],
  parameters: {
    layout: 'padded',
    // Any axe violation fails the story's test.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: {
      options: {
        // The story tests pin this one (.storybook/vitest.project.ts), so screenshots keep one size.
        screenshot: { name: 'Screenshot (480 x 900)', styles: { width: '480px', height: '900px' }, type: 'mobile' },
      },
    },
  },
};

export default preview;
