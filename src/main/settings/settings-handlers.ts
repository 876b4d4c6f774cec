import type { Handlers } from '../ipc';
import { changeBaseUrl, type BaseUrlChangeDeps } from './base-url-change';

/** The `settings` namespace: the window changes its preferences directly, but only asks to move the base URL. */
export function settingsHandlers(deps: BaseUrlChangeDeps): Handlers['settings'] {
  const { settings } = deps;
  return {
    get: async () => settings.get(),
    update: async (_context, patch) => settings.update(patch),
    changeBaseUrl: (_context, url) => changeBaseUrl(deps, url),
  };
}
