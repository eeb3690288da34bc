import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, toolEnv } from '../processes';

const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url));
const template = fileURLToPath(new URL('./app/', import.meta.url));

/** What a stranger installs: the React package and the core it depends on (not on the registry yet, so packed too). */
export const packedPackages = ['core', 'react'] as const;

export interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
}

export const packageDir = (name: (typeof packedPackages)[number]) => join(packagesDir, name);

/**
 * The peers an app installs next to the package, as its README says: every required peer the app does not
 * have yet, at the version the workspace tests with. Read from package.json, so a peer that becomes a
 * dependency (or a new one) needs no change here.
 */
export function peersToInstall(library: Manifest, app: Manifest): string[] {
  const present = { ...app.dependencies, ...app.devDependencies };
  return Object.entries(library.peerDependencies ?? {})
    .filter(([name]) => library.peerDependenciesMeta?.[name]?.optional !== true && !(name in present))
    .map(([name, range]) => `${name}@${library.devDependencies?.[name] ?? range}`);
}

export interface PackedProject {
  /** The app, in a temp folder outside the workspace (so nothing resolves from the workspace's node_modules). */
  dir: string;
  tarballs: string[];
  /** What `npm install` was given besides the app's own package.json. */
  installed: string[];
  remove(): Promise<void>;
}

/** Packs the packages (`pnpm pack`, after `pnpm run build`), installs them with npm into a copy of the template, and builds it. */
export async function createPackedProject(buildEnv: NodeJS.ProcessEnv): Promise<PackedProject> {
  const root = await mkdtemp(join(tmpdir(), 'biometric-login-packed-'));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    const tarballDir = join(root, 'tarballs');
    const dir = join(root, 'app');
    await mkdir(tarballDir);
    await cp(template, dir, { recursive: true });
    for (const name of packedPackages) await run('pnpm', ['pack', '--pack-destination', tarballDir], { cwd: packageDir(name) });
    const tarballs = (await readdir(tarballDir)).filter((file) => file.endsWith('.tgz')).map((file) => join(tarballDir, file));
    const installed = [...tarballs, ...peersToInstall(await readManifest(packageDir('react')), await readManifest(dir))];
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...installed], { cwd: dir, env: toolEnv() });
    await run('npm', ['run', 'build'], { cwd: dir, env: toolEnv(buildEnv) });
    return { dir, tarballs, installed, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
