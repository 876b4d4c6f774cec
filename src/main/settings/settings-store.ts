import { existsSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_SETTINGS, THEMES, type Settings, type SettingsNotice, type SettingsView } from '../../shared/settings';
import { LIMITS } from '../../shared/domain';
import { chosenLanguage, LANGUAGE_SETTINGS, type Language } from '../../shared/languages';
import { starterAssistants } from '../../shared/assistants';
import { starterWords } from '../i18n';
import { assistantSchema, baseUrlSchema, chatParamsSchema, modelIdSchema, modelListSchema } from '../../shared/schemas';

/** Read and written through this, so tests use `conf` on a temp folder and the app uses electron-store. */
export interface SettingsStore {
  get(): SettingsView;
  update(patch: Partial<Settings>): SettingsView;
}

/** The part of conf (and electron-store, which extends it) that is used here. */
export interface ConfLike {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

/** Each field falls back to its default on its own, so one bad value does not reset the rest. */
const storedSchema = z.object({
  theme: z.enum(THEMES).catch(DEFAULT_SETTINGS.theme),
  language: z.enum(LANGUAGE_SETTINGS).catch(DEFAULT_SETTINGS.language),
  defaultModel: modelIdSchema.catch(DEFAULT_SETTINGS.defaultModel),
  defaultParams: chatParamsSchema.catch(DEFAULT_SETTINGS.defaultParams),
  baseUrl: baseUrlSchema.nullable().catch(null),
  autoUpdate: z.boolean().catch(DEFAULT_SETTINGS.autoUpdate),
  autoTitle: z.boolean().catch(DEFAULT_SETTINGS.autoTitle),
  titleModel: modelIdSchema.nullable().catch(null),
  autoRetry: z.boolean().catch(DEFAULT_SETTINGS.autoRetry),
  recentModels: modelListSchema(LIMITS.recentModels).catch([]),
  favoriteModels: modelListSchema(LIMITS.favoriteModels).catch([]),
  sidebarCollapsed: z.boolean().catch(DEFAULT_SETTINGS.sidebarCollapsed),
  // An assistant that no longer reads is dropped, as is a second one of the same name; the others stay.
  assistants: z
    .array(z.unknown())
    .catch([])
    .transform((items) => {
      const readable = items.flatMap((item) => assistantSchema.safeParse(item).data ?? []);
      const seen = new Set<string>();
      return readable.filter((a) => !seen.has(a.name) && seen.add(a.name)).slice(0, LIMITS.assistants);
    }),
});

/** `language` is the starters' language, for a file that has no assistants yet (a new install). */
export function readSettings(raw: Record<string, unknown>, language: Language = 'en'): Settings {
  const migrated = 'assistants' in raw ? raw : { ...raw, assistants: firstAssistants(raw.presets, language) };
  return storedSchema.parse({ ...DEFAULT_SETTINGS, ...migrated }) as Settings;
}

/**
 * A settings file from before assistants existed: its presets become assistants (with no description, and without
 * the per-chat context they once carried), followed by the starters whose names are still free.
 */
function firstAssistants(presets: unknown, language: Language): unknown[] {
  const old = (Array.isArray(presets) ? presets : []).map((preset: unknown) =>
    preset && typeof preset === 'object'
      ? { description: '', ...Object.fromEntries(Object.entries(preset).filter(([key]) => key !== 'context')) }
      : preset,
  );
  const taken = new Set(old.map((p) => (p as { name?: unknown } | null)?.name));
  return [...old, ...starterAssistants(starterWords(language)).filter((a) => !taken.has(a.name))];
}

/** The operating system's locales, most preferred first (Electron's `app.getLocale()` in the app). */
export type SystemLocales = () => readonly string[];

/**
 * Opens the settings file with `create`. A file that cannot be parsed is moved aside (never deleted),
 * defaults are used, and `notice` says where the old file was kept.
 */
export function openSettings(
  path: string,
  create: () => ConfLike,
  systemLocales: SystemLocales = () => ['en-US'],
  now: () => number = Date.now,
): SettingsStore {
  let notice: SettingsNotice | null = null;
  let conf: ConfLike;
  try {
    conf = create();
  } catch {
    const kept = `${path}.unreadable-${now()}`;
    if (existsSync(path)) renameSync(path, kept);
    notice = { kept };
    conf = create();
  }
  if (!('assistants' in conf.store)) {
    // A new install's starters are written at once, in the language main speaks at first start; from then on
    // they are the user's own, whatever language is chosen later.
    const setting = storedSchema.shape.language.parse(conf.store.language);
    conf.set({ assistants: readSettings(conf.store, chosenLanguage(setting, systemLocales())).assistants });
  }
  const view = (values: Settings): SettingsView => ({
    values,
    language: chosenLanguage(values.language, systemLocales()),
    notice,
  });
  return {
    get: () => view(readSettings(conf.store)),
    update: (patch) => {
      const next = readSettings({ ...conf.store, ...patch });
      conf.set(next as unknown as Record<string, unknown>);
      return view(next);
    },
  };
}

/** Settings kept for the life of the process, when no file is given. */
export function memorySettings(systemLocales?: SystemLocales): SettingsStore {
  let store: Record<string, unknown> = {};
  return openSettings(
    '',
    () => ({
      get store() {
        return store;
      },
      set: (values) => void (store = { ...store, ...values }),
    }),
    systemLocales,
  );
}
