// The request limiter: never more calls in flight than allowed, never more starts in any
// one-second window than the rate; a burst up to the rate goes at once. (Only lower bounds on
// time are asserted, which hold however loaded the machine is.)
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Limiter } from '../../src/cloud/limiter.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('concurrency bound holds', async () => {
  const limiter = new Limiter({ concurrency: 3, ratePerSecond: 0 });
  let inFlight = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 12 }, () =>
      limiter.run(async () => {
        most = Math.max(most, ++inFlight);
        await sleep(5);
        inFlight--;
      }),
    ),
  );
  assert.is(most, 3);
});

test('no more than `rate` starts in any one-second window; the first burst is not spread out', async () => {
  const limiter = new Limiter({ concurrency: 100, ratePerSecond: 5 });
  const starts: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 7 }, () => limiter.run(async () => void starts.push(performance.now() - t0))));
  starts.sort((a, b) => a - b);
  for (let i = 5; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 5]! >= 999, `start ${i} came ${starts[i]! - starts[i - 5]!} ms after start ${i - 5}`);
  assert.ok(starts[6]! >= 999);
});

test('bad settings are refused', () => {
  assert.throws(() => new Limiter({ concurrency: 0, ratePerSecond: 1 }), /concurrency/);
  assert.throws(() => new Limiter({ concurrency: 1, ratePerSecond: -1 }), /rate/);
});

test.run();
