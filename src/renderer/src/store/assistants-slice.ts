import type { StateCreator } from 'zustand';
import { toAppError, type AppError } from '../../../shared/errors';
import type { Assistant } from '../../../shared/settings';
import { getApi } from '../api';
import type { AppState } from './index';

/** The saved assistants (system prompt + model + parameters, by name), kept in main's settings. */
export interface AssistantsSlice {
  assistants: Assistant[];
  /** Why the last change to the assistants was not saved. */
  assistantError: AppError | null;
  /** The dialog that lists, edits and starts assistants. */
  assistantsOpen: boolean;
  setAssistantsOpen(open: boolean): void;
  dismissAssistantError(): void;
  loadAssistants(): Promise<void>;
  /** Saves `assistant`, replacing the one named `replacing` (or one of the same name); false when main refused. */
  saveAssistant(assistant: Assistant, replacing?: string): Promise<boolean>;
  deleteAssistant(name: string): Promise<boolean>;
  /** Saves the composer's model, system prompt and parameters as an assistant of that name. */
  saveDraftAsAssistant(name: string, description?: string): Promise<boolean>;
  /** A new chat with the assistant's model, system prompt and parameters. */
  startWithAssistant(assistant: Assistant): void;
}

export const createAssistantsSlice: StateCreator<AppState, [], [], AssistantsSlice> = (set, get) => {
  async function store(assistants: Assistant[]): Promise<boolean> {
    try {
      const { values } = await getApi().settings.update({ assistants });
      set({ assistants: values.assistants, assistantError: null });
      return true;
    } catch (error) {
      set({ assistantError: toAppError(error) });
      return false;
    }
  }
  return {
    assistants: [],
    assistantError: null,
    assistantsOpen: false,
    setAssistantsOpen: (open) => set({ assistantsOpen: open, assistantError: null }),
    dismissAssistantError: () => set({ assistantError: null }),
    loadAssistants: async () => {
      try {
        set({ assistants: (await getApi().settings.get()).values.assistants });
      } catch (error) {
        set({ assistantError: toAppError(error) });
      }
    },
    saveAssistant: (assistant, replacing = assistant.name) => {
      const list = get().assistants;
      const at = list.findIndex((a) => a.name === replacing);
      const others = list.filter((a) => a.name !== replacing && a.name !== assistant.name);
      // An edited assistant keeps its place; a new one goes last.
      const next = at < 0 ? [...others, assistant] : [...others.slice(0, at), assistant, ...others.slice(at)];
      return store(next);
    },
    deleteAssistant: (name) => store(get().assistants.filter((a) => a.name !== name)),
    saveDraftAsAssistant: (name, description = '') => {
      const { model, systemPrompt, params } = get().draft;
      return get().saveAssistant({ name: name.trim(), description, model, systemPrompt, params });
    },
    startWithAssistant: ({ model, systemPrompt, params }) => get().newChatFrom({ model, systemPrompt, params }),
  };
};
