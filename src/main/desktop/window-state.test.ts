import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWindowState, restoreBounds, WindowStateFile, type Rect } from './window-state';

const defaults = { width: 1200, height: 800 };
const minimum = { width: 640, height: 480 };
const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
/** A second monitor to the left of the primary one, so its coordinates are negative. */
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };

function restore(bounds: Rect, areas: Rect[] = [laptop], maximized = false) {
  return restoreBounds({ bounds, maximized }, areas, defaults, minimum);
}

describe('restoreBounds', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreBounds(null, [laptop], defaults, minimum)).toEqual({ bounds: defaults, maximized: false });
  });

  it('keeps a window that fits where it was', () => {
    const bounds = { x: 100, y: 80, width: 1000, height: 700 };
    expect(restore(bounds)).toEqual({ bounds, maximized: false });
  });

  it('keeps a window on a second monitor at negative coordinates', () => {
    const bounds = { x: -1500, y: 100, width: 1000, height: 700 };
    expect(restore(bounds, [laptop, leftMonitor]).bounds).toEqual(bounds);
  });

  it('brings a window back from a monitor that was unplugged', () => {
    const bounds = { x: -1500, y: 100, width: 1000, height: 700 };
    expect(restore(bounds, [laptop]).bounds).toEqual({ x: 0, y: 100, width: 1000, height: 700 });
  });

  it('pulls a window hanging off the edge fully onto the display', () => {
    expect(restore({ x: 1000, y: 600, width: 1000, height: 700 }).bounds).toEqual({
      x: 440,
      y: 200,
      width: 1000,
      height: 700,
    });
  });

  it('moves a title bar hidden under the menu bar into the work area', () => {
    expect(restore({ x: 50, y: 0, width: 800, height: 600 }).bounds).toMatchObject({ x: 50, y: 25 });
  });

  it('shrinks a window larger than the display it lands on', () => {
    expect(restore({ x: -100, y: -100, width: 3000, height: 2000 }).bounds).toEqual(laptop);
  });

  it('chooses the display the window mostly covers', () => {
    const bounds = { x: -300, y: 100, width: 1000, height: 700 };
    expect(restore(bounds, [laptop, leftMonitor]).bounds).toEqual({ x: 0, y: 100, width: 1000, height: 700 });
    const mostlyLeft = { x: -800, y: 100, width: 1000, height: 700 };
    expect(restore(mostlyLeft, [laptop, leftMonitor]).bounds).toEqual({ x: -1000, y: 100, width: 1000, height: 700 });
  });

  it('never restores smaller than the minimum size', () => {
    expect(restore({ x: 10, y: 40, width: 100, height: 50 }).bounds).toEqual({ x: 10, y: 40, width: 640, height: 480 });
  });

  it('restores the maximized flag', () => {
    expect(restore({ x: 10, y: 40, width: 800, height: 600 }, [laptop], true).maximized).toBe(true);
  });
});

describe('parseWindowState', () => {
  it('refuses anything but a well-formed state', () => {
    for (const bad of [null, 'x', {}, { bounds: { x: 0, y: 0, width: 'a', height: 1 } }]) {
      expect(parseWindowState(bad)).toBeNull();
    }
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: Number.NaN, height: 1 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 0, height: 100 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: 'yes' })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: false,
    });
  });
});

describe('WindowStateFile', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves and loads, and treats a corrupt file as no state', () => {
    dir = mkdtempSync(join(tmpdir(), 'window-state-'));
    const file = new WindowStateFile(join(dir, 'nested', 'window-state.json'));
    expect(file.load()).toBeNull();
    const state = { bounds: { x: 5, y: 6, width: 700, height: 500 }, maximized: true };
    file.save(state);
    expect(file.load()).toEqual(state);
    writeFileSync(join(dir, 'nested', 'window-state.json'), '{"bounds":');
    expect(file.load()).toBeNull();
  });
});
