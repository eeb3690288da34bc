import { buildNextExample } from './nextExample';

/** One `next build` per run, before the journeys serve it with `next start`. */
export default async function setup(): Promise<void> {
  await buildNextExample();
}
