import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // MSW's worker (committed, so the static build works offline), and the repository's fixtures (the faces the
  // picture cameras film) at /fixtures.
  staticDirs: ['./public', { from: '../fixtures', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(config) {
    // Workspace packages resolve to their TypeScript source, so stories need no build first.
    config.resolve = { ...config.resolve, conditions: ['@biometric-login/source', ...defaultClientConditions] };
    // react-webcam is imported only when a camera is asked for: pre-bundled up front, not discovered mid-run.
    config.optimizeDeps = { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'react-webcam'] };
    return config;
  },
};

export default config;
