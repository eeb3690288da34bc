import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  resolve: {
    conditions: ['@biometric-login/source', ...defaultClientConditions],
    // The profiling build of React keeps <Profiler> onRender working in production.
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
  },
  build: { outDir: fileURLToPath(new URL('../.out/capture', import.meta.url)), emptyOutDir: true, reportCompressedSize: false },
});
