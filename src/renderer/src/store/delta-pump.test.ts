import { describe, expect, it } from 'vitest';
import { DeltaPump, type Frames } from './delta-pump';

/** Frames run by hand: `run(t)` calls what waits for the next frame, with that frame's start time. */
function manualFrames() {
  let waiting: ((time: number) => void)[] = [];
  const frames: Frames = { next: (callback) => void waiting.push(callback) };
  const run = (time: number) => {
    const now = waiting;
    waiting = [];
    now.forEach((callback) => callback(time));
  };
  return { frames, run, waiting: () => waiting.length };
}

const delta = (text: string, messageId = 'm1') => ({ type: 'delta' as const, conversationId: 'c1', messageId, text });

describe('DeltaPump', () => {
  it('applies everything that arrived before a frame in that frame, once per message', () => {
    const { frames, run } = manualFrames();
    const applied: string[][] = [];
    const pump = new DeltaPump(frames, (batch) => applied.push(batch.map((d) => `${d.messageId}:${d.text}`)));
    pump.push(delta('Hel'));
    pump.push(delta('lo'));
    pump.push(delta('Other', 'm2'));
    expect(applied).toEqual([]);
    run(0);
    expect(applied).toEqual([['m1:Hello', 'm2:Other']]);
    run(16.7);
    expect(applied).toHaveLength(1);
  });

  it('applies text less often while frames that apply it run over budget, and every frame again once they fit', () => {
    const { frames, run } = manualFrames();
    const frame = 1000 / 60;
    const times: number[] = [];
    let t = 0;
    const pump = new DeltaPump(frames, () => times.push(t));
    for (let i = 0; i < 30; i++) {
      pump.push(delta('x'));
      run((t += frame));
      if (times.at(-1) === t) t += frame; // a frame that applies text takes two
    }
    const gaps = times.slice(1).map((at, i) => Math.round((at - times[i]!) / frame));
    expect(gaps[0]).toBe(2);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 10; i++) {
      pump.push(delta('x'));
      run((t += frame));
    }
    expect(pump.pace).toBe(0);
    const applied = times.length;
    pump.push(delta('x'));
    run((t += frame));
    expect(times.length).toBe(applied + 1);
  });

  it('never waits longer than 100 ms between frames that apply text, however slow they are', () => {
    const { frames, run } = manualFrames();
    const times: number[] = [];
    let t = 0;
    const pump = new DeltaPump(frames, () => times.push(t));
    for (let i = 0; i < 40; i++) {
      pump.push(delta('x'));
      run((t += 1000 / 60));
      if (times.at(-1) === t) t += 200; // every frame that applies text takes 200 ms
    }
    const gaps = times.slice(1).map((at, i) => at - times[i]! - 200);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(100 + 1000 / 60);
  });

  it('drops what it holds for a reply that ended, whose end event carries the whole text', () => {
    const { frames, run } = manualFrames();
    const applied: string[] = [];
    const pump = new DeltaPump(frames, (batch) => applied.push(...batch.map((d) => d.text)));
    pump.push(delta('late'));
    pump.drop('m1');
    run(0);
    expect(applied).toEqual([]);
  });
});
