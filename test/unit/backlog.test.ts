import { describe, expect, it } from 'vitest';
import { Backlog } from '../../src/crawlers/backlog.js';

/** Work that ends when `finish` is called. */
function work() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { done, finish };
}

const settled = async (promise: Promise<unknown>) => {
  let isSettled = false;
  void promise.then(
    () => {
      isSettled = true;
    },
    () => {
      isSettled = true;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return isSettled;
};

describe('Backlog', () => {
  it('lets work run on without waiting while it stays under its size', async () => {
    const backlog = new Backlog(10);
    const first = work();
    expect(await settled(backlog.add(first.done, 4))).toBe(true);
    const drained = backlog.drain();
    expect(await settled(drained)).toBe(false);
    first.finish();
    await drained;
  });

  it('makes whoever goes over the size wait until older work ends', async () => {
    const backlog = new Backlog(10);
    const first = work();
    const second = work();
    await backlog.add(first.done, 6);
    const adding = backlog.add(second.done, 6);
    expect(await settled(adding)).toBe(false);
    first.finish();
    await adding;
    second.finish();
    await backlog.drain();
  });

  it('reports the first failure when drained, after all the work ended', async () => {
    const backlog = new Backlog(10);
    const slow = work();
    await backlog.add(Promise.reject(new Error('broken')), 1);
    await backlog.add(slow.done, 1);
    const drained = backlog.drain();
    expect(await settled(drained)).toBe(false);
    slow.finish();
    await expect(drained).rejects.toThrow('broken');
  });
});
