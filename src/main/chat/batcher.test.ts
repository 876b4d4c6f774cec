import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from './batcher';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Batcher', () => {
  it('waits for the interval before it flushes, by default', () => {
    const flush = vi.fn();
    const batcher = new Batcher(16, flush);
    batcher.mark();
    batcher.mark();
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('with leading: the first mark flushes at once, the marks within the interval wait for its end', () => {
    const flush = vi.fn();
    const batcher = Batcher.leading(16, flush);
    batcher.mark();
    expect(flush).toHaveBeenCalledTimes(1);
    batcher.mark();
    batcher.mark();
    vi.advanceTimersByTime(15);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(2);
    // That flush opened another interval: a mark in it waits too.
    batcher.mark();
    expect(flush).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(3);
    // After a quiet interval, the next mark goes at once again.
    vi.advanceTimersByTime(16);
    batcher.mark();
    expect(flush).toHaveBeenCalledTimes(4);
  });

  it('flush() sends what is pending at once and nothing when there is nothing', () => {
    const flush = vi.fn();
    const batcher = Batcher.leading(16, flush);
    batcher.flush();
    expect(flush).not.toHaveBeenCalled();
    batcher.mark();
    batcher.mark();
    batcher.flush();
    expect(flush).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(100);
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
