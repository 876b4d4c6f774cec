import type { Frames } from './store/delta-pump';

/** While hidden the window gets no frames; a timer at the pump's slowest pace keeps the store current. */
const HIDDEN_INTERVAL_MS = 100;

/** Animation frames, or a timer while the window is hidden. */
export const pageFrames: Frames = {
  next: (callback) => {
    if (document.visibilityState === 'hidden') setTimeout(() => callback(performance.now()), HIDDEN_INTERVAL_MS);
    else requestAnimationFrame(callback);
  },
};
