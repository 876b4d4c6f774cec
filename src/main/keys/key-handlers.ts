import { originOf } from '../../shared/base-url';
import type { Handlers } from '../ipc';
import { checkKey, type KeyCheckDeps } from './key-check';
import type { KeyManager } from './key-manager';

export interface KeyHandlerDeps extends KeyCheckDeps {
  keys: KeyManager;
  /** Where requests go now. */
  baseUrl(): string;
}

/** The `keys` namespace: the window learns a key's status and may replace it, never read it. */
export function keyHandlers(deps: KeyHandlerDeps): Handlers['keys'] {
  const { keys } = deps;
  return {
    status: () => keys.status(),
    // A key typed in the form is tested for the address requests go to now, which is where it would be saved for.
    test: async (_context, { key, model }) => {
      const bound = key === null ? await keys.requireKey() : { key, origin: originOf(deps.baseUrl()) };
      return checkKey(deps, bound, model);
    },
    save: (_context, { key, sessionOnly }) => keys.save(key, sessionOnly),
    remove: () => keys.remove(),
  };
}
