import type { Handlers } from '../ipc';
import type { DocumentService } from './document-service';

/** The `documents` namespace: progress goes back to the window that asked. */
export function documentHandlers(documents: DocumentService): Handlers['documents'] {
  return {
    pick: (context, requestId) => documents.pick(context.sender, requestId),
    fromBytes: (context, requestId, name, base64) => documents.fromBytes(context.sender, requestId, name, base64),
    cancel: async (_context, requestId) => documents.cancel(requestId),
    text: async (_context, id) => documents.text(id),
  };
}
