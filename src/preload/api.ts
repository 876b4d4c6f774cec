import { API_EVENTS, API_METHODS, channelOf, type Bridge, type EventChannel } from '../shared/contract';

/** The part of Electron's ipcRenderer the bridge needs; tests pass their own. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: EventChannel, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: EventChannel, listener: (event: unknown, payload: unknown) => void): void;
}

/**
 * Builds `window.api` from the contract's method and event lists. It offers only the named
 * channels: there is no generic invoke or send for a compromised renderer to reach further with.
 */
export function createApi(ipc: IpcRendererLike): Bridge {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [namespace, methods] of Object.entries(API_METHODS)) {
    const target: Record<string, unknown> = (api[namespace] = {});
    for (const method of Object.keys(methods)) {
      const channel = channelOf(namespace, method);
      target[method] = (...args: unknown[]) => ipc.invoke(channel, ...args);
    }
  }
  for (const [namespace, events] of Object.entries(API_EVENTS)) {
    const target = (api[namespace] ??= {});
    for (const [name, channel] of Object.entries(events)) {
      target[name] = (listener: (payload: unknown) => void) => {
        const wrapped = (_event: unknown, payload: unknown) => listener(payload);
        ipc.on(channel, wrapped);
        return () => ipc.removeListener(channel, wrapped);
      };
    }
  }
  return api as unknown as Bridge;
}
