/// <reference types="vite/client" />
import type { Bridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the preload script; the renderer's only way to reach main. */
    api: Bridge;
  }
}
