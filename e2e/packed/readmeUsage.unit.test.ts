import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageDir, peersToInstall, readManifest } from './packedProject';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

// The project's README and the one npm shows for the react package say the same.
describe.each(['../../README.md', '../../packages/react/README.md'])('the usage section of %s', (readmePath) => {
  const readme = read(readmePath);
  const usage = readme.slice(readme.indexOf('\n## Usage\n'));

  it('is the App.tsx of the app the packed-install test builds, word for word', () => {
    expect(/```tsx\n([\s\S]*?)```/.exec(usage)?.[1]).toBe(read('./app/src/App.tsx'));
  });

  it('installs the package and the peers the packed-install test installs (those a fresh Vite app lacks)', async () => {
    const react = await readManifest(packageDir('react'));
    const peers = peersToInstall(react, await readManifest(fileURLToPath(new URL('./app/', import.meta.url))));
    const command = /```sh\nnpm install (.+)\n```/.exec(readme)?.[1]?.split(' ');
    expect(command?.sort()).toEqual([react.name, ...peers.map((peer) => peer.slice(0, peer.lastIndexOf('@')))].sort());
  });
});
