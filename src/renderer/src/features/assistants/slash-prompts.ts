import { matchesQuery } from '../picker/model-options';

/** A saved prompt the composer's "/" can insert: an assistant's system prompt, by the assistant's name. */
export interface SavedPrompt {
  name: string;
  description: string;
  text: string;
}

/** What follows a "/" that starts the composer's text (and is all of it): the search; null when it is not one. */
export function slashQuery(text: string): string | null {
  const match = /^\/([^\n/]{0,60})$/.exec(text);
  return match ? match[1]! : null;
}

/** Prompts whose name or description has every word searched for; those with no text are left out. */
export function matchingPrompts(prompts: readonly SavedPrompt[], query: string): SavedPrompt[] {
  return prompts.filter((p) => p.text.trim() !== '' && matchesQuery(`${p.name} ${p.description}`, query.trim()));
}
