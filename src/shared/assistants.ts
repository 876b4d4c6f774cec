import { DEFAULT_MODEL } from './domain';
import type { ChatParams } from './domain';
import type { Assistant } from './settings';
// The attribute lets Node load it as it is, as Playwright's fixtures do (they run main's code without a bundler).
import english from './locales/en/starters.json' with { type: 'json' };

/** A starter's words in one language: the `starters` namespace (src/shared/locales/<language>/starters.json). */
export type StarterWords = typeof english;

type StarterId = keyof StarterWords;

/** What a starter is besides its words; its name, description and system prompt come from the locale files. */
const STARTERS: readonly { id: StarterId; params: ChatParams }[] = [
  { id: 'general', params: {} },
  { id: 'codeReviewer', params: { temperature: 0.2 } },
  { id: 'writingEditor', params: { temperature: 0.4 } },
  { id: 'translator', params: { temperature: 0.2 } },
  { id: 'summarizer', params: { temperature: 0.3 } },
  { id: 'tutor', params: {} },
  { id: 'brainstorm', params: { temperature: 1.1 } },
  { id: 'imageDescriber', params: { temperature: 0.2 } },
];

/**
 * The assistants a new install starts with, in the words of the language main decided at first start. They are
 * ordinary assistants: the user edits or deletes them like their own, and a deleted one does not come back.
 */
export function starterAssistants(words: StarterWords): Assistant[] {
  return STARTERS.map(({ id, params }) => {
    const { name, description, systemPrompt } = words[id];
    return { name, description, model: DEFAULT_MODEL, systemPrompt, params: { ...params } };
  });
}

/** The English starters. */
export const STARTER_ASSISTANTS: readonly Assistant[] = starterAssistants(english);
