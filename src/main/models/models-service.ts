import type { ModelList } from '../../shared/contract';
import { isVisionModel } from '../../shared/domain';
import { toAppError } from '../../shared/errors';
import type { BoundKey, KeyProvider } from '../secrets/key-provider';

export interface CachedModels {
  ids: string[];
  fetchedAt: number;
}

/** Where the last good list is kept, so the picker works offline. */
export interface ModelsCache {
  get(): CachedModels | null;
  set(value: CachedModels): void;
}

export class MemoryModelsCache implements ModelsCache {
  private value: CachedModels | null = null;
  get(): CachedModels | null {
    return this.value;
  }
  set(value: CachedModels): void {
    this.value = value;
  }
}

export interface ModelsServiceOptions {
  keys: KeyProvider;
  fetchModels(key: BoundKey): Promise<string[]>;
  cache: ModelsCache;
  now?: () => number;
}

/** The model picker's list: fresh from the server when it answers, else the saved one with the reason. */
export class ModelsService {
  constructor(private readonly options: ModelsServiceOptions) {}

  async list(): Promise<ModelList> {
    const { keys, cache } = this.options;
    try {
      const apiKey = await keys.requireKey();
      const ids = [...new Set(await this.options.fetchModels(apiKey))].sort((a, b) => a.localeCompare(b));
      const fetchedAt = (this.options.now ?? Date.now)();
      cache.set({ ids, fetchedAt });
      return { models: ids.map(toInfo), fetchedAt, error: null };
    } catch (error) {
      return this.fromCache(toAppError(error));
    }
  }

  private fromCache(error: ModelList['error']): ModelList {
    const cached = this.options.cache.get();
    return { models: (cached?.ids ?? []).map(toInfo), fetchedAt: cached?.fetchedAt ?? null, error };
  }
}

function toInfo(id: string) {
  return { id, vision: isVisionModel(id) };
}
