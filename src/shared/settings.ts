import { STARTER_ASSISTANTS } from './assistants';
import { DEFAULT_MODEL, type ChatParams } from './domain';
import type { Language, LanguageSetting } from './languages';

/** Every theme the app has; the settings schema and the stored settings are read against this list. */
export const THEMES = ['system', 'light', 'dark'] as const;

export type Theme = (typeof THEMES)[number];

/** A named starting point for new chats: a system prompt with its model and parameters (once called a preset). */
export interface Assistant {
  /** Unique among the user's assistants; saving under a name replaces the one of that name. */
  name: string;
  description: string;
  model: string;
  systemPrompt: string;
  params: ChatParams;
}

export interface Settings {
  theme: Theme;
  /** The app's language; 'system' follows the operating system's. */
  language: LanguageSetting;
  defaultModel: string;
  defaultParams: ChatParams;
  /** null: MODELSLAB_BASE_URL or ModelsLab's own endpoint. */
  baseUrl: string | null;
  assistants: Assistant[];
  /** Packaged builds check for updates in the background; takes effect at the next start. */
  autoUpdate: boolean;
  /** After a new chat's first reply, the model names it (unless the user already did). */
  autoTitle: boolean;
  /** The model that names chats; null: the chat's own. */
  titleModel: string | null;
  /** After a rate limit, retry once by itself when the wait the server asked for is over. */
  autoRetry: boolean;
  /** Newest first; main adds a model each time a reply is asked of it, so the window cannot invent history. */
  recentModels: string[];
  /** The picker lists these first; the user stars and unstars them. */
  favoriteModels: string[];
  /** The conversation list is folded away (Ctrl/Cmd+B). */
  sidebarCollapsed: boolean;
}

/** What the window may change directly; the base URL changes only through `settings.changeBaseUrl`. */
export type SettingsPatch = Partial<Omit<Settings, 'baseUrl' | 'recentModels'>>;

export interface SettingsNotice {
  kept: string;
}

export interface SettingsView {
  values: Settings;
  /** The language the app speaks now: the setting, or the system's when it is 'system' (main decides). */
  language: Language;
  /** Set when the settings file could not be read and was moved aside: where the old file was kept (the window words it). */
  notice: SettingsNotice | null;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'system',
  defaultModel: DEFAULT_MODEL,
  defaultParams: {},
  baseUrl: null,
  assistants: [...STARTER_ASSISTANTS],
  autoUpdate: true,
  autoTitle: true,
  titleModel: null,
  autoRetry: false,
  recentModels: [],
  favoriteModels: [],
  sidebarCollapsed: false,
};
