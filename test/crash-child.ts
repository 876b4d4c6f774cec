/**
 * Streams replies into a real history database until it is killed. Run by crash.test.ts.
 * Reports each commit on stdout the moment it returns, so the parent knows what must survive.
 */
import { originOf } from '../src/shared/base-url';
import { writeSync } from 'node:fs';
import { ChatService } from '../src/main/chat/chat-service';
import { createClient } from '../src/main/chat/modelslab-client';
import { SqliteHistory } from '../src/main/history/sqlite-history';
import { MemoryAttachmentStore } from '../src/main/attachments/attachment-store';
import { KeyManager } from '../src/main/keys/key-manager';
import { MemorySecretStore } from '../src/main/keys/memory-store';
import { RecordingSender } from './chat-harness';
import { replyText } from './crash-reply';
import { ModelsLabServer } from './modelslab-server';

const report = (line: string) => writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  const server = await new ModelsLabServer().start();
  const history = new SqliteHistory(dataDir);
  const updateMessage = history.updateMessage.bind(history);
  history.updateMessage = (id, patch) => {
    const saved = updateMessage(id, patch);
    if (patch.content !== undefined) report(`saved ${id} ${saved.content.length}`);
    return saved;
  };
  const chat = new ChatService({
    history,
    keys: new KeyManager(
      { MODELSLAB_API_KEY: server.apiKey, MODELSLAB_BASE_URL: server.baseUrl },
      new MemorySecretStore(),
      () => originOf(server.baseUrl),
    ),
    attachments: new MemoryAttachmentStore(),
    client: (key) => createClient({ baseUrl: server.baseUrl, key }),
    saveMs: 50,
  });
  const sender = new RecordingSender();
  let conversationId: string | null = history.listConversations()[0]?.id ?? null;
  for (let turn = 0; ; turn++) {
    server.next({ kind: 'stream', chunks: replyText().split(/(?<= )/), delayMs: 2 });
    const sent = await chat.send(sender, {
      conversationId,
      content: `question ${turn}`,
      images: [],
      model: 'm',
      params: {},
      systemPrompt: '',
    });
    conversationId = sent.conversation.id;
    report(`committed ${sent.userMessage.id} ${sent.assistantMessage.id}`);
    await sender.end(sent.assistantMessage.id);
  }
}

void main();
