import type { ChatEvent, EventChannel, EventPayloads, SendInput } from '../src/shared/contract';
import type { Message } from '../src/shared/domain';
import type { SenderLike } from '../src/main/ipc';
import type { ServiceDeps } from '../src/main/services';
import { memorySettings } from '../src/main/settings/settings-store';
import { ModelsLabServer } from './modelslab-server';
import { testServices } from './services';

/** Records what main sends to a window. */
export class RecordingSender implements SenderLike {
  readonly events: { channel: EventChannel; payload: unknown; at: number }[] = [];
  private waiters: (() => void)[] = [];
  destroyed = false;

  send<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void {
    this.events.push({ channel, payload, at: performance.now() });
    for (const wake of this.waiters.splice(0)) wake();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  chatEvents(messageId: string): ChatEvent[] {
    return this.events
      .map((e) => e.payload as ChatEvent)
      .filter((e) => (e.type === 'delta' ? e.messageId : e.type === 'end' ? e.message.id : null) === messageId);
  }

  async waitFor<T>(find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error('timed out waiting for an event');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** The final message of a stream; of the `nth` stream for a reply that was continued. */
  end(messageId: string, nth = 1): Promise<Message> {
    return this.waitFor(() => {
      const end = this.chatEvents(messageId).filter((e) => e.type === 'end')[nth - 1];
      return end?.type === 'end' ? end.message : undefined;
    });
  }
}

export const input = (content: string, extra: Partial<SendInput> = {}): SendInput => ({
  conversationId: null,
  content,
  images: [],
  model: 'meta-llama/Llama-3.1-70B-Instruct',
  params: {},
  systemPrompt: '',
  ...extra,
});

export async function startChat(deps: Partial<ServiceDeps> = {}) {
  const server = await new ModelsLabServer().start();
  const services = testServices({
    env: { MODELSLAB_API_KEY: server.apiKey, MODELSLAB_BASE_URL: server.baseUrl },
    // Model-made titles are an extra request after each first reply; the tests about them turn them on.
    settings: quietSettings(),
    ...deps,
  });
  const sender = new RecordingSender();
  return { server, services, sender };
}

/** Settings in memory, with model-made titles off. */
function quietSettings() {
  const settings = memorySettings();
  settings.update({ autoTitle: false });
  return settings;
}
