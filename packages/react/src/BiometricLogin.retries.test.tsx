import { maxAutomaticRetries } from '@biometric-login/core';
import { act, fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server, session, setup, validatePath, verifyButton } from '../test/loginHarness.js';
import { en } from './messages.js';

// Fake time: the backoff and Retry-After waits are advanced by the test, never slept through. Only timers
// and the clock are faked; the sandbox's WebCrypto and MSW still run for real, and fake time stands still
// while a request is being answered. Each request's arrival is stamped with the fake clock.
const arrivals: number[] = [];
let inFlight = 0;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  arrivals.length = 0;
  inFlight = 0;
  server.events.on('request:start', ({ request }) => {
    if (request.url !== validatePath) return;
    arrivals.push(Date.now());
    inFlight += 1;
  });
  server.events.on('request:end', ({ request }) => {
    if (request.url === validatePath) inFlight -= 1;
  });
});
afterEach(() => {
  vi.useRealTimers();
});

const step = 25;

/** Lets real asynchronous work (signing, MSW) run, with no fake time passing. */
async function realTurns(count = 8) {
  for (let turn = 0; turn < count; turn += 1) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
      await new Promise((resolve) => setImmediate(resolve));
    });
  }
}

/** `ms` of fake time, in small steps; before each, whatever request is being answered is answered. */
async function runFor(ms: number) {
  for (let elapsed = 0; elapsed < ms; elapsed += step) {
    for (let turn = 0; inFlight > 0 && turn < 10_000; turn += 1) await realTurns(1);
    await realTurns();
    await act(() => vi.advanceTimersByTimeAsync(step));
  }
  await realTurns();
}

/** The waits between consecutive requests, in fake milliseconds. */
const gaps = () => arrivals.slice(1).map((time, index) => time - (arrivals[index] ?? time));

async function start(options: Parameters<typeof session>[0]) {
  const view = setup({ token: await session(options) });
  await realTurns();
  expect(verifyButton()).toBeEnabled();
  // user-event paces itself with setTimeout, which these tests fake; a plain click is enough here.
  fireEvent.click(verifyButton());
  return view;
}

describe('automatic retries, on fake time', () => {
  it('retries a 5xx after 0.5 s by itself, then succeeds', async () => {
    const { navigate, onError } = await start({ scenario: 'SERVER_ERROR', repeat: 1 });
    await runFor(2000);
    expect(arrivals).toHaveLength(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(500);
    expect(gaps()[0]).toBeLessThanOrEqual(500 + step);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('gives up on a 5xx after two retries (0.5 s, then 1 s): SERVER_ERROR, and sends nothing more', async () => {
    const { onError } = await start({ scenario: 'SERVER_ERROR', repeat: 10 });
    await runFor(5000);
    expect(arrivals).toHaveLength(maxAutomaticRetries + 1);
    const [first = 0, second = 0] = gaps();
    expect(first).toBeGreaterThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(1000);
    expect(second).toBeLessThanOrEqual(1000 + step);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'SERVER_ERROR', status: 503 });
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors.SERVER_ERROR.title);
  });

  it("waits out a short Retry-After on 429: the server's 1 s, not the backoff", async () => {
    const { navigate } = await start({ scenario: 'RATE_LIMITED', repeat: 1 });
    await runFor(3000);
    expect(arrivals).toHaveLength(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps()[0]).toBeLessThanOrEqual(1000 + step);
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('shows RATE_LIMITED when the server keeps refusing', async () => {
    const { onError } = await start({ scenario: 'RATE_LIMITED', repeat: 10 });
    await runFor(5000);
    expect(arrivals).toHaveLength(3);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1000 });
  });

  it('never retries a 4xx, however long one waits', async () => {
    const { onError } = await start({ scenario: 'LIVENESS_DETECTION_FAILED', repeat: 10 });
    await runFor(10_000);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(arrivals).toHaveLength(1);
  });

  it('NETWORK_ERROR when the API cannot be reached, after two retries', async () => {
    server.use(http.post(validatePath, () => HttpResponse.error()));
    const { onError } = await start({});
    await runFor(5000);
    expect(arrivals).toHaveLength(3);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'NETWORK_ERROR' });
  });
});
