// Stand-ins for the face analyzer's files, served by the browser tests' Vite server under /analyzer-doubles/, for the
// tests that show a broken analyzer never strands anyone (BiometricLogin.analyzer.browser.test.tsx):
// - hung/: a worker that says it is ready, then never answers a frame (a hung worker, a device far too slow);
// - silent/: a worker that never even says it is ready (a model that never finishes loading);
// - tampered/: the real worker, with a model one bit away from the one the package ships. It would still load and
//   find faces: only the digest check keeps it from running;
// - stale/: a worker of another release (another protocol version) that would otherwise work.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { workerProtocolVersion } from '../src/guidance/protocol.js';
import { analyzerDoublesPath } from './analyzerDoublesPath.js';


const readyAs = (version: number) =>
  `self.onmessage = (event) => { if (event.data.type === 'init') self.postMessage({ type: 'ready', version: ${version}, loadMs: 0 }); };`;
const hungWorker = readyAs(workerProtocolVersion);
const staleWorker = readyAs(workerProtocolVersion - 1);
const silentWorker = `self.onmessage = () => undefined;`;
// A module worker may import the real one; the test server compiles its TypeScript as for any module.
const realWorker = `import '/packages/react/src/guidance/faceAnalyzer.worker.ts';`;

function tamperedModel(): Buffer {
  const model = Buffer.from(readFileSync(new URL('../src/guidance/blazeface.bin', import.meta.url)));
  // The lowest bit of a weight near the end: a change of about 0.1% in one weight.
  const at = model.length - 1001;
  model[at] = (model[at] ?? 0) ^ 1;
  return model;
}

export function analyzerDoubles(): Plugin {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    'hung/faceAnalyzer.worker.js': { type: 'text/javascript', body: hungWorker },
    'silent/faceAnalyzer.worker.js': { type: 'text/javascript', body: silentWorker },
    'stale/faceAnalyzer.worker.js': { type: 'text/javascript', body: staleWorker },
    'tampered/faceAnalyzer.worker.js': { type: 'text/javascript', body: realWorker },
    'tampered/blazeface.bin': { type: 'application/octet-stream', body: tamperedModel() },
  };
  return {
    name: 'biometric-login:analyzer-doubles',
    configureServer(server) {
      server.middlewares.use(analyzerDoublesPath, (request, response, next) => {
        const file = files[(request.url ?? '').replace(/^\//, '').split('?')[0] ?? ''];
        if (file === undefined) return next();
        response.setHeader('Content-Type', file.type);
        response.end(file.body);
      });
    },
  };
}
