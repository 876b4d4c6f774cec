import type { Handlers } from '../ipc';
import type { CompareService } from './compare-service';

/** The `compare` namespace; a run's events go back to the window that started it. */
export function compareHandlers(compare: CompareService): Handlers['compare'] {
  return {
    start: (context, input) => compare.start(context.sender, input),
    stop: async (_context, runId) => compare.stop(runId),
    run: async (_context, runId) => compare.run(runId),
    state: async (_context, conversationId) => compare.state(conversationId),
    choose: async (_context, messageId) => compare.choose(messageId),
    regenerate: (context, input) => compare.regenerate(context.sender, input),
  };
}
