import type { Handlers } from '../ipc';
import type { AppService } from './app-service';
import type { CrashRecovery } from './crash-recovery';

/** The `app` namespace. */
export function appHandlers(app: AppService, recovery: CrashRecovery): Handlers['app'] {
  return {
    info: async () => app.info(),
    openExternal: (_context, url, text) => app.openLink(url, text),
    copyText: (_context, text) => app.copyText(text),
    restartToUpdate: async () => app.restartToUpdate(),
    recovery: async () => recovery.take(),
  };
}
