import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../services';
import { RateLimit } from './rate-limit';
import { testServices } from '../../../test/services';

describe('RateLimit', () => {
  it('allows `limit` calls in any window and refuses the next with throttled, until the window moves on', () => {
    let now = 0;
    const limit = new RateLimit(3, 1000, 'slow down', () => now);
    for (let i = 0; i < 3; i++) limit.take();
    expect(() => limit.take()).toThrow(expect.objectContaining({ code: 'throttled', message: 'slow down' }));
    now = 999;
    expect(() => limit.take()).toThrow();
    now = 1000;
    expect(() => limit.take()).not.toThrow();
  });
});

describe('app.copyText', () => {
  it('writes the clipboard a few times a second at most, however often the window asks', async () => {
    const copyText = vi.fn(async () => {});
    const services = testServices({
      copyText,
    });
    const { app } = createHandlers(services);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => app.copyText({} as never, `x${i}`)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(copyText).toHaveBeenCalledTimes(4);
    expect(refused).toHaveLength(46);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'throttled' });
  });
});
