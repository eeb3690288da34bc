#!/usr/bin/env node
// One entry for a fresh machine with only Node and npm: installs what the project needs, then runs it.
//   node scripts/run.mjs start   install, build the packages, serve the demo with the offline sandbox
//   node scripts/run.mjs check   install (Chromium too), then run every test (pnpm run test)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const pnpmVersion = '10.34.9';
const [task] = process.argv.slice(2);
if (task !== 'start' && task !== 'check') {
  console.error('usage: node scripts/run.mjs start|check');
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node >= 20.19 is needed; this is ${process.versions.node}.`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function output(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** pnpm at the pinned version: the one on PATH, else a global install, else npx (corepack fails on this registry). */
function pnpmCommand() {
  if (output('pnpm', ['--version']) === pnpmVersion) return ['pnpm'];
  const installed = spawnSync('npm', ['install', '--global', `pnpm@${pnpmVersion}`], { stdio: 'inherit' });
  if (installed.status === 0 && output('pnpm', ['--version']) === pnpmVersion) return ['pnpm'];
  console.warn(`Could not install pnpm globally; using npx pnpm@${pnpmVersion}.`);
  return ['npx', '--yes', `pnpm@${pnpmVersion}`];
}

/** Browser tests drive Debian's Chromium (no browser downloads here); CHROMIUM_PATH may point elsewhere. */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && output('apt-get', ['--version'])) {
    console.log('Installing Chromium from Debian (apt-get)…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation', 'fonts-dejavu-core']);
    if (existsSync(path)) return;
  }
  console.error(
    `Chromium was not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium fonts-liberation fonts-dejavu-core) ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run this again.',
  );
  process.exit(1);
}

const pnpm = pnpmCommand();
const pnpmRun = (...args) => run(pnpm[0], [...pnpm.slice(1), ...args]);
if (task === 'check') ensureChromium();
pnpmRun('install', '--frozen-lockfile');
if (task === 'start') pnpmRun('run', 'dev');
else pnpmRun('run', 'test');
