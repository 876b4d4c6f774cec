import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's size and place when not maximized. */
  bounds: Rect;
  maximized: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** What a new window opens with: a size (centred by the OS) or a full rectangle. */
export type InitialBounds = Size | Rect;

function isRect(value: unknown): value is Rect {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** Reads a saved state, or null when the file is missing, corrupt or from an older shape. */
export function parseWindowState(value: unknown): WindowState | null {
  if (!value || typeof value !== 'object') return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (!isRect(bounds) || bounds.width <= 0 || bounds.height <= 0) return null;
  return { bounds, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to reopen a window: on the display it overlaps most (the first, primary, display if none, e.g. a monitor
 * that was unplugged), shrunk to fit that display's work area and moved fully inside it.
 * @param workAreas the displays' work areas, primary first
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  defaults: Size,
  minimum: Size,
): { bounds: InitialBounds; maximized: boolean } {
  if (!saved || workAreas.length === 0) return { bounds: { ...defaults }, maximized: false };
  const { bounds } = saved;
  let area = workAreas[0]!;
  let best = overlap(bounds, area);
  for (const candidate of workAreas.slice(1)) {
    const o = overlap(bounds, candidate);
    if (o > best) [area, best] = [candidate, o];
  }
  const width = Math.round(Math.min(Math.max(bounds.width, minimum.width), area.width));
  const height = Math.round(Math.min(Math.max(bounds.height, minimum.height), area.height));
  const x = Math.round(Math.min(Math.max(bounds.x, area.x), area.x + area.width - width));
  const y = Math.round(Math.min(Math.max(bounds.y, area.y), area.y + area.height - height));
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** The window state as a small JSON file in the user-data folder. */
export class WindowStateFile {
  constructor(private readonly path: string) {}

  load(): WindowState | null {
    try {
      return parseWindowState(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return null;
    }
  }

  save(state: WindowState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    // Written aside and renamed, so a crash mid-write leaves the old state rather than half a file.
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, this.path);
  }
}
