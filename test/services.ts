import { MemorySecretStore } from '../src/main/keys/memory-store';
import { createServices, type ServiceDeps, type Services } from '../src/main/services';

/** Main's services for a test: no keychain and no OS (links and the clipboard go nowhere), plus what `deps` says. */
export function testServices(deps: Partial<ServiceDeps> = {}): Services {
  return createServices({
    env: {},
    version: '0.0.0-test',
    platform: 'test',
    openExternal: async () => {},
    copyText: async () => {},
    secrets: new MemorySecretStore(),
    // The worker's source: Node runs TypeScript itself.
    documentsWorker: new URL('../src/main/documents/worker.ts', import.meta.url),
    ...deps,
  });
}
